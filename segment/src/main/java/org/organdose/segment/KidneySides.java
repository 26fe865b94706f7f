package org.organdose.segment;

import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;

/**
 * Names kidney voxels right or left by the patient side they lie on, from world coordinates
 * (LPS: the patient's left is +x), so that flipped or rotated images and any array order give the
 * same answer.
 *
 * <p>The dividing plane is the body's midline: the mean x of the body (voxels above
 * {@value #BODY_HU} HU) at the heights where there are kidney voxels. Without a CT, or without a
 * body there, it falls back to the mean x of the kidney voxels themselves, which is the midline
 * when both kidneys are present.
 */
public final class KidneySides {
    /** Anything denser than this is body (or table), not air. */
    public static final float BODY_HU = -500f;

    private KidneySides() {
    }

    /**
     * A copy of {@code labels} with every kidney voxel (either kidney label) relabelled by its side.
     *
     * @param ct the CT the labels belong to, on any grid, or null
     */
    public static LabelMap name(LabelMap labels, Volume ct) {
        Geometry g = labels.geometry();
        byte[] in = labels.labels();
        byte right = (byte) Organ.KIDNEY_RIGHT.label();
        byte left = (byte) Organ.KIDNEY_LEFT.label();
        double zMin = Double.POSITIVE_INFINITY;
        double zMax = Double.NEGATIVE_INFINITY;
        double xSum = 0;
        long count = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    byte v = in[g.offset(i, j, k)];
                    if (v == right || v == left) {
                        double[] w = g.indexToWorld(i, j, k);
                        zMin = Math.min(zMin, w[2]);
                        zMax = Math.max(zMax, w[2]);
                        xSum += w[0];
                        count++;
                    }
                }
            }
        }
        LabelMap out = labels.copy();
        if (count == 0) {
            return out;
        }
        double midline = ct == null ? Double.NaN : bodyMidlineX(ct, zMin, zMax);
        if (Double.isNaN(midline)) {
            midline = xSum / count;
        }
        byte[] o = out.labels();
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    int p = g.offset(i, j, k);
                    if (o[p] == right || o[p] == left) {
                        o[p] = g.indexToWorld(i, j, k)[0] < midline ? right : left;
                    }
                }
            }
        }
        return out;
    }

    /** Mean world x of the body voxels whose world z is within [zMin, zMax]; NaN when there are none. */
    static double bodyMidlineX(Volume ct, double zMin, double zMax) {
        Geometry g = ct.geometry();
        float[] hu = ct.voxels();
        double sum = 0;
        long n = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                double[] rowStart = g.indexToWorld(0, j, k);
                double[] rowEnd = g.indexToWorld(g.nx() - 1, j, k);
                if (Math.max(rowStart[2], rowEnd[2]) < zMin || Math.min(rowStart[2], rowEnd[2]) > zMax) {
                    continue;
                }
                for (int i = 0; i < g.nx(); i++) {
                    if (hu[g.offset(i, j, k)] > BODY_HU) {
                        double[] w = g.indexToWorld(i, j, k);
                        if (w[2] >= zMin && w[2] <= zMax) {
                            sum += w[0];
                            n++;
                        }
                    }
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
