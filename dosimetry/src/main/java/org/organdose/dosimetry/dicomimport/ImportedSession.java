package org.organdose.dosimetry.dicomimport;

import org.organdose.dosimetry.SpectCalibration;

/**
 * One imaging session chosen by the import.
 *
 * @param hoursPostInjection time of the SPECT acquisition after the injection
 * @param spect              the SPECT series
 * @param ct                 the CT series paired with it
 * @param spectUnits         "BQML", or "CNTS" with a calibration
 * @param calibration        for a SPECT in counts; null otherwise
 */
public record ImportedSession(double hoursPostInjection, ImportedSeries spect, ImportedSeries ct, String spectUnits,
                              SpectCalibration calibration) {
}
