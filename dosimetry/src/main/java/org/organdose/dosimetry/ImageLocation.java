package org.organdose.dosimetry;

import java.nio.file.Path;
import java.util.Objects;
import org.organdose.image.io.ReadOptions;

/**
 * Where a manifest's image is: a file (NIfTI, NRRD, ...), a folder of one DICOM series, or one
 * series of a DICOM folder holding several, named by its SeriesInstanceUID (what {@code import}
 * writes, so that the manifest never depends on the export's file names).
 *
 * @param path      the file or folder, absolute
 * @param seriesUid the series within the folder; null for "the file" or "the folder's only series"
 */
public record ImageLocation(Path path, String seriesUid) {
    /** A file, or a folder holding one series. */
    public static ImageLocation of(Path path) {
        return new ImageLocation(path, null);
    }

    ReadOptions readOptions() {
        return new ReadOptions(seriesUid);
    }

    /** The file name, or "series UID in folder", for messages. */
    public String describe() {
        return seriesUid == null ? String.valueOf(path.getFileName()) : "series " + seriesUid + " in " + path;
    }

    /** Whether both name the same image, however their paths are spelled. */
    boolean sameImage(ImageLocation other) {
        return path.toAbsolutePath().normalize().equals(other.path.toAbsolutePath().normalize())
                && Objects.equals(seriesUid, other.seriesUid);
    }
}
