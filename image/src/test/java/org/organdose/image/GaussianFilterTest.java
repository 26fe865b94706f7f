package org.organdose.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GaussianFilterTest {
    private static final Geometry GRID = new Geometry(61, 71, 41, new double[] {1.0, 0.7, 2.5}, new double[] {5, -3, 2},
            ResamplerTest.rotationAboutZ(20));

    @Test
    void aDeltaBecomesAGaussianWithTheRequestedSigmaInMmAndKeepsItsSum() {
        Volume delta = new Volume(GRID);
        int[] at = {30, 35, 20};
        delta.set(at[0], at[1], at[2], 1000f);
        double[] sigmaMm = {3.0, 2.5, 6.0};
        Volume smooth = GaussianFilter.smooth(delta, sigmaMm);
        double sum = 0;
        double[] moment = new double[3];
        for (int k = 0; k < GRID.nz(); k++) {
            for (int j = 0; j < GRID.ny(); j++) {
                for (int i = 0; i < GRID.nx(); i++) {
                    double v = smooth.get(i, j, k);
                    sum += v;
                    int[] idx = {i, j, k};
                    for (int a = 0; a < 3; a++) {
                        double d = (idx[a] - at[a]) * GRID.spacing(a);
                        moment[a] += v * d * d;
                    }
                }
            }
        }
        assertThat(sum).isCloseTo(1000, within(1e-3));
        for (int a = 0; a < 3; a++) {
            // truncation at 4 sigma removes ~0.1% of the variance
            assertThat(Math.sqrt(moment[a] / sum)).isCloseTo(sigmaMm[a], within(0.01 * sigmaMm[a]));
        }
        // separable: the profile through the peak along x is the 1D sampled Gaussian
        double peak = smooth.get(at[0], at[1], at[2]);
        double ratio = smooth.get(at[0] + 3, at[1], at[2]) / peak;
        assertThat(ratio).isCloseTo(Math.exp(-0.5 * 9 / 9.0), within(1e-5));
    }

    @Test
    void aConstantStaysConstantUpToTheBorder() {
        Volume constant = new Volume(GRID);
        Arrays.fill(constant.voxels(), 42.5f);
        double maxDeviation = 0;
        for (float v : GaussianFilter.smooth(constant, 4.0).voxels()) {
            maxDeviation = Math.max(maxDeviation, Math.abs(v - 42.5));
        }
        assertThat(maxDeviation).isLessThan(1e-4);
    }

    @Test
    void zeroSigmaLeavesTheImageAloneAndTheInputIsNeverModified() {
        Volume v = new Volume(GRID);
        for (int p = 0; p < v.voxels().length; p++) {
            v.voxels()[p] = (p * 7919) % 1000;
        }
        float[] before = v.voxels().clone();
        assertThat(GaussianFilter.smooth(v, 0.0).voxels()).isEqualTo(before);
        GaussianFilter.smooth(v, new double[] {2, 0, 3});
        assertThat(v.voxels()).isEqualTo(before);
    }

    @Test
    void fwhmConvertsToSigma() {
        assertThat(GaussianFilter.fwhmToSigma(2 * Math.sqrt(2 * Math.log(2)))).isCloseTo(1.0, within(1e-12));
        assertThat(GaussianFilter.fwhmToSigma(11.0)).isCloseTo(4.6713, within(1e-4));
    }
}
