package org.organdose.phantom;

import org.organdose.image.GaussianFilter;
import org.organdose.image.Geometry;
import org.organdose.image.Interpolation;
import org.organdose.image.LabelInterpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;
import org.organdose.image.registration.RigidTransform;

/**
 * The low-dose CT of one SPECT/CT time point, simulated from a diagnostic CT and its organ labels:
 * thicker slices, more noise, and optionally the patient moved rigidly.
 *
 * @param ct     the low-dose CT (HU) on its own grid
 * @param organs the organ labels moved with the patient, on the same grid
 */
public record LowDoseCt(Volume ct, LabelMap organs) {

    /**
     * @param pixelMm            in-plane pixel size of the low-dose CT (mm); 0, or anything finer than
     *                           the input's, keeps the input's
     * @param sliceMm            slice spacing and thickness of the low-dose CT (mm)
     * @param addedNoiseHu       standard deviation of the noise added on top of the input's (HU)
     * @param noiseCorrelationMm in-plane Gaussian sigma correlating the added noise (mm)
     */
    public record Options(double pixelMm, double sliceMm, double addedNoiseHu, double noiseCorrelationMm) {
        public Options {
            if (!(pixelMm >= 0 && pixelMm <= 10)) {
                throw new IllegalArgumentException("low-dose CT pixel size must be 0..10 mm, got " + pixelMm);
            }
            if (!(sliceMm >= 0.5 && sliceMm <= 10)) {
                throw new IllegalArgumentException("low-dose CT slice spacing must be 0.5..10 mm, got " + sliceMm);
            }
            if (!(addedNoiseHu >= 0 && addedNoiseHu <= 500)) {
                throw new IllegalArgumentException("added noise must be 0..500 HU, got " + addedNoiseHu);
            }
            if (!(noiseCorrelationMm >= 0 && noiseCorrelationMm <= 5)) {
                throw new IllegalArgumentException("noise correlation must be 0..5 mm, got " + noiseCorrelationMm);
            }
        }

        /** The input's pixels, 5 mm slices with 45 HU of added noise, as on a typical SPECT/CT's attenuation CT. */
        public static Options defaults() {
            return new Options(0, 5, 45, 0.8);
        }
    }

    private static final float AIR_HU = -1000;
    private static final float CT_FLOOR_HU = -1024;

    /**
     * Simulates the low-dose CT. The output grid covers the input's extent with
     * {@code options.pixelMm()} pixels (or the input's, when finer) and {@code options.sliceMm()}
     * slices. The input is first averaged across the larger voxel (a Gaussian per axis with the
     * variance that the wider box profile adds),
     * then the patient is moved: the input's voxels are given the grid they would have if they
     * moved with the patient ({@link RigidTransform#carry}) and resampled through world coordinates
     * onto the output grid (trilinear for HU, nearest for labels), so CT and labels move
     * identically. Regions the moved patient leaves empty read as air. Finally correlated noise
     * is added from its own seeded stream.
     */
    public static LowDoseCt simulate(Volume ct, LabelMap organs, RigidTransform motion, Options options, long seed) {
        Geometry g = ct.geometry();
        if (!organs.geometry().sameGrid(g, 1e-3)) {
            throw new IllegalArgumentException("organ labels and CT are on different grids");
        }
        double[] spacing = {Math.max(options.pixelMm(), g.spacing(0)), Math.max(options.pixelMm(), g.spacing(1)),
            options.sliceMm()};
        double[] sigma = new double[3];
        boolean blur = false;
        for (int a = 0; a < 3; a++) {
            double extraVariance = (spacing[a] * spacing[a] - g.spacing(a) * g.spacing(a)) / 12;
            sigma[a] = extraVariance > 0 ? Math.sqrt(extraVariance) : 0;
            blur |= sigma[a] > 0;
        }
        Volume thick = blur ? GaussianFilter.smooth(ct, sigma) : ct;
        Geometry target = g.resampledTo(spacing);
        Geometry moved = motion.carry(g);
        Volume out = Resampler.resample(new Volume(moved, thick.voxels()), target, Interpolation.TRILINEAR, AIR_HU);
        LabelMap labels = Resampler.resampleLabels(new LabelMap(moved, organs.labels()), target, LabelInterpolation.NEAREST);
        if (options.addedNoiseHu() > 0) {
            PhantomGenerator.addNoise(out, options.addedNoiseHu(), options.noiseCorrelationMm(), seed);
        }
        float[] v = out.voxels();
        for (int p = 0; p < v.length; p++) {
            v[p] = Math.max(CT_FLOOR_HU, v[p]);
        }
        return new LowDoseCt(out, labels);
    }
}
