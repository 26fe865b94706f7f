package org.organdose.dosimetry;

import java.util.Arrays;

/**
 * The cumulative dose-volume histogram of one organ: for each dose, the fraction of the organ's
 * volume receiving at least that dose. Voxels count with a weight (the fraction of the voxel
 * inside the organ), so partly covered border voxels count partly.
 */
public final class DoseVolumeHistogram {
    private final double[] sortedDoseGy;
    /** cumulativeFraction[i]: fraction of volume with dose &gt;= sortedDoseGy[i] (doses descending). */
    private final double[] cumulativeFraction;
    private final double meanGy;

    private DoseVolumeHistogram(double[] sortedDoseGy, double[] cumulativeFraction, double meanGy) {
        this.sortedDoseGy = sortedDoseGy;
        this.cumulativeFraction = cumulativeFraction;
        this.meanGy = meanGy;
    }

    /** From doses and weights of the same length; voxels with weight 0 are ignored. */
    public static DoseVolumeHistogram of(float[] doseGy, float[] weights) {
        if (doseGy.length != weights.length) {
            throw new IllegalArgumentException("doses and weights differ in length");
        }
        int n = 0;
        for (float w : weights) {
            if (w > 0) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("the organ has no voxel on the dose grid");
        }
        double[] d = new double[n];
        double[] w = new double[n];
        int m = 0;
        for (int p = 0; p < doseGy.length; p++) {
            if (weights[p] > 0) {
                d[m] = doseGy[p];
                w[m] = weights[p];
                m++;
            }
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(d[b], d[a]));
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            total += w[i];
            weighted += w[i] * d[i];
        }
        double[] sorted = new double[n];
        double[] cumulative = new double[n];
        double acc = 0;
        for (int i = 0; i < n; i++) {
            sorted[i] = d[idx[i]];
            acc += w[idx[i]];
            cumulative[i] = acc / total;
        }
        return new DoseVolumeHistogram(sorted, cumulative, weighted / total);
    }

    /** Volume-weighted mean dose, Gy. */
    public double meanGy() {
        return meanGy;
    }

    /**
     * D_x: the highest dose that at least {@code percent} % of the volume receives (D2 near the
     * maximum, D98 near the minimum).
     */
    public double doseCoveringPercentGy(double percent) {
        double q = percent / 100.0;
        int i = 0;
        while (i < cumulativeFraction.length - 1 && cumulativeFraction[i] < q - 1e-12) {
            i++;
        }
        return sortedDoseGy[i];
    }

    public double maxGy() {
        return sortedDoseGy[0];
    }

    /** Fraction of the volume receiving at least {@code doseGy}. */
    public double volumeFractionAtLeast(double doseGy) {
        double f = 0;
        for (int i = 0; i < sortedDoseGy.length && sortedDoseGy[i] >= doseGy; i++) {
            f = cumulativeFraction[i];
        }
        return f;
    }

    /** The curve at {@code bins + 1} evenly spaced doses from 0 to the maximum: rows of {dose_Gy, volume_fraction}. */
    public double[][] curve(int bins) {
        double[][] out = new double[bins + 1][2];
        double max = maxGy();
        for (int b = 0; b <= bins; b++) {
            double dose = max * b / bins;
            out[b][0] = dose;
            out[b][1] = volumeFractionAtLeast(dose);
        }
        return out;
    }
}
