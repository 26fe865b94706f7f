package org.organdose.phantom;

/**
 * Cellular (Worley) noise: one random feature point per cube of a lattice, jittered within its
 * cube. For a position it finds the nearest two feature points; the boundary between their
 * Voronoi cells, rounded off, packs space into blobs of about the lattice size, like loops of
 * small bowel seen in cross-section. Points depend only on the seed and the cube, so any
 * position can be evaluated independently.
 */
final class Cells {
    private final long seed;
    private final double size;
    private final double jitter;

    /** The nearest feature points of the last {@link #evaluate} call. */
    static final class Hit {
        /** Distance (mm) inside the nearest point's cell to the boundary with the second nearest. */
        double boundary;
        /** Distance (mm) to the nearest feature point. */
        double nearest;
        /** A random number 0..1 belonging to the nearest point's cell. */
        double cellValue;
        /** The y (mm) of the nearest feature point. */
        double centreY;
    }

    Cells(long seed, double sizeMm, double jitter) {
        this.seed = seed;
        this.size = sizeMm;
        this.jitter = jitter;
    }

    void evaluate(double x, double y, double z, Hit hit) {
        double fx = x / size;
        double fy = y / size;
        double fz = z / size;
        int ci = (int) Math.floor(fx);
        int cj = (int) Math.floor(fy);
        int ck = (int) Math.floor(fz);
        double best = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        double[] p1 = new double[3];
        double[] p2 = new double[3];
        long bestHash = 0;
        for (int dk = -1; dk <= 1; dk++) {
            for (int dj = -1; dj <= 1; dj++) {
                for (int di = -1; di <= 1; di++) {
                    int i = ci + di;
                    int j = cj + dj;
                    int k = ck + dk;
                    long h = hash(i, j, k);
                    double px = i + 0.5 + jitter * (unit(h) - 0.5);
                    double py = j + 0.5 + jitter * (unit(h >>> 21) - 0.5);
                    double pz = k + 0.5 + jitter * (unit(h >>> 42) - 0.5);
                    double ex = px - fx;
                    double ey = py - fy;
                    double ez = pz - fz;
                    double d2 = ex * ex + ey * ey + ez * ez;
                    if (d2 < best) {
                        second = best;
                        p2[0] = p1[0];
                        p2[1] = p1[1];
                        p2[2] = p1[2];
                        best = d2;
                        p1[0] = px;
                        p1[1] = py;
                        p1[2] = pz;
                        bestHash = h;
                    } else if (d2 < second) {
                        second = d2;
                        p2[0] = px;
                        p2[1] = py;
                        p2[2] = pz;
                    }
                }
            }
        }
        double sx = p2[0] - p1[0];
        double sy = p2[1] - p1[1];
        double sz = p2[2] - p1[2];
        double sep = Math.sqrt(sx * sx + sy * sy + sz * sz);
        // distance to the bisecting plane of the two nearest points
        hit.boundary = (second - best) / (2 * sep) * size;
        hit.nearest = Math.sqrt(best) * size;
        hit.cellValue = unit(bestHash * 0x9E3779B97F4A7C15L);
        hit.centreY = p1[1] * size;
    }

    private long hash(int i, int j, int k) {
        long h = seed ^ (i * 0x9E3779B97F4A7C15L) ^ (j * 0xC2B2AE3D27D4EB4FL) ^ (k * 0x165667B19E3779F9L);
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    /** The low 21 bits of {@code h} as a number in [0, 1). */
    private static double unit(long h) {
        return (h & 0x1FFFFF) / (double) 0x200000;
    }
}
