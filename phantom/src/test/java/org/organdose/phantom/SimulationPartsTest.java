package org.organdose.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;

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
    void movedGridPutsEachVoxelWhereTheMotionTakesIt() {
        Geometry g = Geometry.axisAligned(10, 12, 8, new double[] {1.5, 2, 3}, new double[] {-7, 4, 30});
        PatientMotion m = new PatientMotion(new double[] {3, -2, 5}, 7, new double[] {1, 2, 3});
        Geometry moved = m.moved(g);
        for (int[] idx : new int[][] {{0, 0, 0}, {9, 11, 7}, {4, 3, 6}}) {
            double[] expected = m.apply(g.indexToWorld(idx[0], idx[1], idx[2]));
            double[] actual = moved.indexToWorld(idx[0], idx[1], idx[2]);
            assertThat(actual).containsExactly(expected, within(1e-9));
        }
        // the rotation is about the centre: the centre only shifts
        assertThat(m.apply(new double[] {1, 2, 3})).containsExactly(new double[] {4, 0, 8}, within(1e-9));
    }
}
