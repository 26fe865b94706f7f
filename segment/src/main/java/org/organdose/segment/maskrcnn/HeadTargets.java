package org.organdose.segment.maskrcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Random;

/**
 * What the box and mask heads of one image are trained towards, as in torchvision's
 * {@code RoIHeads}: the ground-truth boxes join the proposals (so that every object has perfect
 * positives from the first step), the proposals are matched to the ground truth
 * ({@link AnchorMatcher#forHeads()}: foreground at IoU 0.5) and a balanced subset is drawn
 * ({@link BalancedSampler#forHeads()}: 512, a quarter foreground).
 *
 * @param rois the drawn proposals, positives first; RoIAlign reads these
 * @param labels class of each RoI, 0 (background) for negatives
 * @param positives number of positive RoIs (the first ones)
 * @param matched for each positive RoI, the index of its ground-truth box
 * @param deltas 4 target deltas ({@link BoxCoder#forHeads()}) per positive RoI
 */
public record HeadTargets(float[] rois, int[] labels, int positives, int[] matched, float[] deltas) {
    /**
     * @param proposals this image's proposals (flat boxes)
     * @param groundTruth this image's ground-truth boxes
     * @param classes class of each ground-truth box (1 or more)
     */
    public static HeadTargets of(float[] proposals, float[] groundTruth, int[] classes, BalancedSampler sampler,
            Random random) {
        if (classes.length != Boxes.count(groundTruth)) {
            throw new IllegalArgumentException(Boxes.count(groundTruth) + " boxes but " + classes.length + " classes");
        }
        float[] candidates = Arrays.copyOf(proposals, proposals.length + groundTruth.length);
        System.arraycopy(groundTruth, 0, candidates, proposals.length, groundTruth.length);
        int[] matches = AnchorMatcher.forHeads().match(candidates, groundTruth);
        BalancedSampler.Sample sample = sampler.sample(matches, random);
        int p = sample.positives().length;
        int n = p + sample.negatives().length;
        float[] rois = new float[4 * n];
        int[] labels = new int[n];
        int[] matched = new int[p];
        float[] truth = new float[4 * p];
        for (int i = 0; i < n; i++) {
            int c = i < p ? sample.positives()[i] : sample.negatives()[i - p];
            System.arraycopy(candidates, 4 * c, rois, 4 * i, 4);
            if (i < p) {
                matched[i] = matches[c];
                labels[i] = classes[matches[c]];
                System.arraycopy(groundTruth, 4 * matches[c], truth, 4 * i, 4);
            }
        }
        float[] deltas = BoxCoder.forHeads().encode(Arrays.copyOf(rois, 4 * p), truth);
        return new HeadTargets(rois, labels, p, matched, deltas);
    }

    /**
     * Mask targets of the positive RoIs: each RoI's ground-truth mask read by RoIAlign over the
     * RoI at {@code size x size} (aligned, adaptive sampling), so values are fractions in [0, 1].
     *
     * @param masks {@code [G, 1, H, W]} binary masks of the ground-truth boxes, at input resolution
     * @return {@code [positives, size, size]}
     */
    public NDArray maskTargets(NDArray masks, int size) {
        NDArray read = new RoiAlign(size, size, 1, 0).apply(masks, Arrays.copyOf(rois, 4 * positives), matched);
        return read.reshape(positives, size, size);
    }

    /**
     * The box head's two losses, as torchvision's {@code fastrcnn_loss}: mean softmax cross-entropy
     * of the classes over all RoIs, and smooth L1 ({@code beta = 1/9}) of the positive RoIs' deltas
     * for their own class, summed and divided by the number of RoIs.
     *
     * @param classLogits {@code [rois, classes]}
     * @param deltas {@code [rois, 4 classes]}
     * @return {class loss, box loss}, scalars
     */
    public NDArray[] boxLosses(NDArray classLogits, NDArray deltas) {
        NDManager m = classLogits.getManager();
        int classes = Math.toIntExact(classLogits.getShape().get(1));
        NDArray oneHot = m.create(labels).oneHot(classes).toType(DataType.FLOAT32, false);
        NDArray cls = classLogits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
        if (positives == 0) {
            return new NDArray[] {cls, deltas.sum().mul(Losses.constant(deltas, 0))};
        }
        long[] own = new long[4 * positives];
        for (int i = 0; i < positives; i++) {
            for (int j = 0; j < 4; j++) {
                own[4 * i + j] = (long) i * 4 * classes + 4L * labels[i] + j;
            }
        }
        NDArray predicted = deltas.reshape(-1).get(m.create(own));
        NDArray box = Losses.smoothL1Sum(predicted, m.create(this.deltas), Losses.SMOOTH_L1_BETA).div(Losses.constant(predicted, labels.length));
        return new NDArray[] {cls, box};
    }

    /**
     * The mask loss: mean binary cross-entropy between each positive RoI's logits for its own class
     * and its mask target.
     *
     * @param maskLogits {@code [positives, classes, M, M]} (the mask head run on the positive RoIs)
     * @param targets {@code [positives, M, M]}, from {@link #maskTargets}
     */
    public NDArray maskLoss(NDArray maskLogits, NDArray targets) {
        if (positives == 0) {
            return maskLogits.sum().mul(Losses.constant(maskLogits, 0));
        }
        Shape s = maskLogits.getShape();
        long[] own = new long[positives];
        for (int i = 0; i < positives; i++) {
            own[i] = (long) i * s.get(1) + labels[i];
        }
        NDArray logits = maskLogits.reshape(s.get(0) * s.get(1), s.get(2) * s.get(3))
                .get(maskLogits.getManager().create(own));
        return Losses.binaryCrossEntropyWithLogits(logits, targets.reshape(positives, -1));
    }
}
