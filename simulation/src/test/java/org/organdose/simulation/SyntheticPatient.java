package org.organdose.simulation;

import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Volume;

/** A tiny labelled CT for fast tests: a water cylinder with an ellipsoidal liver, two kidneys and a spleen. */
final class SyntheticPatient {
    static final Geometry GRID = Geometry.axisAligned(96, 80, 40, new double[] {3, 3, 4}, new double[] {-142.5, -118.5, -78});

    private SyntheticPatient() {
    }

    static LabelMap labels() {
        LabelMap l = new LabelMap(GRID);
        for (int k = 0; k < GRID.nz(); k++) {
            for (int j = 0; j < GRID.ny(); j++) {
                for (int i = 0; i < GRID.nx(); i++) {
                    double[] x = GRID.indexToWorld(i, j, k);
                    int label = 0;
                    if (inside(x, -60, 0, 20, 70, 60, 60)) {
                        label = 1;
                    } else if (inside(x, -45, 50, -30, 25, 25, 50)) {
                        label = 2;
                    } else if (inside(x, 45, 50, -20, 25, 25, 50)) {
                        label = 3;
                    } else if (inside(x, 75, 40, 30, 25, 40, 45)) {
                        label = 4;
                    }
                    l.set(i, j, k, label);
                }
            }
        }
        return l;
    }

    static Volume ct() {
        Volume v = new Volume(GRID);
        LabelMap l = labels();
        float[] hu = {0, 60, 35, 35, 45};
        for (int k = 0; k < GRID.nz(); k++) {
            for (int j = 0; j < GRID.ny(); j++) {
                for (int i = 0; i < GRID.nx(); i++) {
                    double[] x = GRID.indexToWorld(i, j, k);
                    boolean body = (x[0] * x[0]) / (130.0 * 130.0) + (x[1] * x[1]) / (105.0 * 105.0) <= 1;
                    v.set(i, j, k, body ? hu[l.get(i, j, k)] : -1000f);
                }
            }
        }
        return v;
    }

    private static boolean inside(double[] x, double cx, double cy, double cz, double rx, double ry, double rz) {
        double dx = (x[0] - cx) / rx;
        double dy = (x[1] - cy) / ry;
        double dz = (x[2] - cz) / rz;
        return dx * dx + dy * dy + dz * dz <= 1;
    }
}
