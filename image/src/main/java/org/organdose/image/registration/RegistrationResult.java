package org.organdose.image.registration;

/**
 * The outcome of a {@link RigidRegistration}.
 *
 * @param transform         maps fixed points to moving points (see {@link RigidTransform})
 * @param finalMetric       normalised cross-correlation at the end of the finest level (1 = perfect)
 * @param iterationsPerLevel optimiser iterations spent at each level, coarse to fine
 * @param seconds           wall time of the whole registration
 */
public record RegistrationResult(RigidTransform transform, double finalMetric, int[] iterationsPerLevel, double seconds) {
    public RegistrationResult {
        iterationsPerLevel = iterationsPerLevel.clone();
    }

    @Override
    public int[] iterationsPerLevel() {
        return iterationsPerLevel.clone();
    }
}
