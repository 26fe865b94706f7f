package org.organdose.image;

import java.util.stream.IntStream;

/**
 * Exact Euclidean distance maps in millimetres between voxel centres, honouring anisotropic
 * spacing. Uses the separable algorithm of Felzenszwalb and Huttenlocher ("Distance Transforms of
 * Sampled Functions", Theory of Computing 8, 2012): a 1D squared-distance transform (lower envelope
 * of parabolas) along x, then y, then z, each weighted by the squared spacing of its axis. Runs in
 * time linear in the voxel count; the squared distances are kept in a single float array.
 *
 * <p>Distances are measured in index space scaled by the spacing, which equals world distance
 * because the direction matrix is orthonormal. Foreground is every non-zero voxel. With no
 * foreground at all, every distance is {@link Float#POSITIVE_INFINITY}.
 */
public final class DistanceMap {
    private DistanceMap() {
    }

    /** Distance (mm) from each voxel centre to the nearest foreground voxel centre; 0 on the foreground. */
    public static Volume euclideanMm(LabelMap binary) {
        Geometry g = binary.geometry();
        float[] d = squaredMm(binary.labels(), g.sizes(), g.spacing(), false);
        sqrtInPlace(d);
        return new Volume(g, d);
    }

    /**
     * Signed distance (mm): outside the foreground, the distance to the nearest foreground voxel
     * centre (positive); inside, minus the distance to the nearest background voxel centre. No
     * voxel gets 0: the boundary lies between the last inside and first outside voxel. Without
     * background, inside voxels get negative infinity.
     */
    public static Volume signedMm(LabelMap binary) {
        Geometry g = binary.geometry();
        byte[] mask = binary.labels();
        float[] outside = squaredMm(mask, g.sizes(), g.spacing(), false);
        float[] inside = squaredMm(mask, g.sizes(), g.spacing(), true);
        IntStream.range(0, g.nz()).parallel().forEach(k -> {
            int start = k * g.nx() * g.ny();
            for (int p = start; p < start + g.nx() * g.ny(); p++) {
                outside[p] = mask[p] != 0 ? (float) -Math.sqrt(inside[p]) : (float) Math.sqrt(outside[p]);
            }
        });
        return new Volume(g, outside);
    }

    private static void sqrtInPlace(float[] d) {
        int chunk = 1 << 16;
        IntStream.range(0, (d.length + chunk - 1) / chunk).parallel().forEach(c -> {
            int end = Math.min(d.length, (c + 1) * chunk);
            for (int p = c * chunk; p < end; p++) {
                d[p] = (float) Math.sqrt(d[p]);
            }
        });
    }

    /**
     * Squared distance (mm^2) from each voxel to the nearest site, on a raw x-fastest grid. Sites
     * are the non-zero voxels of {@code mask}, or its zero voxels when {@code sitesAreZero}.
     */
    static float[] squaredMm(byte[] mask, int[] size, double[] spacing, boolean sitesAreZero) {
        int nx = size[0];
        int ny = size[1];
        int nz = size[2];
        float[] f = new float[mask.length];
        double wx = spacing[0] * spacing[0];
        double wy = spacing[1] * spacing[1];
        double wz = spacing[2] * spacing[2];
        // x: distance to the nearest site in the same row, by a forward and a backward sweep
        IntStream.range(0, nz).parallel().forEach(k -> {
            for (int j = 0; j < ny; j++) {
                int start = nx * (j + ny * k);
                int last = -1;
                for (int i = 0; i < nx; i++) {
                    if ((mask[start + i] != 0) != sitesAreZero) {
                        last = i;
                    }
                    f[start + i] = last < 0 ? Float.POSITIVE_INFINITY : (float) (wx * (double) (i - last) * (i - last));
                }
                last = -1;
                for (int i = nx - 1; i >= 0; i--) {
                    if ((mask[start + i] != 0) != sitesAreZero) {
                        last = i;
                    }
                    if (last >= 0) {
                        float d = (float) (wx * (double) (last - i) * (last - i));
                        if (d < f[start + i]) {
                            f[start + i] = d;
                        }
                    }
                }
            }
        });
        if (ny > 1) {
            IntStream.range(0, nz).parallel().forEach(k -> {
                LowerEnvelope env = new LowerEnvelope(ny);
                int slice = nx * ny * k;
                for (int i = 0; i < nx; i++) {
                    env.transform(f, slice + i, nx, ny, wy);
                }
            });
        }
        if (nz > 1) {
            // gather the x-z plane of each j so the transform along z runs on a cache-friendly copy
            IntStream.range(0, ny).parallel().forEach(j -> {
                LowerEnvelope env = new LowerEnvelope(nz);
                float[] plane = new float[nx * nz];
                for (int k = 0; k < nz; k++) {
                    System.arraycopy(f, nx * (j + ny * k), plane, k * nx, nx);
                }
                for (int i = 0; i < nx; i++) {
                    env.transform(plane, i, nx, nz, wz);
                }
                for (int k = 0; k < nz; k++) {
                    System.arraycopy(plane, k * nx, f, nx * (j + ny * k), nx);
                }
            });
        }
        return f;
    }

    /** The 1D squared distance transform d(q) = min_p (w (q - p)^2 + f(p)), with work arrays reused per thread. */
    private static final class LowerEnvelope {
        private final double[] f;
        private final int[] v;
        private final double[] z;

        LowerEnvelope(int n) {
            f = new double[n];
            v = new int[n];
            z = new double[n + 1];
        }

        /** Transforms the n values data[start + q * stride] in place. */
        void transform(float[] data, int start, int stride, int n, double w) {
            int k = -1;
            for (int q = 0; q < n; q++) {
                double fq = data[start + q * stride];
                f[q] = fq;
                if (fq == Double.POSITIVE_INFINITY) {
                    // an infinite parabola never reaches the envelope
                    continue;
                }
                if (k < 0) {
                    k = 0;
                    v[0] = q;
                    z[0] = Double.NEGATIVE_INFINITY;
                    z[1] = Double.POSITIVE_INFINITY;
                    continue;
                }
                double s = intersection(q, v[k], w);
                while (s <= z[k]) {
                    k--;
                    s = intersection(q, v[k], w);
                }
                k++;
                v[k] = q;
                z[k] = s;
                z[k + 1] = Double.POSITIVE_INFINITY;
            }
            if (k < 0) {
                return;
            }
            k = 0;
            for (int q = 0; q < n; q++) {
                while (z[k + 1] < q) {
                    k++;
                }
                double dq = q - v[k];
                data[start + q * stride] = (float) (w * dq * dq + f[v[k]]);
            }
        }

        /** Abscissa where the parabolas rooted at q and p (p < q) meet. */
        private double intersection(int q, int p, double w) {
            return ((f[q] + w * (double) q * q) - (f[p] + w * (double) p * p)) / (2 * w * (q - p));
        }
    }
}
