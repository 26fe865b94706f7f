package org.organdose.dosimetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VoxelKineticsTest {
    private static final double[] HOURS = {0.5, 6, 24, 72};
    private static final double LU177_DECAY = Math.log(2) / (6.647 * 24);

    private static TimeActivityFit mono(double a, double rate) {
        return new TimeActivityFit(FitModel.MONO_EXPONENTIAL, new double[] {a, rate}, new double[] {0, 0}, 1, 0, a / rate, List.of());
    }

    /** values[t][v] = amplitude[v] e^(-rate[v] t) times (1 + relative noise). */
    private static float[][] voxels(double[] amplitude, double[] rate, double noise, long seed) {
        Random rng = new Random(seed);
        float[][] v = new float[HOURS.length][amplitude.length];
        for (int t = 0; t < HOURS.length; t++) {
            for (int i = 0; i < amplitude.length; i++) {
                v[t][i] = (float) (amplitude[i] * Math.exp(-rate[i] * HOURS[t]) * (1 + noise * rng.nextGaussian()));
            }
        }
        return v;
    }

    @Test
    void partsThatClearDifferentlyKeepTheirOwnRateWhenTheDataShowIt() {
        int n = 400;
        double[] amplitude = new double[n];
        double[] rate = new double[n];
        for (int i = 0; i < n; i++) {
            amplitude[i] = i % 2 == 0 ? 3 : 2;
            rate[i] = i % 2 == 0 ? 0.02 : 0.04;
        }
        VoxelKinetics.Result r = VoxelKinetics.integrate(HOURS, voxels(amplitude, rate, 0.01, 1), mono(1, 0.03), LU177_DECAY);
        assertThat(r.rateSpreadPerH()).isCloseTo(0.01, within(0.001));
        for (int i = 0; i < n; i++) {
            // the analytic integral of the voxel's own curve
            assertThat((double) r.tia()[i]).as("voxel %d", i).isCloseTo(amplitude[i] / rate[i], within(0.03 * amplitude[i] / rate[i]));
        }
    }

    @Test
    void uniformKineticsUnderHeavyNoiseFollowTheOrganCurve() {
        int n = 400;
        double[] amplitude = new double[n];
        double[] rate = new double[n];
        for (int i = 0; i < n; i++) {
            amplitude[i] = 1 + (i % 5);
            rate[i] = 0.03;
        }
        VoxelKinetics.Result r = VoxelKinetics.integrate(HOURS, voxels(amplitude, rate, 0.2, 2), mono(1, 0.03), LU177_DECAY);
        // raw per-voxel rates scatter by about 0.004/h here; shrinkage removes what noise explains
        assertThat(r.meanRateChangePerH()).isLessThan(0.001);
        double sumTia = 0;
        double sumTrue = 0;
        for (int i = 0; i < n; i++) {
            sumTia += r.tia()[i];
            sumTrue += amplitude[i] / rate[i];
        }
        assertThat(sumTia).isCloseTo(sumTrue, within(0.02 * sumTrue));
    }

    @Test
    void noVoxelClearsSlowerThanPhysicalDecay() {
        double[] amplitude = {1};
        double[] rate = {0};
        float[][] flat = voxels(amplitude, rate, 0, 3);
        // a constant voxel among falling ones: its rate change would make it never clear
        float[][] values = new float[HOURS.length][50];
        for (int t = 0; t < HOURS.length; t++) {
            for (int i = 0; i < 49; i++) {
                values[t][i] = (float) Math.exp(-(0.01 + 0.0005 * i) * HOURS[t]);
            }
            values[t][49] = flat[t][0];
        }
        VoxelKinetics.Result r = VoxelKinetics.integrate(HOURS, values, mono(1, 0.02), LU177_DECAY);
        // activity 1 that clears at the physical rate from mid-study on integrates to about 1/decay, not infinity
        assertThat((double) r.tia()[49]).isBetween(0.5 / LU177_DECAY, 1.5 / LU177_DECAY);
    }

    @Test
    void integralOfEachModelWithARateChangeMatchesNumericalIntegration() {
        TimeActivityFit[] fits = {
            mono(5, 0.03),
            new TimeActivityFit(FitModel.BI_EXPONENTIAL, new double[] {4, 0.01, 2, 0.2}, new double[4], 1, 0, 0, List.of()),
            new TimeActivityFit(FitModel.BI_EXPONENTIAL_UPTAKE, new double[] {6, 0.015, 0.5}, new double[3], 1, 0, 0, List.of()),
        };
        for (TimeActivityFit f : fits) {
            for (double d : new double[] {-0.005, 0, 0.01}) {
                double sum = 0;
                double dt = 0.01;
                for (double t = dt / 2; t < 5000; t += dt) {
                    sum += f.activityMBq(t) * Math.exp(-d * t) * dt;
                }
                assertThat(VoxelKinetics.integralWithRateChange(f, d)).as("%s d=%s", f.model(), d).isCloseTo(sum, within(1e-4 * sum));
            }
        }
    }
}
