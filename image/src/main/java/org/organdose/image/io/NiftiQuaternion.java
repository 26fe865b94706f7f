package org.organdose.image.io;

/**
 * The NIfTI-1 qform rotation: a unit quaternion (a, b, c, d) with a >= 0 of which the header
 * stores only b, c and d. Reflections are not rotations, so NIfTI keeps them apart in qfac
 * (pixdim[0] = -1 flips the k axis).
 */
final class NiftiQuaternion {
    private NiftiQuaternion() {
    }

    /** Row-major 3x3 rotation of the quaternion whose b, c, d the header stores. */
    static double[] toRotation(double b, double c, double d) {
        double bcd = b * b + c * c + d * d;
        double a;
        if (1 - bcd < 1e-7) {
            // float rounding can push |(b,c,d)| to 1 or beyond: a 180 degree turn, renormalised
            double norm = Math.sqrt(bcd);
            b /= norm;
            c /= norm;
            d /= norm;
            a = 0;
        } else {
            a = Math.sqrt(1 - bcd);
        }
        return new double[] {
            a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
            2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b),
            2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - b * b - c * c};
    }

    /** The b, c, d of a proper rotation matrix (row-major, determinant +1), with a >= 0. */
    static double[] fromRotation(double[] r) {
        double a;
        double b;
        double c;
        double d;
        double trace = r[0] + r[4] + r[8];
        // pick the largest of 4a^2, 4b^2, 4c^2, 4d^2 to divide by, for accuracy
        if (trace > 0) {
            a = 0.5 * Math.sqrt(1 + trace);
            b = 0.25 * (r[7] - r[5]) / a;
            c = 0.25 * (r[2] - r[6]) / a;
            d = 0.25 * (r[3] - r[1]) / a;
        } else if (r[0] >= r[4] && r[0] >= r[8]) {
            b = 0.5 * Math.sqrt(1 + r[0] - r[4] - r[8]);
            a = 0.25 * (r[7] - r[5]) / b;
            c = 0.25 * (r[1] + r[3]) / b;
            d = 0.25 * (r[2] + r[6]) / b;
        } else if (r[4] >= r[8]) {
            c = 0.5 * Math.sqrt(1 + r[4] - r[0] - r[8]);
            a = 0.25 * (r[2] - r[6]) / c;
            b = 0.25 * (r[1] + r[3]) / c;
            d = 0.25 * (r[5] + r[7]) / c;
        } else {
            d = 0.5 * Math.sqrt(1 + r[8] - r[0] - r[4]);
            a = 0.25 * (r[3] - r[1]) / d;
            b = 0.25 * (r[2] + r[6]) / d;
            c = 0.25 * (r[5] + r[7]) / d;
        }
        return a < 0 ? new double[] {-b, -c, -d} : new double[] {b, c, d};
    }
}
