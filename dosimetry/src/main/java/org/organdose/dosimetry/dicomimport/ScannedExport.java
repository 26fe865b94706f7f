package org.organdose.dosimetry.dicomimport;

import java.nio.file.Path;
import java.util.List;

/**
 * What a scan of an export folder found.
 *
 * @param folder          the folder scanned
 * @param series          its image series, in the order their first file was found
 * @param filesSeen       every regular file under the folder
 * @param notDicom        files skipped because they are not DICOM
 * @param notImages       DICOM files skipped because they hold no image (DICOMDIR, SR, SEG, ...)
 * @param damaged         DICOM files skipped because their header cannot be parsed, each "path: problem"
 */
public record ScannedExport(Path folder, List<ScannedSeries> series, int filesSeen, int notDicom, int notImages,
                            List<String> damaged) {
    public ScannedExport {
        series = List.copyOf(series);
        damaged = List.copyOf(damaged);
    }
}
