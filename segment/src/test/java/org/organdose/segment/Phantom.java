package org.organdose.segment;

import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;

/**
 * A synthetic abdomen defined in patient coordinates (LPS, mm), so that it can be sampled on any
 * grid: an elliptic body with a fat rim and a spine, the liver on the patient's right (-x), the
 * spleen on the left (+x) and a kidney on each side behind them.
 */
public final class Phantom {
    /** Ellipsoid centre (x, y, z), radii, HU and organ label. */
    private record Blob(double[] centre, double[] radii, float hu, int label) {
        boolean contains(double[] w) {
            double s = 0;
            for (int a = 0; a < 3; a++) {
                double d = (w[a] - centre[a]) / radii[a];
                s += d * d;
            }
            return s <= 1;
        }
    }

    private static final Blob[] ORGANS = {
        new Blob(new double[] {-45, -10, 25}, new double[] {60, 50, 45}, 110, Organ.LIVER.label()),
        new Blob(new double[] {-60, 45, -25}, new double[] {28, 24, 50}, 190, Organ.KIDNEY_RIGHT.label()),
        new Blob(new double[] {60, 45, -20}, new double[] {28, 24, 50}, 190, Organ.KIDNEY_LEFT.label()),
        new Blob(new double[] {70, 10, 30}, new double[] {32, 28, 45}, 150, Organ.SPLEEN.label()),
    };

    private Phantom() {
    }

    /** The phantom's CT (HU) on {@code grid}, with Gaussian noise of {@code noiseHu} from {@code seed}. */
    public static Volume ct(Geometry grid, double noiseHu, long seed) {
        java.util.Random rng = new java.util.Random(seed);
        Volume v = new Volume(grid);
        for (int k = 0; k < grid.nz(); k++) {
            for (int j = 0; j < grid.ny(); j++) {
                for (int i = 0; i < grid.nx(); i++) {
                    double[] w = grid.indexToWorld(i, j, k);
                    v.set(i, j, k, (float) (hu(w) + rng.nextGaussian() * noiseHu));
                }
            }
        }
        return v;
    }

    /** The phantom's organ labels on {@code grid}. */
    public static LabelMap labels(Geometry grid) {
        LabelMap l = new LabelMap(grid);
        for (int k = 0; k < grid.nz(); k++) {
            for (int j = 0; j < grid.ny(); j++) {
                for (int i = 0; i < grid.nx(); i++) {
                    double[] w = grid.indexToWorld(i, j, k);
                    for (Blob b : ORGANS) {
                        if (b.contains(w)) {
                            l.set(i, j, k, b.label());
                        }
                    }
                }
            }
        }
        return l;
    }

    private static double hu(double[] w) {
        double body = sq(w[0] / 150) + sq(w[1] / 105);
        if (body > 1) {
            return -1000;
        }
        for (Blob b : ORGANS) {
            if (b.contains(w)) {
                return b.hu();
            }
        }
        if (sq(w[0] / 16) + sq((w[1] - 75) / 16) <= 1) {
            return 500;
        }
        return body > 0.8 ? -100 : 35;
    }

    private static double sq(double v) {
        return v * v;
    }

    /** An axis-aligned grid centred on the phantom with the given spacing and z range. */
    public static Geometry grid(double spacingXy, double spacingZ) {
        int nxy = (int) Math.round(320 / spacingXy);
        int nz = (int) Math.round(150 / spacingZ);
        double[] origin = {-(nxy - 1) * spacingXy / 2, -(nxy - 1) * spacingXy / 2, -75 + spacingZ / 2};
        return Geometry.axisAligned(nxy, nxy, nz, new double[] {spacingXy, spacingXy, spacingZ}, origin);
    }
}
