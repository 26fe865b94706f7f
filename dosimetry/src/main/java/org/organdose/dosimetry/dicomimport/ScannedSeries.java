package org.organdose.dosimetry.dicomimport;

import java.util.List;
import org.organdose.image.io.dicom.DicomAttributes;

/**
 * The image files of one series found in an export, headers only.
 *
 * @param seriesUid its SeriesInstanceUID
 * @param files     the headers of its files, in path order
 */
public record ScannedSeries(String seriesUid, List<DicomAttributes> files) {
    public ScannedSeries {
        files = List.copyOf(files);
    }

    /** The first file's header: what all files of a series share. */
    public DicomAttributes first() {
        return files.get(0);
    }
}
