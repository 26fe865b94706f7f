package org.organdose.segment.eval;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.organdose.image.DistanceMap;
import org.organdose.image.Geometry;
import org.organdose.image.IndexBox;
import org.organdose.image.LabelMap;
import org.organdose.image.LabelOverlap;
import org.organdose.image.Volume;
import org.organdose.image.Organ;
import org.organdose.segment.SegmentationException;

/**
 * Compares predicted organ labels with reference labels on the same grid: Dice, HD95 and volume
 * per organ, only for the organs the reference labels (elsewhere a 0 in the reference does not
 * mean background, so no score can be given).
 */
public final class Evaluator {
    private Evaluator() {
    }

    /**
     * @param labelled organs the reference labels; others are left out of the result
     * @throws IllegalArgumentException when the grids differ
     */
    public static Map<Organ, OrganMetrics> evaluate(LabelMap predicted, LabelMap reference, Set<Organ> labelled) {
        if (!predicted.geometry().sameGrid(reference.geometry(), 1e-3)) {
            throw new IllegalArgumentException("prediction and reference are on different grids: "
                    + predicted.geometry() + " vs " + reference.geometry());
        }
        Map<Organ, OrganMetrics> out = new EnumMap<>(Organ.class);
        for (Organ o : Organ.values()) {
            if (labelled.contains(o)) {
                out.put(o, measure(predicted, reference, o));
            }
        }
        return out;
    }

    /** As {@link #evaluate} with a one-line error naming the files when the grids differ. */
    public static Map<Organ, OrganMetrics> evaluateFiles(LabelMap predicted, String predictedName, LabelMap reference,
            String referenceName, Set<Organ> labelled) throws SegmentationException {
        if (!predicted.geometry().sameGrid(reference.geometry(), 1e-3)) {
            throw new SegmentationException(predictedName + ": not on the grid of the reference " + referenceName
                    + " (" + Arrays.toString(predicted.geometry().sizes()) + " vs " + Arrays.toString(reference.geometry().sizes()) + ")");
        }
        return evaluate(predicted, reference, labelled);
    }

    private static OrganMetrics measure(LabelMap predicted, LabelMap reference, Organ organ) {
        byte label = (byte) organ.label();
        LabelOverlap overlap = LabelOverlap.of(predicted, reference, label);
        long np = overlap.countA();
        long nr = overlap.countB();
        double dice = overlap.dice();
        double voxelMl = predicted.geometry().voxelVolumeMm3() / 1000;
        return new OrganMetrics(organ, dice, hd95(predicted, reference, label, np, nr), np * voxelMl, nr * voxelMl);
    }

    private static double hd95(LabelMap predicted, LabelMap reference, byte label, long np, long nr) {
        if (np == 0 && nr == 0) {
            return Double.NaN;
        }
        if (np == 0 || nr == 0) {
            return Double.POSITIVE_INFINITY;
        }
        Geometry g = predicted.geometry();
        Optional<IndexBox> boxP = IndexBox.ofLabel(predicted, label);
        Optional<IndexBox> boxR = IndexBox.ofLabel(reference, label);
        // both surfaces lie in the union box, so distances computed inside it are exact
        IndexBox box = boxP.get().union(boxR.get()).grown(new int[] {1, 1, 1}, g);
        Geometry sub = box.subGeometry(g);
        LabelMap surfaceP = surface(predicted, label, box, sub);
        LabelMap surfaceR = surface(reference, label, box, sub);
        return Math.max(percentile95(surfaceP, DistanceMap.euclideanMm(surfaceR)),
                percentile95(surfaceR, DistanceMap.euclideanMm(surfaceP)));
    }

    /** Voxels of the label with a face neighbour outside it (or on the grid's edge), cropped to {@code box}. */
    private static LabelMap surface(LabelMap map, byte label, IndexBox box, Geometry sub) {
        Geometry g = map.geometry();
        byte[] v = map.labels();
        byte[] out = new byte[sub.voxelCount()];
        for (int k = box.min(2); k <= box.max(2); k++) {
            for (int j = box.min(1); j <= box.max(1); j++) {
                for (int i = box.min(0); i <= box.max(0); i++) {
                    if (v[g.offset(i, j, k)] == label && onSurface(v, g, i, j, k, label)) {
                        out[sub.offset(i - box.min(0), j - box.min(1), k - box.min(2))] = 1;
                    }
                }
            }
        }
        return new LabelMap(sub, out);
    }

    private static boolean onSurface(byte[] v, Geometry g, int i, int j, int k, byte label) {
        int[][] steps = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (int[] s : steps) {
            int a = i + s[0];
            int b = j + s[1];
            int c = k + s[2];
            if (!g.contains(a, b, c) || v[g.offset(a, b, c)] != label) {
                return true;
            }
        }
        return false;
    }

    /** 95th percentile (linear interpolation between order statistics) of the distances at the surface voxels. */
    private static double percentile95(LabelMap surface, Volume distance) {
        byte[] s = surface.labels();
        float[] d = distance.voxels();
        int n = 0;
        for (byte b : s) {
            n += b;
        }
        double[] values = new double[n];
        int m = 0;
        for (int p = 0; p < s.length; p++) {
            if (s[p] != 0) {
                values[m++] = d[p];
            }
        }
        Arrays.sort(values);
        double rank = 0.95 * (n - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(n - 1, lo + 1);
        return values[lo] + (rank - lo) * (values[hi] - values[lo]);
    }
}
