package org.organdose.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.organdose.image.DistanceMap;
import org.organdose.image.GaussianFilter;
import org.organdose.image.Geometry;
import org.organdose.image.Interpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;

/**
 * Where the activity is, on a working grid: the voxels of each organ (those at least half inside
 * its label),
 * a relative uptake pattern inside each organ (kidney cortex hotter than medulla, a smooth
 * texture) normalised to a mean of 1 over the organ, and the rest of the body (CT above -300 HU).
 * With a compartment's concentration c(t), the map is sum_o m_o h_o c_o(t) + body c_body(t), m_o
 * the organ's voxel mask.
 */
final class ActivityDistribution {
    /** Kidney cortex depth below the kidney surface. */
    static final double CORTEX_DEPTH_MM = 5.0;
    /** Correlation length of the organ uptake texture. */
    static final double TEXTURE_SIGMA_MM = 10.0;
    static final float BODY_THRESHOLD_HU = -300f;

    private final Geometry grid;
    private final List<Organ> organs = new ArrayList<>();
    private final List<float[]> fractions = new ArrayList<>();
    private final List<float[]> patterns = new ArrayList<>();
    private final float[] bodyFraction;

    ActivityDistribution(Volume ct, LabelMap labels, double gridMm, SimulationSettings settings) {
        this.grid = ct.geometry().resampledTo(new double[] {gridMm, gridMm, gridMm});
        Random random = new Random(settings.seed() * 31 + 7);
        float[] organSum = new float[grid.voxelCount()];
        for (Organ organ : Organ.values()) {
            if (labels.count(organ.label()) == 0) {
                continue;
            }
            float[] f = Resampler.fractionCovered(labels, organ.label(), grid, 4).voxels();
            for (int p = 0; p < f.length; p++) {
                // a voxel belongs to the organ when at least half of it does: the simulated organs are
                // whole voxels, so every voxel's activity and dose belong to one compartment
                f[p] = f[p] >= 0.5f && organSum[p] == 0 ? 1f : 0f;
            }
            float[] h = pattern(organ, labels, f, random, settings);
            organs.add(organ);
            fractions.add(f);
            patterns.add(h);
            for (int p = 0; p < f.length; p++) {
                organSum[p] += f[p];
            }
        }
        float[] hu = Resampler.resample(ct, grid, Interpolation.TRILINEAR, -1000f).voxels();
        bodyFraction = new float[hu.length];
        for (int p = 0; p < hu.length; p++) {
            bodyFraction[p] = hu[p] > BODY_THRESHOLD_HU ? Math.max(0f, 1f - organSum[p]) : 0f;
        }
    }

    /** Relative uptake inside {@code organ}, mean 1 over its (fractional) mask. */
    private float[] pattern(Organ organ, LabelMap labels, float[] fraction, Random random, SimulationSettings s) {
        float[] h = new float[fraction.length];
        java.util.Arrays.fill(h, 1f);
        if (organ == Organ.KIDNEY_LEFT || organ == Organ.KIDNEY_RIGHT) {
            LabelMap mask = labels.select(organ.label());
            Volume depth = Resampler.resample(DistanceMap.signedMm(mask), grid, Interpolation.TRILINEAR, 100f);
            float[] d = depth.voxels();
            for (int p = 0; p < h.length; p++) {
                // signed distance is negative inside: cortex is the outer shell
                h[p] = -d[p] <= CORTEX_DEPTH_MM ? (float) s.cortexToMedulla() : 1f;
            }
        }
        float[] noise = new float[h.length];
        for (int p = 0; p < noise.length; p++) {
            noise[p] = (float) random.nextGaussian();
        }
        float[] smooth = GaussianFilter.smooth(new Volume(grid, noise), TEXTURE_SIGMA_MM).voxels();
        double sd = Math.sqrt(meanSquare(smooth));
        double sumW = 0;
        double sumWh = 0;
        for (int p = 0; p < h.length; p++) {
            h[p] = (float) (h[p] * Math.max(0.2, 1 + s.textureFraction() * smooth[p] / sd));
            sumW += fraction[p];
            sumWh += fraction[p] * h[p];
        }
        float scale = (float) (sumW / sumWh);
        for (int p = 0; p < h.length; p++) {
            h[p] *= scale;
        }
        return h;
    }

    private static double meanSquare(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * (double) x;
        }
        return s / v.length;
    }

    Geometry grid() {
        return grid;
    }

    List<Organ> organs() {
        return List.copyOf(organs);
    }

    /**
     * A map of sum_o f_o h_o value(o) + body value(body): with concentrations (MBq/mL) the
     * activity concentration, with time integrals (MBq h/mL) the TIA concentration.
     */
    Volume map(Map<Organ, Double> organValue, double bodyValue) {
        float[] out = new float[grid.voxelCount()];
        for (int p = 0; p < out.length; p++) {
            out[p] = (float) (bodyFraction[p] * bodyValue);
        }
        for (int o = 0; o < organs.size(); o++) {
            double v = organValue.get(organs.get(o));
            float[] f = fractions.get(o);
            float[] h = patterns.get(o);
            for (int p = 0; p < out.length; p++) {
                if (f[p] > 0) {
                    out[p] += (float) (f[p] * h[p] * v);
                }
            }
        }
        return new Volume(grid, out);
    }

    /** The fraction of each voxel inside {@code organ} (live array). */
    float[] fraction(Organ organ) {
        return fractions.get(organs.indexOf(organ));
    }

    /** Volume (mL) of each organ on the working grid, from the fractions. */
    Map<Organ, Double> organVolumesMl() {
        Map<Organ, Double> m = new LinkedHashMap<>();
        double voxelMl = grid.voxelVolumeMm3() / 1000;
        for (int o = 0; o < organs.size(); o++) {
            double sum = 0;
            for (float f : fractions.get(o)) {
                sum += f;
            }
            m.put(organs.get(o), sum * voxelMl);
        }
        return m;
    }
}
