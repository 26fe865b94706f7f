package org.organdose.segment.infer;

import java.nio.file.Path;
import org.organdose.image.Volume;
import org.organdose.segment.Mode;
import org.organdose.segment.Segmentation;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.net.SegmentationNetwork;

/** One call to segment a CT with a model folder: loads the model, segments, frees the model. */
public final class SegmentationRunner {
    /** Name of the model shipped in {@code models/}. */
    public static final String DEFAULT_MODEL = "unet25d-abdomen";

    private SegmentationRunner() {
    }

    public static Segmentation segment(Volume ct, Mode mode, Path modelDir) throws SegmentationException {
        try (SegmentationNetwork network = SegmentationNetwork.load(modelDir)) {
            return new UNetSegmenter(network, mode).segment(ct);
        }
    }
}
