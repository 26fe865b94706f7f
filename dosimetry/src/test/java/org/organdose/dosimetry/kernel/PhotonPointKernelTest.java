package org.organdose.dosimetry.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PhotonPointKernelTest {
    /** A point source in infinite water absorbs all its photon energy: the integral of dF/dr over r is 1. */
    @Test
    void infiniteWaterAbsorbsEverything() {
        for (double e : new double[] {0.02, 0.0633, 0.113, 0.208, 0.364, 1.0, 2.5}) {
            PhotonPointKernel k = new PhotonPointKernel(e, 1.04);
            double mfp = 1 / k.muPerMm();
            int n = 200_000;
            double h = 150 * mfp / n;
            double sum = 0;
            for (int i = 0; i <= n; i++) {
                sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * k.absorbedFractionPerMm(i * h);
            }
            assertThat(sum * h / 3).as("%s MeV", e).isCloseTo(1.0, within(0.005));
        }
    }

    /**
     * Point-isotropic buildup in water at 1 MeV against the moments-method table of Goldstein and
     * Wilkins (1954), which the GP fit of ANSI/ANS-6.4.3 reproduces: 2.13, 3.71, 7.68 and 16.2 at
     * 1, 2, 4 and 7 mean free paths.
     */
    @Test
    void buildupFollowsThePublishedTable() {
        PhotonPointKernel k = new PhotonPointKernel(1.0, 1.0);
        assertThat(k.gpBuildup(0)).isEqualTo(1.0);
        double[][] table = {{1, 2.13}, {2, 3.71}, {4, 7.68}, {7, 16.2}};
        for (double[] row : table) {
            assertThat(k.gpBuildup(row[0]) / row[1]).as("%s mfp", row[0]).isCloseTo(1.0, within(0.06));
        }
        assertThat(k.scatterScale()).isBetween(0.94, 1.03);
    }
}
