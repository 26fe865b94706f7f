package org.organdose.segment.infer;

import java.nio.file.Path;
import org.organdose.image.Volume;
import org.organdose.segment.Mode;
import org.organdose.segment.Segmentation;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.maskrcnn.MaskRcnnNetwork;
import org.organdose.segment.maskrcnn.MaskRcnnSegmenter;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.net.SegmentationNetwork;

/** One call to segment a CT with a model folder: loads the model, segments, frees the model. */
public final class SegmentationRunner {
    /** Name of the model shipped in {@code models/}. */
    public static final String DEFAULT_MODEL = "unet25d-abdomen";

    private SegmentationRunner() {
    }

    /** Segments with the model in {@code modelDir}, U-Net or Mask R-CNN as its model.json says. */
    public static Segmentation segment(Volume ct, Mode mode, Path modelDir) throws SegmentationException {
        if (ModelSpec.MASKRCNN.equals(ModelSpec.read(modelDir).architecture())) {
            try (MaskRcnnNetwork network = MaskRcnnNetwork.load(modelDir)) {
                return new MaskRcnnSegmenter(network, mode).segment(ct);
            }
        }
        try (SegmentationNetwork network = SegmentationNetwork.load(modelDir)) {
            return new UNetSegmenter(network, mode).segment(ct);
        }
    }
}
