package org.organdose.segment.maskrcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What the RPN is trained towards for a batch: per image, anchors are matched to the ground-truth
 * boxes ({@link AnchorMatcher#forRpn()}), a balanced subset is drawn ({@link BalancedSampler}), and
 * positive anchors get the deltas to their box ({@link BoxCoder#forRpn()}).
 *
 * <p>Indices are into the batch's flattened anchors, {@code image * anchorsPerImage + anchor}.
 *
 * @param sampled anchors that enter the objectness loss
 * @param labels 1 for a positive sampled anchor, 0 for a negative one
 * @param positives the positive sampled anchors, which enter the box loss
 * @param deltas 4 target deltas per positive anchor
 */
public record RpnTargets(long[] sampled, float[] labels, long[] positives, float[] deltas) {

    /**
     * @param anchors the anchors of one image (the same for every image of the batch)
     * @param groundTruth per image, its flat ground-truth boxes (possibly none)
     */
    public static RpnTargets of(float[] anchors, List<float[]> groundTruth, BalancedSampler sampler, Random random) {
        int perImage = Boxes.count(anchors);
        AnchorMatcher matcher = AnchorMatcher.forRpn();
        List<Long> sampled = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        List<Long> positives = new ArrayList<>();
        List<float[]> references = new ArrayList<>();
        List<float[]> truths = new ArrayList<>();
        for (int n = 0; n < groundTruth.size(); n++) {
            float[] gt = groundTruth.get(n);
            int[] matches = matcher.match(anchors, gt);
            BalancedSampler.Sample sample = sampler.sample(matches, random);
            long offset = (long) n * perImage;
            for (int a : sample.positives()) {
                sampled.add(offset + a);
                labels.add(1f);
                positives.add(offset + a);
                references.add(Arrays.copyOfRange(anchors, 4 * a, 4 * a + 4));
                truths.add(Arrays.copyOfRange(gt, 4 * matches[a], 4 * matches[a] + 4));
            }
            for (int a : sample.negatives()) {
                sampled.add(offset + a);
                labels.add(0f);
            }
        }
        float[] l = new float[labels.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = labels.get(i);
        }
        float[] deltas = BoxCoder.forRpn().encode(flatten(references), flatten(truths));
        return new RpnTargets(sampled.stream().mapToLong(Long::longValue).toArray(), l,
                positives.stream().mapToLong(Long::longValue).toArray(), deltas);
    }

    /**
     * The two RPN losses, as torchvision: mean binary cross-entropy of the sampled anchors'
     * objectness, and smooth L1 ({@code beta = 1/9}) of the positive anchors' deltas summed and
     * divided by the number of sampled anchors.
     *
     * @param objectness {@code [N, A]} logits ({@link RpnHead#flattenObjectness}, levels concatenated)
     * @param deltas {@code [N, A, 4]} ({@link RpnHead#flattenDeltas}, levels concatenated)
     * @return {objectness loss, box loss}, scalars
     */
    public NDArray[] losses(NDArray objectness, NDArray deltas) {
        NDManager m = objectness.getManager();
        if (sampled.length == 0) {
            NDArray zero = objectness.sum().mul(Losses.constant(objectness, 0));
            return new NDArray[] {zero, zero};
        }
        NDArray logits = objectness.reshape(-1).get(m.create(sampled));
        NDArray cls = Losses.binaryCrossEntropyWithLogits(logits, m.create(labels));
        NDArray box;
        if (positives.length == 0) {
            box = deltas.sum().mul(Losses.constant(deltas, 0));
        } else {
            NDArray predicted = deltas.reshape(-1, 4).get(m.create(positives));
            box = Losses.smoothL1Sum(predicted, m.create(this.deltas, new Shape(positives.length, 4)), Losses.SMOOTH_L1_BETA)
                    .div(Losses.constant(predicted, sampled.length));
        }
        return new NDArray[] {cls, box};
    }

    private static float[] flatten(List<float[]> boxes) {
        float[] out = new float[4 * boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            System.arraycopy(boxes.get(i), 0, out, 4 * i, 4);
        }
        return out;
    }
}
