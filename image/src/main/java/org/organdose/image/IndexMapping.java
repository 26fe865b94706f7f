package org.organdose.image;

/**
 * The affine map from a target grid's voxel index to a source grid's continuous voxel index,
 * composed once through world coordinates: {@code source = A * target + b}. Resampling loops step
 * along target rows by adding the first column of A, so no per-voxel matrix work is needed.
 */
final class IndexMapping {
    /** Index differences closer than this to an integer are snapped to it, so that grids that coincide give exact copies. */
    private static final double SNAP = 1e-6;

    /** Row-major 3x3. */
    final double[] a;
    final double[] b;

    IndexMapping(Geometry source, Geometry target) {
        b = sourceIndex(source, target.indexToWorld(0, 0, 0));
        a = new double[9];
        for (int c = 0; c < 3; c++) {
            double[] unit = target.indexToWorld(c == 0 ? 1 : 0, c == 1 ? 1 : 0, c == 2 ? 1 : 0);
            double[] s = sourceIndex(source, unit);
            for (int r = 0; r < 3; r++) {
                a[3 * r + c] = snap(s[r] - b[r]);
            }
        }
        for (int r = 0; r < 3; r++) {
            b[r] = snap(b[r]);
        }
    }

    private static double[] sourceIndex(Geometry source, double[] world) {
        return source.worldToIndex(world[0], world[1], world[2]);
    }

    private static double snap(double x) {
        double nearest = Math.rint(x);
        return Math.abs(x - nearest) < SNAP ? nearest : x;
    }

    /** Source continuous index of target index (i, j, k), written into {@code out}. */
    void map(double i, double j, double k, double[] out) {
        for (int r = 0; r < 3; r++) {
            out[r] = a[3 * r] * i + a[3 * r + 1] * j + a[3 * r + 2] * k + b[r];
        }
    }
}
