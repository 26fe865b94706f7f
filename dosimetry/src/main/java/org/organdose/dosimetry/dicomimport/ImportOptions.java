package org.organdose.dosimetry.dicomimport;

/**
 * Choices the user makes for the import.
 *
 * @param diagnosticCtUid     the series to use as diagnostic CT; null to let the import choose
 * @param calibrationCpsPerMBq camera sensitivity that lets SPECTs in counts be used; null when none is given
 */
public record ImportOptions(String diagnosticCtUid, Double calibrationCpsPerMBq) {
    public static ImportOptions defaults() {
        return new ImportOptions(null, null);
    }
}
