package org.organdose.dosimetry;

/**
 * Voxel-wise time-integrated activity with the organ's fitted curve as the prior.
 *
 * <p>A voxel's activity is modelled as {@code c(t) = a g(t) e^(-d (t - tm))}: the organ's curve
 * {@code g} with the voxel's own amplitude {@code a} and its own change {@code d} of the clearance
 * rate, {@code tm} the mean sampling time. A voxel's raw {@code d} is the least-squares slope of
 * {@code ln(c/g)} against time, with its standard error from the residuals. Four noisy SPECT
 * values cannot support a free rate per voxel, so the rates are shrunk towards the organ's
 * (empirical Bayes, method of moments): the spread of true rate changes is estimated as the
 * variance of the raw slopes less their mean squared error, and each slope is multiplied by
 * spread / (spread + its own error). Where the organ is kinetically uniform the spread is zero and
 * every voxel follows the organ's curve; where parts clear differently and the data show it,
 * they keep their own rate. No voxel may clear slower than physical decay.
 */
final class VoxelKinetics {
    private VoxelKinetics() {
    }

    /**
     * The outcome for one organ.
     *
     * @param tia             per voxel, time-integrated activity in the units of the values times hours
     * @param rateSpreadPerH  estimated standard deviation of the voxels' true rate changes (1/h); 0: uniform kinetics
     * @param meanRateChangePerH mean |d| over the voxels after shrinkage (1/h)
     */
    record Result(float[] tia, double rateSpreadPerH, double meanRateChangePerH) {
    }

    /**
     * @param hours      sampling times p.i.
     * @param values     values[t][v]: voxel v's activity (any unit) at hours[t]
     * @param organ      the organ's fit; an exponential model
     * @param decayPerH  physical decay constant of the radionuclide
     */
    static Result integrate(double[] hours, float[][] values, TimeActivityFit organ, double decayPerH) {
        if (organ.model() == FitModel.TRAPEZOID || organ.model() == FitModel.AUTO) {
            throw new IllegalArgumentException("voxel kinetics need an exponential organ curve, not " + organ.model());
        }
        int n = hours.length;
        int voxels = values[0].length;
        double[] g = new double[n];
        double tm = 0;
        for (int i = 0; i < n; i++) {
            g[i] = organ.activityMBq(hours[i]);
            tm += hours[i] / n;
        }
        double sxx = 0;
        for (double t : hours) {
            sxx += (t - tm) * (t - tm);
        }
        boolean slopes = n >= 3 && sxx > 0 && allPositive(g);
        double[] slope = new double[voxels];
        double[] error2 = new double[voxels];
        boolean[] fitted = new boolean[voxels];
        double sum = 0;
        double sum2 = 0;
        double sumError2 = 0;
        int count = 0;
        if (slopes) {
            double[] y = new double[n];
            for (int v = 0; v < voxels; v++) {
                boolean positive = true;
                for (int i = 0; i < n && positive; i++) {
                    positive = values[i][v] > 0;
                    if (positive) {
                        y[i] = Math.log(values[i][v] / g[i]);
                    }
                }
                if (!positive) {
                    continue;
                }
                double ym = 0;
                for (double yi : y) {
                    ym += yi / n;
                }
                double sxy = 0;
                for (int i = 0; i < n; i++) {
                    sxy += (hours[i] - tm) * (y[i] - ym);
                }
                double b = sxy / sxx;
                double rss = 0;
                for (int i = 0; i < n; i++) {
                    double r = y[i] - ym - b * (hours[i] - tm);
                    rss += r * r;
                }
                slope[v] = -b;
                error2[v] = rss / (n - 2) / sxx;
                fitted[v] = true;
                sum += slope[v];
                sum2 += slope[v] * slope[v];
                sumError2 += error2[v];
                count++;
            }
        }
        double spread2 = 0;
        if (count > 1) {
            double mean = sum / count;
            spread2 = Math.max(0, (sum2 - count * mean * mean) / (count - 1) - sumError2 / count);
        }
        double slowest = slowestRate(organ);
        double minChange = decayPerH - slowest;
        float[] tia = new float[voxels];
        double sumAbs = 0;
        for (int v = 0; v < voxels; v++) {
            double d = 0;
            if (fitted[v] && spread2 > 0) {
                d = slope[v] * spread2 / (spread2 + error2[v]);
            }
            d = Math.max(d, minChange);
            sumAbs += Math.abs(d);
            // amplitude by least squares with relative weights (1/g^2), as the organ fits
            double num = 0;
            double den = 0;
            for (int i = 0; i < n; i++) {
                double h = g[i] * Math.exp(-d * (hours[i] - tm));
                num += values[i][v] * h / (g[i] * g[i]);
                den += h * h / (g[i] * g[i]);
            }
            double a = den > 0 ? Math.max(0, num / den) : 0;
            tia[v] = (float) (a * Math.exp(d * tm) * integralWithRateChange(organ, d));
        }
        return new Result(tia, Math.sqrt(spread2), voxels == 0 ? 0 : sumAbs / voxels);
    }

    private static boolean allPositive(double[] g) {
        for (double x : g) {
            if (!(x > 0)) {
                return false;
            }
        }
        return true;
    }

    /** The slowest clearance rate of the organ's curve (1/h): what dominates its tail. */
    private static double slowestRate(TimeActivityFit f) {
        double[] p = f.parameters();
        return switch (f.model()) {
            case MONO_EXPONENTIAL, BI_EXPONENTIAL_UPTAKE -> p[1];
            case BI_EXPONENTIAL -> Math.min(p[1], p[3]);
            case TRAPEZOID, AUTO -> throw new IllegalArgumentException("no rates in " + f.model());
        };
    }

    /** The integral from 0 to infinity of g(t) e^(-d t), every rate raised by d. */
    static double integralWithRateChange(TimeActivityFit f, double d) {
        double[] p = f.parameters();
        return switch (f.model()) {
            case MONO_EXPONENTIAL -> p[0] / (p[1] + d);
            case BI_EXPONENTIAL -> p[0] / (p[1] + d) + p[2] / (p[3] + d);
            case BI_EXPONENTIAL_UPTAKE -> p[0] * (1 / (p[1] + d) - 1 / (p[2] + d));
            case TRAPEZOID, AUTO -> throw new IllegalArgumentException("no curve in " + f.model());
        };
    }
}
