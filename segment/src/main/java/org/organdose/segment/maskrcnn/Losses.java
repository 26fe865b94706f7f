package org.organdose.segment.maskrcnn;

import ai.djl.ndarray.NDArray;

/**
 * The two elementary losses of Mask R-CNN, on DJL arrays so that they are differentiated.
 */
public final class Losses {
    /** torchvision's smooth-L1 transition for the box deltas of the RPN and of the box head. */
    public static final float SMOOTH_L1_BETA = 1f / 9;

    private Losses() {
    }

    /**
     * {@code value} as an array on {@code like}'s manager, for arithmetic on the gradient path.
     * DJL's number overloads ({@code x.mul(2)}, {@code x.maximum(0)}, ...) wrap the number in a
     * temporary array over a Java buffer and close it at once, but PyTorch reads that number again
     * in the backward pass (the factor of a product, the threshold of a maximum): the gradient then
     * comes from freed memory, at random. An array that lives as long as its manager is safe.
     */
    public static NDArray constant(NDArray like, float value) {
        return like.getManager().create(value);
    }

    /**
     * Mean binary cross-entropy of logits {@code x} against targets {@code y} in [0, 1], in the
     * stable form {@code max(x, 0) - x y + log(1 + exp(-|x|))} (no overflow for large |x|).
     */
    public static NDArray binaryCrossEntropyWithLogits(NDArray logits, NDArray targets) {
        NDArray softplus = logits.abs().neg().exp().add(1).log();
        return logits.maximum(constant(logits, 0)).sub(logits.mul(targets)).add(softplus).mean();
    }

    /**
     * Sum over all elements of the smooth L1 (Huber) loss: {@code 0.5 d^2 / beta} where
     * {@code |d| < beta}, {@code |d| - 0.5 beta} elsewhere, {@code d = prediction - target}.
     */
    public static NDArray smoothL1Sum(NDArray predictions, NDArray targets, float beta) {
        // with q = min(|d|, beta): 0.5 q^2 / beta + (|d| - q) is both branches in one expression
        NDArray d = predictions.sub(targets).abs();
        NDArray q = d.minimum(constant(d, beta));
        return q.square().mul(constant(q, 0.5f / beta)).add(d.sub(q)).sum();
    }
}
