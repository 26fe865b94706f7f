package org.organdose.segment.infer;

import org.organdose.image.Volume;
import org.organdose.segment.Mode;
import org.organdose.segment.Segmentation;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.Segmenter;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.net.SegmentationNetwork;
import org.organdose.segment.net.SliceClassifier;

/**
 * Segments a CT with the 2.5D U-Net, slice by slice along the mode's planes ({@link SliceSegmenter}).
 * The network is borrowed, not owned: whoever created it closes it.
 */
public final class UNetSegmenter implements Segmenter {
    private final SliceSegmenter slices;

    public UNetSegmenter(SegmentationNetwork network, Mode mode) throws SegmentationException {
        this(network, mode, false);
    }

    /** With {@code mirrored}, every slice is also predicted flipped and the probabilities averaged. */
    public UNetSegmenter(SegmentationNetwork network, Mode mode, boolean mirrored) throws SegmentationException {
        this.slices = new SliceSegmenter(mirrored ? mirroredPredictions(network) : network, mode);
    }

    /** The network predicting every slice also flipped ({@link SegmentationNetwork#predictClasses(float[], int, int, int, boolean)}). */
    private static SliceClassifier mirroredPredictions(SegmentationNetwork network) {
        return new SliceClassifier() {
            @Override
            public ModelSpec spec() {
                return network.spec();
            }

            @Override
            public int sizeMultiple() {
                return network.sizeMultiple();
            }

            @Override
            public byte[] predictClasses(float[] stacks, int n, int h, int w) {
                return network.predictClasses(stacks, n, h, w, true);
            }
        };
    }

    @Override
    public Segmentation segment(Volume ct) throws SegmentationException {
        return slices.segment(ct);
    }

    /** Organ labels on the working grid of a CT already resampled onto it (axial or consensus, post-processed). */
    public PostProcessing.Result segmentWorking(Volume workingCt) {
        return slices.segmentWorking(workingCt);
    }
}
