package org.organdose.image.registration;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The choices of a {@link RigidRegistration}. Immutable; start from {@link #defaults()}.
 *
 * @param levelsMm           voxel size of each resolution level, coarse to fine (mm; an axis
 *                           already coarser keeps its own spacing)
 * @param windowLowHu        HU below this are clamped to it before the metric
 * @param windowHighHu       HU above this are clamped to it
 * @param bodyThresholdHu    fixed-image voxels above this, largest component, are the body mask
 * @param maskDilationMm     the body mask grown by this so that the skin-air edge counts
 * @param maxIterations      optimiser iterations per level at most
 * @param minStepMm          a level ends when the optimiser's step falls below this (mm at the
 *                           rotation radius for angles)
 * @param initialiseByCentroids start from the translation between the two body centroids
 */
public record RegistrationSettings(double[] levelsMm, double windowLowHu, double windowHighHu, double bodyThresholdHu,
                                   double maskDilationMm, int maxIterations, double minStepMm,
                                   boolean initialiseByCentroids) {
    public RegistrationSettings {
        if (levelsMm.length == 0) {
            throw new IllegalArgumentException("need at least one resolution level");
        }
        for (double l : levelsMm) {
            if (!(l > 0) || !Double.isFinite(l)) {
                throw new IllegalArgumentException("level voxel sizes must be positive, got " + Arrays.toString(levelsMm));
            }
        }
        if (!(windowHighHu > windowLowHu)) {
            throw new IllegalArgumentException("HU window must have high > low, got [" + windowLowHu + ", " + windowHighHu + "]");
        }
        if (!(maskDilationMm >= 0) || maxIterations < 1 || !(minStepMm > 0)) {
            throw new IllegalArgumentException("mask dilation must be >= 0, iterations >= 1, minimum step > 0");
        }
        levelsMm = levelsMm.clone();
    }

    /**
     * Levels of 8, 4 and 2 mm, soft-tissue window [-200, 300] HU, body above -500 HU grown by
     * 10 mm, at most 100 iterations per level, steps down to 0.01 mm, centroid start.
     */
    public static RegistrationSettings defaults() {
        return new RegistrationSettings(new double[] {8, 4, 2}, -200, 300, -500, 10, 100, 0.01, true);
    }

    @Override
    public double[] levelsMm() {
        return levelsMm.clone();
    }

    public RegistrationSettings withLevelsMm(double... levels) {
        return new RegistrationSettings(levels, windowLowHu, windowHighHu, bodyThresholdHu, maskDilationMm, maxIterations,
                minStepMm, initialiseByCentroids);
    }

    public RegistrationSettings withInitialiseByCentroids(boolean v) {
        return new RegistrationSettings(levelsMm, windowLowHu, windowHighHu, bodyThresholdHu, maskDilationMm, maxIterations,
                minStepMm, v);
    }

    /** The settings as written to results files. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", "normalised cross-correlation of HU clamped to [" + windowLowHu + ", " + windowHighHu + "]");
        m.put("levels_mm", levelsMm.clone());
        m.put("body_threshold_HU", bodyThresholdHu);
        m.put("mask_dilation_mm", maskDilationMm);
        m.put("optimiser", "regular-step gradient descent, analytic gradient, rotations scaled by the body radius");
        m.put("max_iterations_per_level", maxIterations);
        m.put("min_step_mm", minStepMm);
        m.put("initialise_by_centroids", initialiseByCentroids);
        return m;
    }
}
