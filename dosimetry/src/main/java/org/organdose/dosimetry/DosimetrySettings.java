package org.organdose.dosimetry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.organdose.image.registration.RegistrationSettings;

/**
 * The choices of a dosimetry run. Immutable; start from {@link #defaults()} and change what you
 * need with the {@code with...} methods.
 *
 * @param activityMethod     organ activity from the SPECT
 * @param marginMm           extension of the CT masks for {@link ActivityMethod#MARGIN}
 * @param psfSigmaMm         Gaussian extension for {@link ActivityMethod#GAUSSIAN_PSF}
 * @param spectFwhmMm        SPECT resolution for {@link ActivityMethod#GTM} and the shape of the dose inside organs
 * @param densityGPerMl      tissue density for masses, local deposition and the computed kernel's medium
 * @param fitModel           time-activity model for organs
 * @param kernel             how the dose map is made: a kernel computed for the dose grid (default), a
 *                           kernel file or folder, or local deposition
 * @param doseGridSpacingMm  dose grid voxel size; NaN: a kernel file's voxel size (a folder's kernel
 *                           closest to 3 mm), else 3 mm
 * @param bodyThresholdHu    CT voxels above this are body (background compartment and its mask)
 * @param registration       how a session CT without labels of its own, on another grid than the
 *                           diagnostic CT, is registered to it; null: no registration (the
 *                           diagnostic labels are used in world coordinates)
 * @param misalignmentThresholdMm a time point is flagged when an organ's activity centroid lies
 *                           farther than this from where its CT mask puts it
 * @param tiaMap             how each organ's TIA is spread over its dose voxels
 */
public record DosimetrySettings(ActivityMethod activityMethod, double marginMm, double psfSigmaMm, double spectFwhmMm,
                                double densityGPerMl, FitModel fitModel, DoseKernel kernel, double doseGridSpacingMm,
                                double bodyThresholdHu, RegistrationSettings registration,
                                double misalignmentThresholdMm, TiaMapMethod tiaMap) {
    /** Dose grid spacing unless a kernel file or the user sets one. */
    public static final double DEFAULT_GRID_MM = 3.0;

    public DosimetrySettings {
        if (!(marginMm >= 0) || !(psfSigmaMm > 0) || !(spectFwhmMm > 0) || !(densityGPerMl > 0)
                || Double.isInfinite(marginMm + psfSigmaMm + spectFwhmMm + densityGPerMl)) {
            throw new IllegalArgumentException("margin must be >= 0; PSF sigma, FWHM and density > 0; all finite");
        }
        // NaN stands for "the kernel's voxel size, else the default"
        if (!Double.isNaN(doseGridSpacingMm) && !(doseGridSpacingMm > 0 && Double.isFinite(doseGridSpacingMm))) {
            throw new IllegalArgumentException("dose grid spacing must be a positive number of mm, got " + doseGridSpacingMm);
        }
        if (!(misalignmentThresholdMm > 0)) {
            throw new IllegalArgumentException("misalignment threshold must be positive");
        }
        if (fitModel == null || activityMethod == null || tiaMap == null || kernel == null) {
            throw new IllegalArgumentException("fit model, activity method, dose kernel and TIA map method are required");
        }
    }

    /**
     * GTM activities and bi-exponential fits: the combination closest to the truth on the shared
     * simulated study (see the module README for the measurements).
     */
    public static DosimetrySettings defaults() {
        return new DosimetrySettings(ActivityMethod.GTM, 3.0, 3.0, 11.0, 1.06, FitModel.BI_EXPONENTIAL, DoseKernel.computed(),
                Double.NaN, -300, RegistrationSettings.defaults(), 10.0,
                TiaMapMethod.ORGAN_SHAPE);
    }

    public DosimetrySettings withActivityMethod(ActivityMethod m) {
        return new DosimetrySettings(m, marginMm, psfSigmaMm, spectFwhmMm, densityGPerMl, fitModel, kernel, doseGridSpacingMm, bodyThresholdHu, registration, misalignmentThresholdMm, tiaMap);
    }

    public DosimetrySettings withMarginMm(double v) {
        return new DosimetrySettings(activityMethod, v, psfSigmaMm, spectFwhmMm, densityGPerMl, fitModel, kernel, doseGridSpacingMm, bodyThresholdHu, registration, misalignmentThresholdMm, tiaMap);
    }

    public DosimetrySettings withPsfSigmaMm(double v) {
        return new DosimetrySettings(activityMethod, marginMm, v, spectFwhmMm, densityGPerMl, fitModel, kernel, doseGridSpacingMm, bodyThresholdHu, registration, misalignmentThresholdMm, tiaMap);
    }

    public DosimetrySettings withSpectFwhmMm(double v) {
        return new DosimetrySettings(activityMethod, marginMm, psfSigmaMm, v, densityGPerMl, fitModel, kernel, doseGridSpacingMm, bodyThresholdHu, registration, misalignmentThresholdMm, tiaMap);
    }

    public DosimetrySettings withDensityGPerMl(double v) {
        return new DosimetrySettings(activityMethod, marginMm, psfSigmaMm, spectFwhmMm, v, fitModel, kernel, doseGridSpacingMm, bodyThresholdHu, registration, misalignmentThresholdMm, tiaMap);
    }

    public DosimetrySettings withFitModel(FitModel m) {
        return new DosimetrySettings(activityMethod, marginMm, psfSigmaMm, spectFwhmMm, densityGPerMl, m, kernel, doseGridSpacingMm, bodyThresholdHu, registration, misalignmentThresholdMm, tiaMap);
    }

    public DosimetrySettings withKernel(DoseKernel k) {
        return new DosimetrySettings(activityMethod, marginMm, psfSigmaMm, spectFwhmMm, densityGPerMl, fitModel, k, doseGridSpacingMm, bodyThresholdHu, registration, misalignmentThresholdMm, tiaMap);
    }

    /** A spacing in mm; NaN is refused here, where it could only be a wrong input, not a choice of the default. */
    public DosimetrySettings withDoseGridSpacingMm(double v) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("dose grid spacing must be a positive number of mm, got NaN");
        }
        return new DosimetrySettings(activityMethod, marginMm, psfSigmaMm, spectFwhmMm, densityGPerMl, fitModel, kernel, v, bodyThresholdHu, registration, misalignmentThresholdMm, tiaMap);
    }

    /** Registration of moved session CTs; null turns it off. */
    public DosimetrySettings withRegistration(RegistrationSettings r) {
        return new DosimetrySettings(activityMethod, marginMm, psfSigmaMm, spectFwhmMm, densityGPerMl, fitModel, kernel, doseGridSpacingMm, bodyThresholdHu, r, misalignmentThresholdMm, tiaMap);
    }

    public DosimetrySettings withMisalignmentThresholdMm(double v) {
        return new DosimetrySettings(activityMethod, marginMm, psfSigmaMm, spectFwhmMm, densityGPerMl, fitModel, kernel, doseGridSpacingMm, bodyThresholdHu, registration, v, tiaMap);
    }

    public DosimetrySettings withBodyThresholdHu(double v) {
        return new DosimetrySettings(activityMethod, marginMm, psfSigmaMm, spectFwhmMm, densityGPerMl, fitModel, kernel, doseGridSpacingMm, v, registration, misalignmentThresholdMm, tiaMap);
    }

    public DosimetrySettings withTiaMap(TiaMapMethod m) {
        return new DosimetrySettings(activityMethod, marginMm, psfSigmaMm, spectFwhmMm, densityGPerMl, fitModel, kernel, doseGridSpacingMm, bodyThresholdHu, registration, misalignmentThresholdMm, m);
    }

    /** The settings as written to results.json. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activity_method", activityMethod.name());
        m.put("margin_mm", marginMm);
        m.put("psf_sigma_mm", psfSigmaMm);
        m.put("spect_fwhm_mm", spectFwhmMm);
        m.put("density_g_per_mL", densityGPerMl);
        m.put("fit_model", fitModel.name());
        m.put("dose", kernel.describe());
        m.put("body_threshold_HU", bodyThresholdHu);
        m.put("tia_map_method", tiaMap.name());
        return m;
    }
}
