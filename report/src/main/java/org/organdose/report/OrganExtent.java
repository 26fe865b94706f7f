package org.organdose.report;

import java.util.EnumMap;
import java.util.Map;
import org.organdose.image.Organ;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;

/**
 * Where an organ lies on a label map: its centroid and world bounding box (LPS, mm) and its
 * voxel index bounds.
 *
 * @param centroidLps mean position of the organ's voxel centres
 * @param minLps      lowest world coordinate of any of its voxel centres, per axis
 * @param maxLps      highest, per axis
 * @param minIndex    lowest voxel index per axis
 * @param maxIndex    highest voxel index per axis
 */
record OrganExtent(double[] centroidLps, double[] minLps, double[] maxLps, int[] minIndex, int[] maxIndex) {

    /** The extent of every organ present in {@code labels}, in one pass. */
    static Map<Organ, OrganExtent> of(LabelMap labels) {
        Geometry g = labels.geometry();
        byte[] l = labels.labels();
        int n = Organ.values().length + 1;
        long[] count = new long[n];
        double[][] sum = new double[n][3];
        int[][] lo = new int[n][];
        int[][] hi = new int[n][];
        for (int k = 0, p = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++, p++) {
                    int v = l[p];
                    if (v <= 0 || v >= n) {
                        continue;
                    }
                    count[v]++;
                    sum[v][0] += i;
                    sum[v][1] += j;
                    sum[v][2] += k;
                    if (lo[v] == null) {
                        lo[v] = new int[] {i, j, k};
                        hi[v] = new int[] {i, j, k};
                    } else {
                        lo[v][0] = Math.min(lo[v][0], i);
                        lo[v][1] = Math.min(lo[v][1], j);
                        hi[v][0] = Math.max(hi[v][0], i);
                        hi[v][1] = Math.max(hi[v][1], j);
                        hi[v][2] = k;
                    }
                }
            }
        }
        Map<Organ, OrganExtent> out = new EnumMap<>(Organ.class);
        for (Organ o : Organ.values()) {
            int v = o.label();
            if (count[v] == 0) {
                continue;
            }
            double[] centroid = g.indexToWorld(sum[v][0] / count[v], sum[v][1] / count[v], sum[v][2] / count[v]);
            double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (int c = 0; c < 8; c++) {
                double[] w = g.indexToWorld((c & 1) == 0 ? lo[v][0] : hi[v][0], (c & 2) == 0 ? lo[v][1] : hi[v][1],
                        (c & 4) == 0 ? lo[v][2] : hi[v][2]);
                for (int a = 0; a < 3; a++) {
                    min[a] = Math.min(min[a], w[a]);
                    max[a] = Math.max(max[a], w[a]);
                }
            }
            out.put(o, new OrganExtent(centroid, min, max, lo[v], hi[v]));
        }
        return out;
    }
}
