package org.organdose.segment.maskrcnn;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Picks the anchors (or proposals) that enter the classification loss of one image, as in Faster
 * R-CNN: at most {@code perImage} of them, of which at most {@code positiveFraction} are positive,
 * the rest filled with negatives; each group is drawn uniformly without replacement. Without it
 * the thousands of easy background anchors would swamp the few positive ones.
 */
public final class BalancedSampler {
    private final int perImage;
    private final double positiveFraction;

    /** The drawn indices; positives are those matched to a ground truth. */
    public record Sample(int[] positives, int[] negatives) {
    }

    public BalancedSampler(int perImage, double positiveFraction) {
        if (perImage < 1 || !(positiveFraction >= 0 && positiveFraction <= 1)) {
            throw new IllegalArgumentException("need a positive sample size and a fraction in [0, 1], got "
                    + perImage + " and " + positiveFraction);
        }
        this.perImage = perImage;
        this.positiveFraction = positiveFraction;
    }

    /** The RPN's sampler: 256 anchors per image, half of them positive when there are enough. */
    public static BalancedSampler forRpn() {
        return new BalancedSampler(256, 0.5);
    }

    /** The box head's sampler: 512 proposals per image, a quarter positive. */
    public static BalancedSampler forHeads() {
        return new BalancedSampler(512, 0.25);
    }

    /**
     * @param matches per anchor, as from {@link AnchorMatcher#match}: a ground-truth index (positive),
     *     {@link AnchorMatcher#NEGATIVE} or {@link AnchorMatcher#IGNORED} (never drawn)
     */
    public Sample sample(int[] matches, Random random) {
        int[] positives = IntStream.range(0, matches.length).filter(i -> matches[i] >= 0).toArray();
        int[] negatives = IntStream.range(0, matches.length).filter(i -> matches[i] == AnchorMatcher.NEGATIVE).toArray();
        int wantPositive = Math.min(positives.length, (int) (perImage * positiveFraction));
        int wantNegative = Math.min(negatives.length, perImage - wantPositive);
        return new Sample(draw(positives, wantPositive, random), draw(negatives, wantNegative, random));
    }

    /** {@code k} of the values, drawn uniformly without replacement (a partial Fisher-Yates shuffle). */
    private static int[] draw(int[] values, int k, Random random) {
        int[] pool = values.clone();
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return Arrays.copyOf(pool, k);
    }
}
