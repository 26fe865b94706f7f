package org.organdose.dosimetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeActivityFitterTest {
    private static final Radionuclide LU = Radionuclides.LU_177;
    private static final double[] HOURS = {0.5, 4, 24, 48, 72, 120, 168};

    private static double[] sample(FitModel model, double[] p, double[] hours) {
        return TimeActivityFitter.curve(model, p, hours);
    }

    @Test
    void monoExponentialIsExactOnNoiseFreeData() {
        double[] p = {100, Math.log(2) / 50};
        TimeActivityFit f = TimeActivityFitter.fit(HOURS, sample(FitModel.MONO_EXPONENTIAL, p, HOURS), FitModel.MONO_EXPONENTIAL, LU);
        assertThat(f.parameters()[0]).isCloseTo(100, within(1e-6));
        assertThat(f.parameters()[1]).isCloseTo(p[1], within(1e-9));
        assertThat(f.rSquared()).isCloseTo(1, within(1e-12));
        assertThat(f.tiaMBqH()).isCloseTo(100 * 50 / Math.log(2), within(1e-4));
        assertThat(f.warnings()).isEmpty();
    }

    @Test
    void biExponentialIsExactOnNoiseFreeData() {
        double[] p = {50, Math.log(2) / 45, 35, Math.log(2) / 1.5};
        TimeActivityFit f = TimeActivityFitter.fit(HOURS, sample(FitModel.BI_EXPONENTIAL, p, HOURS), FitModel.BI_EXPONENTIAL, LU);
        for (int i = 0; i < 4; i++) {
            assertThat(f.parameters()[i]).isCloseTo(p[i], within(1e-6 * Math.abs(p[i])));
        }
        assertThat(f.tiaMBqH()).isCloseTo((50 * 45 + 35 * 1.5) / Math.log(2), within(1e-3));
    }

    @Test
    void biExponentialWithNegativeAmplitudeIsFittedAndWarned() {
        double[] p = {60, Math.log(2) / 70, -20, Math.log(2) / 3};
        TimeActivityFit f = TimeActivityFitter.fit(HOURS, sample(FitModel.BI_EXPONENTIAL, p, HOURS), FitModel.BI_EXPONENTIAL, LU);
        assertThat(f.tiaMBqH()).isCloseTo((60 * 70 - 20 * 3) / Math.log(2), within(1e-2));
        assertThat(f.warnings()).anyMatch(w -> w.contains("negative amplitude A2_MBq"));
    }

    @Test
    void uptakeModelIsExactOnNoiseFreeData() {
        double[] p = {80, Math.log(2) / 60, Math.log(2) / 2};
        TimeActivityFit f = TimeActivityFitter.fit(HOURS, sample(FitModel.BI_EXPONENTIAL_UPTAKE, p, HOURS),
                FitModel.BI_EXPONENTIAL_UPTAKE, LU);
        for (int i = 0; i < 3; i++) {
            assertThat(f.parameters()[i]).isCloseTo(p[i], within(1e-6 * p[i]));
        }
        assertThat(f.tiaMBqH()).isCloseTo(80 * (60 - 2) / Math.log(2), within(1e-3));
    }

    @Test
    void tiaOfPhysicalDecayIsActivityTimesMeanLife() {
        double[] p = {10, LU.decayConstantPerHour()};
        TimeActivityFit f = TimeActivityFitter.fit(HOURS, sample(FitModel.MONO_EXPONENTIAL, p, HOURS), FitModel.MONO_EXPONENTIAL, LU);
        assertThat(f.tiaMBqH()).isCloseTo(10 * 6.647 * 24 / Math.log(2), within(1e-3));
    }

    @Test
    void trapezoidOfAPhysicalDecayCurve() {
        double[] hours = {1, 2};
        double[] a = {2, 1};
        TimeActivityFit f = TimeActivityFitter.fit(hours, a, FitModel.TRAPEZOID, LU);
        // constant 2 MBq for the first hour, trapezoid 1.5 MBq h, then physical decay from 1 MBq
        assertThat(f.tiaMBqH()).isCloseTo(2 + 1.5 + 1 / LU.decayConstantPerHour(), within(1e-9));
    }

    @Test
    void slowerThanPhysicalDecayIsWarned() {
        double[] p = {10, Math.log(2) / 300};
        TimeActivityFit f = TimeActivityFitter.fit(HOURS, sample(FitModel.MONO_EXPONENTIAL, p, HOURS), FitModel.MONO_EXPONENTIAL, LU);
        assertThat(f.warnings()).anyMatch(w -> w.contains("longer than the physical half-life"));
    }

    @Test
    void fewerPointsThanParametersFallsBackToTrapezoidWithWarning() {
        TimeActivityFit f = TimeActivityFitter.fit(new double[] {1, 24, 72}, new double[] {5, 4, 2}, FitModel.BI_EXPONENTIAL, LU);
        assertThat(f.model()).isEqualTo(FitModel.TRAPEZOID);
        assertThat(f.warnings()).anyMatch(w -> w.contains("fewer points (3) than parameters"));
    }

    @Test
    void autoPrefersTheSimplerModelForMonoExponentialDataAndTheRightOneForBiExponential() {
        Random rnd = new Random(7);
        double[] mono = sample(FitModel.MONO_EXPONENTIAL, new double[] {100, Math.log(2) / 50}, HOURS);
        double[] bi = sample(FitModel.BI_EXPONENTIAL, new double[] {50, Math.log(2) / 60, 80, Math.log(2) / 2}, HOURS);
        for (int i = 0; i < HOURS.length; i++) {
            mono[i] *= 1 + 0.01 * rnd.nextGaussian();
            bi[i] *= 1 + 0.01 * rnd.nextGaussian();
        }
        assertThat(TimeActivityFitter.fit(HOURS, mono, FitModel.AUTO, LU).model()).isEqualTo(FitModel.MONO_EXPONENTIAL);
        assertThat(TimeActivityFitter.fit(HOURS, bi, FitModel.AUTO, LU).model()).isEqualTo(FitModel.BI_EXPONENTIAL);
    }

    /** With 5 % relative noise, the 95 % intervals (1.96 standard errors) cover the truth about 95 % of the time. */
    @Test
    void parameterIntervalsCoverTheTruthWithNoise() {
        Random rnd = new Random(42);
        double[] p = {100, Math.log(2) / 50};
        double[] clean = sample(FitModel.MONO_EXPONENTIAL, p, HOURS);
        int trials = 400;
        int[] covered = new int[2];
        for (int t = 0; t < trials; t++) {
            double[] noisy = clean.clone();
            for (int i = 0; i < noisy.length; i++) {
                noisy[i] *= 1 + 0.05 * rnd.nextGaussian();
            }
            TimeActivityFit f = TimeActivityFitter.fit(HOURS, noisy, FitModel.MONO_EXPONENTIAL, LU);
            for (int i = 0; i < 2; i++) {
                if (Math.abs(f.parameters()[i] - p[i]) <= 1.96 * f.standardErrors()[i]) {
                    covered[i]++;
                }
            }
        }
        for (int c : covered) {
            // the nominal 95 % is approximate with 7 points (t quantile 2.57 for 5 dof): accept 85 to 99 %
            assertThat(c / (double) trials).isBetween(0.85, 0.99);
        }
    }
}
