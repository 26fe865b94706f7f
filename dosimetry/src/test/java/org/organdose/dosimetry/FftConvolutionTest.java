package org.organdose.dosimetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FftConvolutionTest {
    /** The definition, summed directly, with zero outside the image. */
    private static double[] direct(float[] img, int nx, int ny, int nz, double[] kernel, int r) {
        int ks = 2 * r + 1;
        double[] out = new double[img.length];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double s = 0;
                    for (int dk = -r; dk <= r; dk++) {
                        for (int dj = -r; dj <= r; dj++) {
                            for (int di = -r; di <= r; di++) {
                                int si = i - di;
                                int sj = j - dj;
                                int sk = k - dk;
                                if (si >= 0 && sj >= 0 && sk >= 0 && si < nx && sj < ny && sk < nz) {
                                    s += img[si + nx * (sj + ny * sk)] * kernel[(di + r) + ks * ((dj + r) + ks * (dk + r))];
                                }
                            }
                        }
                    }
                    out[i + nx * (j + ny * k)] = s;
                }
            }
        }
        return out;
    }

    @Test
    void equalsDirectConvolutionWithAnAsymmetricKernel() {
        Random rnd = new Random(3);
        int nx = 7;
        int ny = 5;
        int nz = 6;
        int r = 2;
        float[] img = new float[nx * ny * nz];
        for (int p = 0; p < img.length; p++) {
            img[p] = rnd.nextFloat();
        }
        double[] kernel = new double[125];
        for (int p = 0; p < kernel.length; p++) {
            kernel[p] = rnd.nextDouble();
        }
        double[] fft = FftConvolution.convolve(img, nx, ny, nz, kernel, r);
        double[] ref = direct(img, nx, ny, nz, kernel, r);
        for (int p = 0; p < ref.length; p++) {
            assertThat(fft[p]).isCloseTo(ref[p], within(1e-9));
        }
    }

    @Test
    void kernelLargerThanTheImageDoesNotWrapAround() {
        int n = 3;
        int r = 4;
        float[] img = new float[n * n * n];
        img[0] = 1;
        img[26] = 2;
        double[] kernel = new double[9 * 9 * 9];
        for (int p = 0; p < kernel.length; p++) {
            kernel[p] = p % 7;
        }
        double[] fft = FftConvolution.convolve(img, n, n, n, kernel, r);
        double[] ref = direct(img, n, n, n, kernel, r);
        for (int p = 0; p < ref.length; p++) {
            assertThat(fft[p]).isCloseTo(ref[p], within(1e-9));
        }
    }

    @Test
    void fftSizesHaveSmallFactors() {
        assertThat(FftConvolution.fftSize(7)).isEqualTo(8);
        assertThat(FftConvolution.fftSize(97)).isEqualTo(100);
        assertThat(FftConvolution.fftSize(121)).isEqualTo(125);
    }
}
