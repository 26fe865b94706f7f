package org.organdose.segment.train;

/**
 * Probabilities and ranges of the training augmentations. Geometry: in-plane rotation, scaling and
 * elastic deformation. Intensity: HU shift and scale (scanners), label-guided organ intensity
 * randomization (each labelled organ shifted by its own random amount with soft edges, so that a
 * plain and a contrast-enhanced kidney both occur: with four labelled CTs the network must be taught
 * that an organ's brightness is not what defines it), a random gamma on the windowed image (HU-curve
 * randomization), noise (low dose), in-plane blur (reconstruction kernels) and thick-slice simulation
 * (averaging over 3-5 mm slabs along z and interpolating back, as the low-dose CT of a SPECT/CT).
 * Field of view: a square axial field of view that cuts the body (air outside, organs there
 * unlabelled), as in CTs reconstructed on a small field around the spine or kidneys.
 */
public record Augmentation(
        double rotationProbability, double maxRotationDegrees,
        double scaleProbability, double maxScaleChange,
        double elasticProbability, double elasticSigmaMm,
        double intensityProbability, double maxHuShift, double maxHuScaleChange,
        double organIntensityProbability, double minOrganShiftHu, double maxOrganShiftHu, double organEdgeMm,
        double minOrganTargetHu, double maxOrganTargetHu,
        double gammaProbability, double maxLogGamma,
        double noiseProbability, double maxNoiseHu,
        double blurProbability, double maxBlurSigmaMm,
        double thickSliceProbability, double minSliceMm, double maxSliceMm,
        double fieldOfViewProbability, double minFieldOfViewMm, double maxFieldOfViewMm) {

    public Augmentation {
        if (!(minOrganShiftHu <= maxOrganShiftHu) || !(minOrganTargetHu <= maxOrganTargetHu) || !(organEdgeMm >= 0)
                || !(maxLogGamma >= 0) || !(minFieldOfViewMm <= maxFieldOfViewMm)) {
            throw new IllegalArgumentException(
                    "organ shift, target and field-of-view ranges must be ordered, edge and gamma range non-negative");
        }
    }

    /**
     * Whether organs may be moved to a random mean HU in {@code minOrganTargetHu..maxOrganTargetHu}
     * (each organ by the difference between that target and its own mean in the case, so a plain
     * kidney can become enhanced and an enhanced one plain) rather than shifted by a random amount
     * in {@code minOrganShiftHu..maxOrganShiftHu}: when the target range is not empty.
     */
    public boolean organTargets() {
        return maxOrganTargetHu > minOrganTargetHu;
    }

    /**
     * Whether each organ draws a target or a shift with equal chance: when both ranges are
     * proper ranges. With a target range and a single shift value, organs only get targets.
     */
    public boolean organTargetsOrShifts() {
        return organTargets() && maxOrganShiftHu > minOrganShiftHu;
    }

    /**
     * Defaults used by {@code organdose train}. Organ shifts of -60..+160 HU span a fatty liver to
     * the corticomedullary kidney of an arterial-phase CT (plain kidney ~30 HU, enhanced ~190);
     * noise up to 60 HU covers low-dose CT at 2 mm.
     */
    public static final Augmentation DEFAULT = new Augmentation(
            0.5, 15,
            0.5, 0.15,
            0.3, 4,
            0.5, 25, 0.1,
            0.6, -60, 160, 2,
            0, 0,
            0.3, 0.4,
            0.4, 60,
            0.2, 1.5,
            0.25, 3, 5,
            0, 0, 0);

    /**
     * As {@link #DEFAULT}, but each organ is moved to a random mean of 20..220 HU (plain to
     * enhanced, both ways) instead of shifted by -60..+160 HU, which can only brighten a plain
     * kidney: the training cases' only enhanced kidneys (ircad-1.1) could otherwise never teach
     * what a plain one looks like.
     */
    public static final Augmentation ORGAN_TARGETS = new Augmentation(
            0.5, 15,
            0.5, 0.15,
            0.3, 4,
            0.5, 25, 0.1,
            0.6, 0, 0, 2,
            20, 220,
            0.3, 0.4,
            0.4, 60,
            0.2, 1.5,
            0.25, 3, 5,
            0, 0, 0);

    /**
     * As {@link #DEFAULT}, but each organ draws, with equal chance, either a shift of -60..+160 HU
     * or a target mean of 20..220 HU ({@link #ORGAN_TARGETS}).
     */
    public static final Augmentation ORGAN_TARGETS_OR_SHIFTS = new Augmentation(
            0.5, 15,
            0.5, 0.15,
            0.3, 4,
            0.5, 25, 0.1,
            0.6, -60, 160, 2,
            20, 220,
            0.3, 0.4,
            0.4, 60,
            0.2, 1.5,
            0.25, 3, 5,
            0, 0, 0);

    /** Without the label-guided organ intensity and gamma randomization: the earlier default, for comparison. */
    public static final Augmentation WITHOUT_DOMAIN_RANDOMIZATION = new Augmentation(
            0.5, 15,
            0.5, 0.15,
            0.3, 4,
            0.5, 25, 0.1,
            0, 0, 0, 0,
            0, 0,
            0, 0,
            0.3, 30,
            0.2, 1.5,
            0.25, 3, 5,
            0, 0, 0);

    /** No augmentation at all (tests, debugging). */
    public static final Augmentation NONE = new Augmentation(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 5, 0, 0, 0);

    /**
     * As {@link #DEFAULT}, and in 30 % of the samples a square field of view of 140..260 mm around
     * the sample's centre: totalseg-s0009 is such a CT (178 mm, the body's sides cut off), and a
     * network that has only seen whole bodies misses organs next to the field's edge.
     */
    public static final Augmentation TRUNCATED_FIELD_OF_VIEW = DEFAULT.withFieldOfView(0.3, 140, 260);

    /** These settings with square fields of view of {@code minMm..maxMm} in a fraction {@code probability} of the samples. */
    public Augmentation withFieldOfView(double probability, double minMm, double maxMm) {
        return new Augmentation(rotationProbability, maxRotationDegrees, scaleProbability, maxScaleChange,
                elasticProbability, elasticSigmaMm, intensityProbability, maxHuShift, maxHuScaleChange,
                organIntensityProbability, minOrganShiftHu, maxOrganShiftHu, organEdgeMm, minOrganTargetHu, maxOrganTargetHu,
                gammaProbability, maxLogGamma, noiseProbability, maxNoiseHu, blurProbability, maxBlurSigmaMm,
                thickSliceProbability, minSliceMm, maxSliceMm, probability, minMm, maxMm);
    }
}
