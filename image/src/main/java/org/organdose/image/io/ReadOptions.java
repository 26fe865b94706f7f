package org.organdose.image.io;

/**
 * Choices a reader cannot make alone.
 *
 * @param seriesInstanceUid the DICOM series to read when a folder holds several; null for "the only one"
 */
public record ReadOptions(String seriesInstanceUid) {
    public static ReadOptions defaults() {
        return new ReadOptions(null);
    }
}
