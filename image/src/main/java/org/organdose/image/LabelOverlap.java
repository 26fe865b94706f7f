package org.organdose.image;

/**
 * How two label maps on one grid overlap for one label: the one home of the Dice coefficient.
 *
 * @param countA voxels of the label in the first map
 * @param countB voxels of the label in the second map
 * @param both   voxels of the label in both
 */
public record LabelOverlap(long countA, long countB, long both) {

    /** Counts the label in two maps on the same grid. */
    public static LabelOverlap of(LabelMap a, LabelMap b, int label) {
        byte[] x = a.labels();
        byte[] y = b.labels();
        if (x.length != y.length) {
            throw new IllegalArgumentException("the label maps are not on one grid (" + x.length + " and " + y.length + " voxels)");
        }
        byte l = (byte) label;
        long na = 0;
        long nb = 0;
        long both = 0;
        for (int p = 0; p < x.length; p++) {
            boolean inA = x[p] == l;
            boolean inB = y[p] == l;
            na += inA ? 1 : 0;
            nb += inB ? 1 : 0;
            both += inA && inB ? 1 : 0;
        }
        return new LabelOverlap(na, nb, both);
    }

    /** Dice coefficient of the label between two maps on one grid; NaN when neither holds it (undefined, not perfect). */
    public static double dice(LabelMap a, LabelMap b, int label) {
        return of(a, b, label).dice();
    }

    /** 2 |A ∩ B| / (|A| + |B|); NaN when both are empty. */
    public double dice() {
        return countA + countB == 0 ? Double.NaN : 2.0 * both / (countA + countB);
    }
}
