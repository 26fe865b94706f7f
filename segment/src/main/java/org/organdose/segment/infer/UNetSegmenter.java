package org.organdose.segment.infer;

import org.organdose.image.Volume;
import org.organdose.segment.Mode;
import org.organdose.segment.Segmentation;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.Segmenter;
import org.organdose.segment.net.SegmentationNetwork;

/**
 * Segments a CT with the 2.5D U-Net, slice by slice along the mode's planes ({@link SliceSegmenter}).
 * The network is borrowed, not owned: whoever created it closes it.
 */
public final class UNetSegmenter implements Segmenter {
    private final SliceSegmenter slices;

    public UNetSegmenter(SegmentationNetwork network, Mode mode) throws SegmentationException {
        this.slices = new SliceSegmenter(network, mode);
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
