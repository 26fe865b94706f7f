package org.organdose.dosimetry;

import org.jtransforms.fft.DoubleFFT_3D;

/**
 * Linear (not circular) 3D convolution of an image with a centred kernel by FFT (JTransforms):
 * both are zero-padded to at least image + kernel - 1 along each axis so that nothing wraps
 * around, and the result is cropped back to the image grid ("same" size).
 */
public final class FftConvolution {
    private FftConvolution() {
    }

    /**
     * out(x) = sum over x' of image(x') kernel(x - x').
     *
     * @param image  x fastest, nx*ny*nz values
     * @param kernel x fastest, cube of odd size 2r+1, centre at index r
     */
    public static double[] convolve(float[] image, int nx, int ny, int nz, double[] kernel, int kernelRadius) {
        int ks = 2 * kernelRadius + 1;
        if (image.length != nx * ny * nz || kernel.length != ks * ks * ks) {
            throw new IllegalArgumentException("image or kernel size mismatch");
        }
        int px = fftSize(nx + 2 * kernelRadius);
        int py = fftSize(ny + 2 * kernelRadius);
        int pz = fftSize(nz + 2 * kernelRadius);
        long complexLength = 2L * px * py * pz;
        if (complexLength > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image too large for FFT convolution: " + nx + "x" + ny + "x" + nz);
        }
        double[] a = new double[(int) complexLength];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    a[2 * (i + px * (j + py * k))] = image[i + nx * (j + ny * k)];
                }
            }
        }
        double[] b = new double[(int) complexLength];
        for (int dk = -kernelRadius; dk <= kernelRadius; dk++) {
            for (int dj = -kernelRadius; dj <= kernelRadius; dj++) {
                for (int di = -kernelRadius; di <= kernelRadius; di++) {
                    int i = Math.floorMod(di, px);
                    int j = Math.floorMod(dj, py);
                    int k = Math.floorMod(dk, pz);
                    b[2 * (i + px * (j + py * k))] = kernel[(di + kernelRadius) + ks * ((dj + kernelRadius) + ks * (dk + kernelRadius))];
                }
            }
        }
        // JTransforms' 3D layout is [slice][row][column] with the column index fastest
        DoubleFFT_3D fft = new DoubleFFT_3D(pz, py, px);
        fft.complexForward(a);
        fft.complexForward(b);
        for (int p = 0; p < a.length; p += 2) {
            double re = a[p] * b[p] - a[p + 1] * b[p + 1];
            double im = a[p] * b[p + 1] + a[p + 1] * b[p];
            a[p] = re;
            a[p + 1] = im;
        }
        fft.complexInverse(a, true);
        double[] out = new double[nx * ny * nz];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    out[i + nx * (j + ny * k)] = a[2 * (i + px * (j + py * k))];
                }
            }
        }
        return out;
    }

    /** Smallest n' &gt;= n whose only prime factors are 2, 3 and 5 (fast for JTransforms). */
    static int fftSize(int n) {
        for (int m = Math.max(1, n); ; m++) {
            int r = m;
            for (int f : new int[] {2, 3, 5}) {
                while (r % f == 0) {
                    r /= f;
                }
            }
            if (r == 1) {
                return m;
            }
        }
    }
}
