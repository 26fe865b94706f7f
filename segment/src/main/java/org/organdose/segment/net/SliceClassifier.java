package org.organdose.segment.net;

/**
 * A trained 2.5D network seen from inference: it gives every pixel of a batch of slice stacks a
 * class ({@link NetworkClasses}). The U-Net ({@link SegmentationNetwork}) scores pixels directly;
 * Mask R-CNN detects organs and pastes their masks. Either way the slice-by-slice inference, the
 * consensus of planes and the post-processing are the same
 * ({@link org.organdose.segment.infer.SliceSegmenter}). It holds native memory until closed.
 */
public interface SliceClassifier extends AutoCloseable {
    /** The model description: working spacing, HU window, stack size, planes trained on. */
    ModelSpec spec();

    /** Slice heights and widths given to {@link #predictClasses} must be multiples of this. */
    int sizeMultiple();

    /**
     * @param stacks {@code n * k * h * w} values (stack, slice, row, column), windowed to [0, 1]
     * @return {@code n * h * w} class indices
     */
    byte[] predictClasses(float[] stacks, int n, int h, int w);

    /** Frees the network's native memory. */
    @Override
    void close();
}
