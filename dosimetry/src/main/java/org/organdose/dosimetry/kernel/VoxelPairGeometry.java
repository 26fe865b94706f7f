package org.organdose.dosimetry.kernel;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The geometry of a source voxel at the origin and a target voxel at offset (i, j, k), voxels of
 * a x b x c mm. With source and target points uniform in their voxels, their difference d has the
 * density P(d) = T_a(dx - i a) T_b(dy - j b) T_c(dz - k c), each T a triangle of half-width one
 * voxel and unit area. The mean dose to the target from a radial point kernel D(r) is then the
 * integral of P(d) D(|d|) over d, computed here either radially, from the spherical mean of P at
 * distance r (exact on each smooth piece: closed form in the azimuth, Gauss-Legendre in the polar
 * angle between the angles where P has kinks), or, for voxels away from the source where D is
 * smooth, by tensor Gauss-Legendre quadrature over P. Summed over all targets, P is 1/(abc)
 * everywhere, which the tests use.
 */
final class VoxelPairGeometry {
    private static final double[] GAUSS6_X = {-0.9324695142031521, -0.6612093864662645, -0.2386191860831969,
        0.2386191860831969, 0.6612093864662645, 0.9324695142031521};
    private static final double[] GAUSS6_W = {0.1713244923791704, 0.3607615730481386, 0.4679139345726910,
        0.4679139345726910, 0.3607615730481386, 0.1713244923791704};
    private static final double TINY = 1e-12;

    private final double a;
    private final double b;
    private final double c;

    VoxelPairGeometry(double[] voxelMm) {
        this.a = voxelMm[0];
        this.b = voxelMm[1];
        this.c = voxelMm[2];
    }

    /** The smallest |d| with P(d) &gt; 0. */
    double minDistance(int i, int j, int k) {
        double dx = Math.max(0, (Math.abs(i) - 1) * a);
        double dy = Math.max(0, (Math.abs(j) - 1) * b);
        double dz = Math.max(0, (Math.abs(k) - 1) * c);
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** The largest |d| with P(d) &gt; 0. */
    double maxDistance(int i, int j, int k) {
        double dx = (Math.abs(i) + 1) * a;
        double dy = (Math.abs(j) + 1) * b;
        double dz = (Math.abs(k) + 1) * c;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** The mean of P over the sphere |d| = r, per mm^3: the integral over d of P(d) f(|d|) is that of 4 pi r^2 this times f. */
    double sphericalMean(int i, int j, int k, double r) {
        double x0 = Math.abs(i) * a;
        double y0 = Math.abs(j) * b;
        double z0 = Math.abs(k) * c;
        if (r <= TINY) {
            return triangle(0, x0, a) * triangle(0, y0, b) * triangle(0, z0, c);
        }
        double[] cuts = new double[64];
        int n = 0;
        cuts[n++] = 0;
        cuts[n++] = Math.PI;
        for (int s = -1; s <= 1; s++) {
            double v = (z0 + s * c) / r;
            if (Math.abs(v) < 1) {
                cuts[n++] = Math.acos(v);
            }
        }
        // radii at which the azimuthal integral has kinks: tangent to a kink line, or through two crossing
        for (int s = -1; s <= 1; s++) {
            n = addPolarCuts(cuts, n, Math.abs(x0 + s * a), r);
            n = addPolarCuts(cuts, n, Math.abs(y0 + s * b), r);
            for (int t = -1; t <= 1; t++) {
                n = addPolarCuts(cuts, n, Math.hypot(x0 + s * a, y0 + t * b), r);
            }
        }
        Arrays.sort(cuts, 0, n);
        double sum = 0;
        for (int p = 0; p + 1 < n; p++) {
            double lo = cuts[p];
            double hi = cuts[p + 1];
            if (hi - lo < TINY) {
                continue;
            }
            double mid = 0.5 * (lo + hi);
            if (triangle(r * Math.cos(mid), z0, c) == 0) {
                continue;
            }
            double half = 0.5 * (hi - lo);
            for (int g = 0; g < GAUSS6_X.length; g++) {
                double theta = mid + half * GAUSS6_X[g];
                sum += GAUSS6_W[g] * half * Math.sin(theta) * triangle(r * Math.cos(theta), z0, c)
                        * azimuthalIntegral(r * Math.sin(theta), x0, y0);
            }
        }
        return sum / (4 * Math.PI);
    }

    private static int addPolarCuts(double[] cuts, int n, double rho, double r) {
        if (rho > TINY && rho < r) {
            double t = Math.asin(rho / r);
            cuts[n++] = t;
            cuts[n++] = Math.PI - t;
        }
        return n;
    }

    /**
     * The integral over phi in [0, 2 pi) of T_a(rho cos phi - x0) T_b(rho sin phi - y0): on each
     * piece between kinks the integrand is (alpha_x + beta_x cos phi)(alpha_y + beta_y sin phi),
     * integrated in closed form.
     */
    double azimuthalIntegral(double rho, double x0, double y0) {
        if (rho <= TINY) {
            return 2 * Math.PI * triangle(0, x0, a) * triangle(0, y0, b);
        }
        double[] cuts = new double[16];
        int n = 0;
        cuts[n++] = 0;
        cuts[n++] = 2 * Math.PI;
        for (int s = -1; s <= 1; s++) {
            double v = (x0 + s * a) / rho;
            if (Math.abs(v) < 1) {
                double t = Math.acos(v);
                cuts[n++] = t;
                cuts[n++] = 2 * Math.PI - t;
            }
            double w = (y0 + s * b) / rho;
            if (Math.abs(w) < 1) {
                double t = Math.asin(w);
                cuts[n++] = t < 0 ? t + 2 * Math.PI : t;
                cuts[n++] = Math.PI - t;
            }
        }
        Arrays.sort(cuts, 0, n);
        double sum = 0;
        for (int p = 0; p + 1 < n; p++) {
            double lo = cuts[p];
            double hi = cuts[p + 1];
            if (hi - lo < TINY) {
                continue;
            }
            double mid = 0.5 * (lo + hi);
            double ux = rho * Math.cos(mid) - x0;
            double uy = rho * Math.sin(mid) - y0;
            if (Math.abs(ux) >= a || Math.abs(uy) >= b) {
                continue;
            }
            double sx = Math.signum(ux);
            double sy = Math.signum(uy);
            double alphaX = (a + sx * x0) / (a * a);
            double betaX = -sx * rho / (a * a);
            double alphaY = (b + sy * y0) / (b * b);
            double betaY = -sy * rho / (b * b);
            double sinLo = Math.sin(lo);
            double sinHi = Math.sin(hi);
            sum += alphaX * alphaY * (hi - lo) + alphaX * betaY * (Math.cos(lo) - Math.cos(hi))
                    + betaX * alphaY * (sinHi - sinLo) + betaX * betaY * 0.5 * (sinHi * sinHi - sinLo * sinLo);
        }
        return sum;
    }

    /** The integral over d of P(d) f(|d|) by 12-point-per-axis Gauss-Legendre (6 on each side of each triangle's peak). */
    double boxIntegral(int i, int j, int k, DoubleUnaryOperator radial) {
        double[][] qx = axisRule(Math.abs(i) * a, a);
        double[][] qy = axisRule(Math.abs(j) * b, b);
        double[][] qz = axisRule(Math.abs(k) * c, c);
        double sum = 0;
        for (int z = 0; z < qz[0].length; z++) {
            double dz2 = qz[0][z] * qz[0][z];
            for (int y = 0; y < qy[0].length; y++) {
                double wyz = qy[1][y] * qz[1][z];
                double dyz2 = qy[0][y] * qy[0][y] + dz2;
                for (int x = 0; x < qx[0].length; x++) {
                    sum += qx[1][x] * wyz * radial.applyAsDouble(Math.sqrt(qx[0][x] * qx[0][x] + dyz2));
                }
            }
        }
        return sum;
    }

    /** Nodes and weights (triangle density included) for one axis: offsets centre +- h. */
    private static double[][] axisRule(double centre, double h) {
        double[][] q = new double[2][2 * GAUSS6_X.length];
        for (int side = 0; side < 2; side++) {
            for (int g = 0; g < GAUSS6_X.length; g++) {
                double u = 0.5 * h * (1 + GAUSS6_X[g]);
                double offset = side == 0 ? -u : u;
                int at = side * GAUSS6_X.length + g;
                q[0][at] = centre + offset;
                q[1][at] = GAUSS6_W[g] * 0.5 * h * (h - u) / (h * h);
            }
        }
        return q;
    }

    /** The unit-area triangle of half-width h centred at {@code centre}, at t. */
    private static double triangle(double t, double centre, double h) {
        double u = Math.abs(t - centre);
        return u >= h ? 0 : (h - u) / (h * h);
    }
}
