package org.organdose.segment.eval;

import org.organdose.image.Organ;

/**
 * Agreement of a predicted organ with the reference.
 *
 * @param organ the organ
 * @param dice 2|P∩R| / (|P| + |R|); NaN when the organ is in neither
 * @param hd95Mm 95th percentile Hausdorff distance between the surfaces (the larger of the two
 *     directed 95th percentiles, in mm); infinite when one of them is empty, NaN when both are
 * @param predictedMl predicted volume
 * @param referenceMl reference volume
 */
public record OrganMetrics(Organ organ, double dice, double hd95Mm, double predictedMl, double referenceMl) {

    /**
     * HD95 for a reader: {@code decimals} digits, or "n/a" when it is not a distance (one of the
     * two contours empty: "Infinity" would read as a measurement).
     */
    public String hd95Text(int decimals) {
        return Double.isFinite(hd95Mm) ? String.format(java.util.Locale.ROOT, "%." + decimals + "f", hd95Mm) : "n/a";
    }

    public double volumeDifferenceMl() {
        return predictedMl - referenceMl;
    }

    /** Volume difference relative to the reference, percent; NaN without reference volume. */
    public double volumeDifferencePercent() {
        return referenceMl > 0 ? 100 * (predictedMl - referenceMl) / referenceMl : Double.NaN;
    }
}
