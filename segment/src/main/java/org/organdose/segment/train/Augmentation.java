package org.organdose.segment.train;

/**
 * Probabilities and ranges of the training augmentations. Geometry: in-plane rotation, scaling and
 * elastic deformation; intensity: HU shift and scale (scanners, contrast phases), noise (low dose),
 * in-plane blur (reconstruction kernels) and thick-slice simulation (averaging over 3-5 mm slabs
 * along z and interpolating back, as the low-dose CT of a SPECT/CT).
 */
public record Augmentation(
        double rotationProbability, double maxRotationDegrees,
        double scaleProbability, double maxScaleChange,
        double elasticProbability, double elasticSigmaMm,
        double intensityProbability, double maxHuShift, double maxHuScaleChange,
        double noiseProbability, double maxNoiseHu,
        double blurProbability, double maxBlurSigmaMm,
        double thickSliceProbability, double minSliceMm, double maxSliceMm) {

    /** Defaults used by {@code organdose train}. */
    public static final Augmentation DEFAULT = new Augmentation(
            0.5, 15,
            0.5, 0.15,
            0.3, 4,
            0.5, 25, 0.1,
            0.3, 30,
            0.2, 1.5,
            0.25, 3, 5);

    /** No augmentation at all (tests, debugging). */
    public static final Augmentation NONE = new Augmentation(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 5);
}
