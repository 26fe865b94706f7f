package org.organdose.image;

import java.util.stream.IntStream;

/**
 * Separable Gaussian smoothing with the width given in millimetres.
 *
 * <p>Per axis the sigma in voxels is {@code sigmaMm / spacing}; the sampled kernel is truncated at
 * 4 sigma (it then holds all but about 6e-5 of the Gaussian's weight) and normalised to sum 1, so
 * sums and constants are preserved. Beyond the image border the nearest border voxel is repeated
 * (clamping), which keeps constants constant up to the edge. Each pass accumulates in double and
 * stores float; one float copy of the image is the only full-size allocation.
 */
public final class GaussianFilter {
    /** Kernel half-width in sigmas. */
    public static final double TRUNCATION_SIGMAS = 4.0;

    private GaussianFilter() {
    }

    /** Sigma of the Gaussian with this full width at half maximum: {@code fwhm / (2 sqrt(2 ln 2))}. */
    public static double fwhmToSigma(double fwhm) {
        return fwhm / (2 * Math.sqrt(2 * Math.log(2)));
    }

    /** Smoothing with the same sigma (mm) along every axis. */
    public static Volume smooth(Volume volume, double sigmaMm) {
        return smooth(volume, new double[] {sigmaMm, sigmaMm, sigmaMm});
    }

    /**
     * Smoothing with sigma (mm) along index axes i, j, k; a sigma of 0 leaves that axis alone.
     * The input is not modified.
     */
    public static Volume smooth(Volume volume, double[] sigmaMm) {
        if (sigmaMm.length != 3) {
            throw new IllegalArgumentException("need 3 sigmas, got " + sigmaMm.length);
        }
        for (double s : sigmaMm) {
            if (!(s >= 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("sigma must be finite and non-negative, got " + s);
            }
        }
        Geometry g = volume.geometry();
        float[] out = volume.voxels().clone();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        double[] kx = kernel(sigmaMm[0] / g.spacing(0));
        double[] ky = kernel(sigmaMm[1] / g.spacing(1));
        double[] kz = kernel(sigmaMm[2] / g.spacing(2));
        if (kx.length > 1) {
            IntStream.range(0, nz).parallel().forEach(k -> {
                float[] line = new float[nx];
                double[] acc = new double[nx];
                for (int j = 0; j < ny; j++) {
                    int start = g.offset(0, j, k);
                    System.arraycopy(out, start, line, 0, nx);
                    convolveLine(line, kx, acc);
                    for (int i = 0; i < nx; i++) {
                        out[start + i] = (float) acc[i];
                    }
                }
            });
        }
        if (ky.length > 1) {
            // each z slice is an ny x nx plane smoothed along its rows' index j
            IntStream.range(0, nz).parallel().forEach(k -> {
                float[] plane = new float[nx * ny];
                System.arraycopy(out, k * nx * ny, plane, 0, nx * ny);
                smoothPlane(plane, nx, ny, ky, out, k * nx * ny, nx);
            });
        }
        if (kz.length > 1) {
            // for each j, the nz rows of length nx form an x-z plane smoothed along k
            IntStream.range(0, ny).parallel().forEach(j -> {
                float[] plane = new float[nx * nz];
                for (int k = 0; k < nz; k++) {
                    System.arraycopy(out, g.offset(0, j, k), plane, k * nx, nx);
                }
                smoothPlane(plane, nx, nz, kz, out, j * nx, nx * ny);
            });
        }
        return new Volume(g, out);
    }

    /**
     * Smooths a plane of {@code rows} rows of {@code width} values along the row index and writes
     * row r to {@code out[outStart + r * outStride ...]}.
     */
    private static void smoothPlane(float[] plane, int width, int rows, double[] kernel, float[] out, int outStart, int outStride) {
        int radius = kernel.length / 2;
        double[] acc = new double[width];
        for (int r = 0; r < rows; r++) {
            double centre = kernel[radius];
            int mid = r * width;
            for (int i = 0; i < width; i++) {
                acc[i] = centre * plane[mid + i];
            }
            // the kernel is symmetric: one multiplication per pair of rows
            for (int t = 1; t <= radius; t++) {
                int below = Math.max(0, r - t) * width;
                int above = Math.min(rows - 1, r + t) * width;
                double w = kernel[radius + t];
                for (int i = 0; i < width; i++) {
                    acc[i] += w * ((double) plane[below + i] + plane[above + i]);
                }
            }
            int dst = outStart + r * outStride;
            for (int i = 0; i < width; i++) {
                out[dst + i] = (float) acc[i];
            }
        }
    }

    /** 1D convolution of a line with clamped borders into {@code acc}; the kernel is symmetric. */
    private static void convolveLine(float[] line, double[] kernel, double[] acc) {
        int n = line.length;
        int radius = kernel.length / 2;
        for (int i = 0; i < n; i++) {
            double sum = kernel[radius] * line[i];
            if (i - radius >= 0 && i + radius < n) {
                for (int t = 1; t <= radius; t++) {
                    sum += kernel[radius + t] * ((double) line[i - t] + line[i + t]);
                }
            } else {
                for (int t = 1; t <= radius; t++) {
                    sum += kernel[radius + t] * ((double) line[Math.max(0, i - t)] + line[Math.min(n - 1, i + t)]);
                }
            }
            acc[i] = sum;
        }
    }

    /** Normalised sampled Gaussian of half-width ceil(4 sigma) voxels; a single 1 when sigma is 0. */
    static double[] kernel(double sigmaVoxels) {
        if (sigmaVoxels == 0) {
            return new double[] {1};
        }
        int radius = (int) Math.ceil(TRUNCATION_SIGMAS * sigmaVoxels);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int t = -radius; t <= radius; t++) {
            double v = Math.exp(-0.5 * t * t / (sigmaVoxels * sigmaVoxels));
            k[t + radius] = v;
            sum += v;
        }
        for (int t = 0; t < k.length; t++) {
            k[t] /= sum;
        }
        return k;
    }
}
