package org.organdose.dosimetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DoseVolumeHistogramTest {
    /** Doses uniformly spread over [0, 10] Gy: D_x = 10 (1 - x/100), mean 5 Gy. */
    @Test
    void uniformDoseDistribution() {
        int n = 100_000;
        float[] dose = new float[n];
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            dose[i] = (float) (10.0 * (i + 0.5) / n);
            w[i] = 1;
        }
        DoseVolumeHistogram dvh = DoseVolumeHistogram.of(dose, w);
        assertThat(dvh.meanGy()).isCloseTo(5, within(1e-4));
        for (double x : new double[] {2, 30, 70, 98}) {
            assertThat(dvh.doseCoveringPercentGy(x)).isCloseTo(10 * (1 - x / 100), within(1e-3));
        }
        assertThat(dvh.volumeFractionAtLeast(2.5)).isCloseTo(0.75, within(1e-4));
    }

    /** Dose falling linearly with radius in a sphere, D(r) = 1 - r/R: V(D >= d) = (1 - d)^3. */
    @Test
    void radialDoseInASphere() {
        int n = 81;
        double c = 40;
        float[] dose = new float[n * n * n];
        float[] w = new float[dose.length];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double r = Math.sqrt((i - c) * (i - c) + (j - c) * (j - c) + (k - c) * (k - c)) / 40.5;
                    if (r < 1) {
                        dose[i + n * (j + n * k)] = (float) (1 - r);
                        w[i + n * (j + n * k)] = 1;
                    }
                }
            }
        }
        DoseVolumeHistogram dvh = DoseVolumeHistogram.of(dose, w);
        for (double x : new double[] {2, 30, 70, 98}) {
            double expected = 1 - Math.cbrt(x / 100);
            assertThat(dvh.doseCoveringPercentGy(x)).isCloseTo(expected, within(0.01));
        }
        assertThat(dvh.meanGy()).isCloseTo(0.25, within(0.002));
    }

    @Test
    void weightsCountPartialVoxels() {
        float[] dose = {1, 2};
        float[] w = {0.5f, 1.5f};
        DoseVolumeHistogram dvh = DoseVolumeHistogram.of(dose, w);
        assertThat(dvh.meanGy()).isCloseTo(1.75, within(1e-9));
        assertThat(dvh.doseCoveringPercentGy(70)).isEqualTo(2);
        assertThat(dvh.doseCoveringPercentGy(80)).isEqualTo(1);
        double[][] curve = dvh.curve(2);
        assertThat(Arrays.stream(curve).map(r -> r[1]).toList()).containsExactly(1.0, 1.0, 0.75);
    }
}
