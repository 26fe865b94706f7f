package org.organdose.phantom;

import java.util.Random;
import org.organdose.image.GaussianFilter;
import org.organdose.image.Geometry;
import org.organdose.image.Volume;

/**
 * A smooth random field with zero mean and unit standard deviation: Gaussian white noise on a
 * coarse lattice, smoothed with a Gaussian one lattice step wide and read back by trilinear
 * interpolation. Its correlation length is about two lattice steps. Used to deform organ
 * surfaces, vary fat thickness, and give tissues texture, vessels and bowel loops.
 */
final class SmoothNoise {
    private final float[] values;
    private final int nx;
    private final int ny;
    private final int nz;
    private final double[] min;
    private final double step;

    /** A field covering the box {@code min..max} (mm) with lattice step {@code stepMm}. */
    SmoothNoise(Random random, double[] min, double[] max, double stepMm) {
        this.min = min.clone();
        this.step = stepMm;
        this.nx = (int) Math.ceil((max[0] - min[0]) / stepMm) + 2;
        this.ny = (int) Math.ceil((max[1] - min[1]) / stepMm) + 2;
        this.nz = (int) Math.ceil((max[2] - min[2]) / stepMm) + 2;
        float[] white = new float[nx * ny * nz];
        for (int p = 0; p < white.length; p++) {
            white[p] = (float) random.nextGaussian();
        }
        Geometry lattice = Geometry.axisAligned(nx, ny, nz, new double[] {stepMm, stepMm, stepMm}, min);
        float[] smooth = GaussianFilter.smooth(new Volume(lattice, white), stepMm).voxels();
        double sum = 0;
        double sum2 = 0;
        for (float v : smooth) {
            sum += v;
            sum2 += (double) v * v;
        }
        double mean = sum / smooth.length;
        double sd = Math.sqrt(Math.max(sum2 / smooth.length - mean * mean, 1e-12));
        for (int p = 0; p < smooth.length; p++) {
            smooth[p] = (float) ((smooth[p] - mean) / sd);
        }
        this.values = smooth;
    }

    /** Field value at a world position; positions outside the box read the nearest border value. */
    double at(double x, double y, double z) {
        double fx = clamp((x - min[0]) / step, nx);
        double fy = clamp((y - min[1]) / step, ny);
        double fz = clamp((z - min[2]) / step, nz);
        int i = (int) fx;
        int j = (int) fy;
        int k = (int) fz;
        double tx = fx - i;
        double ty = fy - j;
        double tz = fz - k;
        int p = i + nx * (j + ny * k);
        int sy = nx;
        int sz = nx * ny;
        double c00 = values[p] + tx * (values[p + 1] - values[p]);
        double c10 = values[p + sy] + tx * (values[p + sy + 1] - values[p + sy]);
        double c01 = values[p + sz] + tx * (values[p + sz + 1] - values[p + sz]);
        double c11 = values[p + sz + sy] + tx * (values[p + sz + sy + 1] - values[p + sz + sy]);
        double c0 = c00 + ty * (c10 - c00);
        double c1 = c01 + ty * (c11 - c01);
        return c0 + tz * (c1 - c0);
    }

    /** Continuous lattice index clamped so that the cell (i, i+1) stays inside. */
    private static double clamp(double f, int n) {
        return f < 0 ? 0 : f > n - 1.000001 ? n - 1.000001 : f;
    }
}
