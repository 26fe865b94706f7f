package org.organdose.segment.maskrcnn;

/**
 * Assigns every anchor (or proposal) to a ground-truth box, to the background, or to neither, by
 * intersection over union, as torchvision's {@code Matcher}: the anchor's best ground truth is its
 * match when their IoU is at least {@code high}; below {@code low} the anchor is background
 * ({@link #NEGATIVE}); in between it is left out of the loss ({@link #IGNORED}).
 *
 * <p>With low-quality matches allowed (the RPN of Faster R-CNN), every ground-truth box also keeps
 * the anchor(s) that overlap it most, even under {@code high}, so that no object goes without a
 * positive anchor; such an anchor is matched to its own best ground truth, as in torchvision.
 * Unlike torchvision, a ground truth that overlaps no anchor at all claims none (otherwise every
 * anchor with IoU 0 would tie for "best" and become positive).
 */
public final class AnchorMatcher {
    /** Match value of an anchor that is background. */
    public static final int NEGATIVE = -1;
    /** Match value of an anchor between the thresholds, which no loss sees. */
    public static final int IGNORED = -2;

    private final double high;
    private final double low;
    private final boolean allowLowQualityMatches;

    public AnchorMatcher(double high, double low, boolean allowLowQualityMatches) {
        if (!(low >= 0 && low <= high && high <= 1)) {
            throw new IllegalArgumentException("need 0 <= low <= high <= 1, got low " + low + ", high " + high);
        }
        this.high = high;
        this.low = low;
        this.allowLowQualityMatches = allowLowQualityMatches;
    }

    /** The RPN's matcher: positive at IoU >= 0.7, negative below 0.3, best anchors kept. */
    public static AnchorMatcher forRpn() {
        return new AnchorMatcher(0.7, 0.3, true);
    }

    /** The box head's matcher: a proposal is foreground at IoU >= 0.5, background below. */
    public static AnchorMatcher forHeads() {
        return new AnchorMatcher(0.5, 0.5, false);
    }

    /**
     * @param anchors flat anchors (see {@link Boxes})
     * @param groundTruth flat ground-truth boxes, possibly none
     * @return per anchor: the index of its ground truth, {@link #NEGATIVE} or {@link #IGNORED}
     */
    public int[] match(float[] anchors, float[] groundTruth) {
        int n = Boxes.count(anchors);
        int g = Boxes.count(groundTruth);
        int[] matches = new int[n];
        double[][] iou = Boxes.iouMatrix(groundTruth, anchors);
        int[] best = new int[n];
        for (int a = 0; a < n; a++) {
            double bestIou = -1;
            for (int t = 0; t < g; t++) {
                if (iou[t][a] > bestIou) {
                    bestIou = iou[t][a];
                    best[a] = t;
                }
            }
            if (bestIou >= high) {
                matches[a] = best[a];
            } else if (bestIou < low) {
                matches[a] = NEGATIVE;
            } else {
                matches[a] = IGNORED;
            }
        }
        if (allowLowQualityMatches) {
            for (int t = 0; t < g; t++) {
                double most = 0;
                for (int a = 0; a < n; a++) {
                    most = Math.max(most, iou[t][a]);
                }
                for (int a = 0; most > 0 && a < n; a++) {
                    if (iou[t][a] == most) {
                        matches[a] = best[a];
                    }
                }
            }
        }
        return matches;
    }
}
