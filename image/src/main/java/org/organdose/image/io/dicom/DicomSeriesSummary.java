package org.organdose.image.io.dicom;

/**
 * One image series found in a folder, as an {@code info} command lists it.
 *
 * @param seriesInstanceUid its SeriesInstanceUID ("" when its files carry none)
 * @param modality          CT, MR, NM, PT, ... ("" when absent)
 * @param description       SeriesDescription ("" when absent)
 * @param fileCount         how many files hold its images
 */
public record DicomSeriesSummary(String seriesInstanceUid, String modality, String description, int fileCount) {
    /** "UID (CT, "description", 129 files)", as messages list series. */
    public String describe() {
        return (seriesInstanceUid.isEmpty() ? "(no SeriesInstanceUID)" : DicomAttributes.printable(seriesInstanceUid))
                + " (" + (modality.isEmpty() ? "unknown modality" : DicomAttributes.printable(modality))
                + (description.isEmpty() ? "" : ", \"" + DicomAttributes.printable(description) + "\"") + ", " + fileCount
                + (fileCount == 1 ? " file)" : " files)");
    }
}
