package org.organdose.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;


import java.util.Random;
import org.junit.jupiter.api.Test;

class SimulationPartsTest {
    @Test
    void kineticsIntegralMatchesNumericalIntegration() {
        CompartmentKinetics k = CompartmentKinetics.of(0.06, 70, -0.02, 3);
        double sum = 0;
        double dt = 0.01;
        for (double t = dt / 2; t < 5000; t += dt) {
            sum += k.concentrationMBqPerMl(t) * dt;
        }
        assertThat(k.integralMBqHPerMl()).isCloseTo(sum, within(1e-6 * sum));
        assertThat(k.integralMBqHPerMl(0, 72) + k.integralMBqHPerMl(72, 1e9)).isCloseTo(sum, within(1e-6 * sum));
    }

    @Test
    void poissonDeviatesHaveMeanAndVarianceOfTheirMean() {
        Random r = new Random(1);
        for (double mean : new double[] {0.7, 12, 400}) {
            double s = 0;
            double s2 = 0;
            int n = 200_000;
            for (int i = 0; i < n; i++) {
                double x = SpectSimulator.poisson(mean, r);
                s += x;
                s2 += x * x;
            }
            double m = s / n;
            assertThat(m).isCloseTo(mean, within(0.02 * mean + 0.01));
            assertThat(s2 / n - m * m).isCloseTo(mean, within(0.04 * mean + 0.02));
        }
    }

    @Test
    void motionIsAFiniteNonNegativeDistance() {
        SimulationSettings d = SimulationSettings.defaults();
        assertThat(d.withMotionMm(4).motionMm()).isEqualTo(4);
        for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> d.withMotionMm(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("motion must be a finite number of mm, 0 or more");
        }
    }
}
