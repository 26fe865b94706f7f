package org.organdose.phantom;

/**
 * Approximate signed distance functions (mm, negative inside) for building anatomy from smooth
 * implicit shapes. Only their sign and their value within a few millimetres of the surface
 * matter: the sign decides the tissue, the value near the surface the partial-volume fraction.
 */
final class Shapes {
    private Shapes() {
    }

    /**
     * Ellipsoid with semi-axes a, b, c centred at the origin of (dx, dy, dz). The bound
     * {@code k0 (k0 - 1) / k1} with {@code k0 = |p / r|}, {@code k1 = |p / r^2|} is exact on the
     * surface's normal direction to first order and never overestimates much elsewhere.
     */
    static double ellipsoid(double dx, double dy, double dz, double a, double b, double c) {
        double ux = dx / a;
        double uy = dy / b;
        double uz = dz / c;
        double k0 = Math.sqrt(ux * ux + uy * uy + uz * uz);
        if (k0 < 1e-9) {
            return -Math.min(a, Math.min(b, c));
        }
        double vx = ux / a;
        double vy = uy / b;
        double vz = uz / c;
        double k1 = Math.sqrt(vx * vx + vy * vy + vz * vz);
        return k0 * (k0 - 1) / k1;
    }

    /** Ellipse with semi-axes a, b in a plane. */
    static double ellipse(double dx, double dy, double a, double b) {
        return ellipsoid(dx, dy, 0, a, b, 1);
    }

    /**
     * Body-like cross-section: an ellipse in front ({@code dy < 0}) and a squarer superellipse
     * of exponent 4 behind, which flattens the back as on a patient lying supine. Continuous at
     * {@code dy = 0}. {@code bFront} and {@code bBack} are the anterior and posterior half-depths.
     */
    static double torso(double dx, double dy, double a, double bFront, double bBack) {
        if (dy < 0) {
            return ellipse(dx, dy, a, bFront);
        }
        double ux = dx / a;
        double uy = dy / bBack;
        double ux2 = ux * ux;
        double uy2 = uy * uy;
        double r = Math.sqrt(Math.sqrt(ux2 * ux2 + uy2 * uy2));
        double d = Math.sqrt(dx * dx + dy * dy);
        return r < 1e-9 ? -Math.min(a, bBack) : d * (1 - 1 / r);
    }

    /** Smooth union (polynomial smooth minimum) with blend width k mm. */
    static double smoothUnion(double a, double b, double k) {
        double h = Math.max(k - Math.abs(a - b), 0) / k;
        return Math.min(a, b) - h * h * k * 0.25;
    }

    /** Smooth intersection with blend width k mm. */
    static double smoothIntersection(double a, double b, double k) {
        return -smoothUnion(-a, -b, k);
    }

    /**
     * Distance to a tube along a polyline whose radius varies linearly between its points:
     * {@code path} holds x, y, z, radius per point.
     */
    static double tube(double[] path, double x, double y, double z) {
        double best = Double.POSITIVE_INFINITY;
        for (int p = 0; p + 4 < path.length; p += 4) {
            double ax = path[p];
            double ay = path[p + 1];
            double az = path[p + 2];
            double ex = path[p + 4] - ax;
            double ey = path[p + 5] - ay;
            double ez = path[p + 6] - az;
            double len2 = ex * ex + ey * ey + ez * ez;
            double t = len2 == 0 ? 0 : ((x - ax) * ex + (y - ay) * ey + (z - az) * ez) / len2;
            t = t < 0 ? 0 : t > 1 ? 1 : t;
            double dx = x - ax - t * ex;
            double dy = y - ay - t * ey;
            double dz = z - az - t * ez;
            double r = path[p + 3] + t * (path[p + 7] - path[p + 3]);
            double d = Math.sqrt(dx * dx + dy * dy + dz * dz) - r;
            if (d < best) {
                best = d;
            }
        }
        return best;
    }

    /** Axis-aligned bounding box {minX, minY, minZ, maxX, maxY, maxZ} of a tube path. */
    static double[] tubeBounds(double[] path) {
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int p = 0; p < path.length; p += 4) {
            for (int a = 0; a < 3; a++) {
                b[a] = Math.min(b[a], path[p + a] - path[p + 3]);
                b[a + 3] = Math.max(b[a + 3], path[p + a] + path[p + 3]);
            }
        }
        return b;
    }

    /** Whether (x, y, z) lies in the box grown by {@code margin} mm. */
    static boolean inBox(double[] box, double x, double y, double z, double margin) {
        return x >= box[0] - margin && y >= box[1] - margin && z >= box[2] - margin
                && x <= box[3] + margin && y <= box[4] + margin && z <= box[5] + margin;
    }

    /** Linear ramp from 0 at {@code edge0} to 1 at {@code edge1}, smoothed (smoothstep). */
    static double smoothstep(double edge0, double edge1, double v) {
        double t = (v - edge0) / (edge1 - edge0);
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        return t * t * (3 - 2 * t);
    }
}
