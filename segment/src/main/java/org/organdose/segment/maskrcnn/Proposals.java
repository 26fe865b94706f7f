package org.organdose.segment.maskrcnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Turns the RPN's outputs for one image into region proposals, as torchvision's
 * {@code RegionProposalNetwork.filter_proposals}: on each pyramid level, the {@code preNmsTopN}
 * anchors with the highest objectness are decoded ({@link BoxCoder#forRpn()}) and clipped to the
 * image; boxes narrower or lower than {@code minSize} pixels are dropped; non-maximum suppression
 * runs per level; the {@code postNmsTopN} best of all levels are kept, by decreasing score.
 *
 * <p>Proposals are targets for RoIAlign, never differentiated: everything here is on Java arrays.
 */
public final class Proposals {
    private final int preNmsTopN;
    private final double nmsThreshold;
    private final int postNmsTopN;
    private final float minSize;

    /** Proposals of one image, by decreasing score; scores are objectness probabilities. */
    public record Result(float[] boxes, float[] scores) {
        public int count() {
            return scores.length;
        }
    }

    public Proposals(int preNmsTopN, double nmsThreshold, int postNmsTopN, float minSize) {
        if (preNmsTopN < 1 || postNmsTopN < 1 || !(nmsThreshold >= 0 && nmsThreshold <= 1) || !(minSize >= 0)) {
            throw new IllegalArgumentException("invalid proposal settings");
        }
        this.preNmsTopN = preNmsTopN;
        this.nmsThreshold = nmsThreshold;
        this.postNmsTopN = postNmsTopN;
        this.minSize = minSize;
    }

    /** torchvision's training setting: 2000 per level before NMS (IoU 0.7), 2000 after. */
    public static Proposals forTraining() {
        return new Proposals(2000, 0.7, 2000, 1e-3f);
    }

    /** torchvision's inference setting: 1000 per level before NMS (IoU 0.7), 1000 after. */
    public static Proposals forInference() {
        return new Proposals(1000, 0.7, 1000, 1e-3f);
    }

    /**
     * @param anchors all levels' anchors, in {@link Anchors} order
     * @param anchorsPerLevel how many of them belong to each level, in order
     * @param objectness one logit per anchor ({@link RpnHead#flattenObjectness}, all levels concatenated)
     * @param deltas four deltas per anchor ({@link RpnHead#flattenDeltas}, likewise)
     * @param imageHeight height of the input image in pixels
     * @param imageWidth width of the input image in pixels
     */
    public Result select(float[] anchors, int[] anchorsPerLevel, float[] objectness, float[] deltas,
            int imageHeight, int imageWidth) {
        int n = Boxes.count(anchors);
        if (Arrays.stream(anchorsPerLevel).sum() != n || objectness.length != n || deltas.length != 4 * n) {
            throw new IllegalArgumentException("anchors, per-level counts, objectness and deltas disagree in number");
        }
        List<float[]> boxes = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        int first = 0;
        for (int count : anchorsPerLevel) {
            int[] top = topIndices(objectness, first, count, preNmsTopN);
            float[] a = new float[4 * top.length];
            float[] d = new float[4 * top.length];
            float[] s = new float[top.length];
            for (int j = 0; j < top.length; j++) {
                System.arraycopy(anchors, 4 * top[j], a, 4 * j, 4);
                System.arraycopy(deltas, 4 * top[j], d, 4 * j, 4);
                s[j] = (float) (1 / (1 + Math.exp(-objectness[top[j]])));
            }
            float[] decoded = Boxes.clipped(BoxCoder.forRpn().decode(a, d), imageHeight, imageWidth);
            int[] big = IntStream.range(0, top.length)
                    .filter(j -> decoded[4 * j + 2] - decoded[4 * j] >= minSize && decoded[4 * j + 3] - decoded[4 * j + 1] >= minSize)
                    .toArray();
            float[] kb = new float[4 * big.length];
            float[] ks = new float[big.length];
            for (int j = 0; j < big.length; j++) {
                System.arraycopy(decoded, 4 * big[j], kb, 4 * j, 4);
                ks[j] = s[big[j]];
            }
            for (int j : Nms.nms(kb, ks, nmsThreshold)) {
                boxes.add(Arrays.copyOfRange(kb, 4 * j, 4 * j + 4));
                scores.add(ks[j]);
            }
            first += count;
        }
        Integer[] order = new Integer[scores.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -scores.get(i)).thenComparingInt(i -> i));
        int keep = Math.min(postNmsTopN, order.length);
        float[] outBoxes = new float[4 * keep];
        float[] outScores = new float[keep];
        for (int j = 0; j < keep; j++) {
            System.arraycopy(boxes.get(order[j]), 0, outBoxes, 4 * j, 4);
            outScores[j] = scores.get(order[j]);
        }
        return new Result(outBoxes, outScores);
    }

    /** Indices (into the whole array) of the {@code k} largest values among {@code values[first .. first + count)}. */
    private static int[] topIndices(float[] values, int first, int count, int k) {
        Integer[] idx = new Integer[count];
        Arrays.setAll(idx, i -> first + i);
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparingInt(i -> i));
        return Arrays.stream(idx, 0, Math.min(k, count)).mapToInt(Integer::intValue).toArray();
    }
}
