package org.organdose.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.organdose.image.Geometry;
import org.organdose.image.Matrix3;
import org.organdose.image.Volume;

/** Small volumes on awkward grids for the reader and writer tests. */
final class TestImages {
    private TestImages() {
    }

    /** An axis-aligned grid with anisotropic spacing. */
    static Geometry axisAligned() {
        return Geometry.axisAligned(7, 5, 4, new double[] {0.7, 0.9, 2.5}, new double[] {-120.5, 33.25, 410.0});
    }

    /** A rotation of 30 degrees about (1, 2, 3): no axis lines up with a patient axis. */
    static Geometry oblique() {
        return new Geometry(7, 5, 4, new double[] {0.7, 0.9, 2.5}, new double[] {-120.5, 33.25, 410.0}, rotation());
    }

    /** The oblique grid with the k axis reversed: a left-handed index frame (determinant -1). */
    static Geometry reflected() {
        double[] d = rotation();
        for (int r = 0; r < 3; r++) {
            d[3 * r + 2] = -d[3 * r + 2];
        }
        assertThat(Matrix3.determinant(d)).isCloseTo(-1, within(1e-12));
        return new Geometry(7, 5, 4, new double[] {0.7, 0.9, 2.5}, new double[] {12.0, -7.5, -301.125}, d);
    }

    private static double[] rotation() {
        double[] axis = {1, 2, 3};
        double n = Math.sqrt(Matrix3.dot(axis, axis));
        double x = axis[0] / n;
        double y = axis[1] / n;
        double z = axis[2] / n;
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        double t = 1 - c;
        return new double[] {
            t * x * x + c, t * x * y - s * z, t * x * z + s * y,
            t * x * y + s * z, t * y * y + c, t * y * z - s * x,
            t * x * z - s * y, t * y * z + s * x, t * z * z + c};
    }

    /** Values every storage type holds exactly: integers 0..250 for UINT8, else -1000..3000 or fractions. */
    static Volume pattern(Geometry g, StorageType storage) {
        float[] v = new float[g.voxelCount()];
        for (int p = 0; p < v.length; p++) {
            v[p] = switch (storage) {
                case UINT8 -> (p * 7) % 251;
                case INT16 -> (p * 37) % 4001 - 1000;
                case FLOAT32 -> (float) (Math.sin(p * 0.37) * 1234.5678);
            };
        }
        return new Volume(g, v);
    }

    /** Same grid to {@code tolMm} at every corner, and same directions and spacings. */
    static void assertSameGeometry(Geometry actual, Geometry expected, double tol) {
        assertThat(actual.sizes()).containsExactly(expected.sizes());
        double[] a = actual.affineLps();
        double[] e = expected.affineLps();
        for (int q = 0; q < 16; q++) {
            assertThat(a[q]).as("affine element %d of %s vs %s", q, actual, expected).isCloseTo(e[q], within(tol));
        }
    }
}
