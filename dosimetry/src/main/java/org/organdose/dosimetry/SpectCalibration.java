package org.organdose.dosimetry;

/**
 * What turns a SPECT reconstructed in counts into activity: the camera's sensitivity and the
 * acquisition's duration. A voxel's activity is its counts / (duration x sensitivity).
 *
 * @param cpsPerMBq             system sensitivity, counts per second per MBq, as measured for this
 *                              camera, collimator, energy window and reconstruction
 * @param acquisitionDurationS  the time over which the reconstructed counts were acquired
 */
public record SpectCalibration(double cpsPerMBq, double acquisitionDurationS) {
    public SpectCalibration {
        if (!(cpsPerMBq > 0) || !Double.isFinite(cpsPerMBq)) {
            throw new IllegalArgumentException("the calibration factor must be a positive number of cps/MBq, got " + cpsPerMBq);
        }
        if (!(acquisitionDurationS > 0) || !Double.isFinite(acquisitionDurationS)) {
            throw new IllegalArgumentException("the acquisition duration must be a positive number of seconds, got "
                    + acquisitionDurationS);
        }
    }

    /** MBq/mL per count in a voxel of {@code voxelMl}. */
    public double mbqPerMlPerCount(double voxelMl) {
        return 1 / (cpsPerMBq * acquisitionDurationS * voxelMl);
    }
}
