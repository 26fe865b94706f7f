package org.organdose.segment.infer;

import java.nio.file.Path;
import org.organdose.image.Volume;
import org.organdose.segment.Mode;
import org.organdose.segment.Segmentation;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.Segmenter;
import org.organdose.segment.maskrcnn.MaskRcnnNetwork;
import org.organdose.segment.maskrcnn.MaskRcnnSegmenter;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.net.SegmentationNetwork;

/** Segments with a model folder, U-Net or Mask R-CNN as its model.json says. */
public final class SegmentationRunner {
    /** Name of the model shipped in {@code models/}. */
    public static final String DEFAULT_MODEL = "unet25d-abdomen";

    private SegmentationRunner() {
    }

    /** A model folder's network, loaded once, segmenting in any mode until closed. */
    public static final class LoadedModel implements AutoCloseable {
        private final SegmentationNetwork unet;
        private final MaskRcnnNetwork maskRcnn;

        private LoadedModel(SegmentationNetwork unet, MaskRcnnNetwork maskRcnn) {
            this.unet = unet;
            this.maskRcnn = maskRcnn;
        }

        public Segmenter segmenter(Mode mode) throws SegmentationException {
            return unet != null ? new UNetSegmenter(unet, mode) : new MaskRcnnSegmenter(maskRcnn, mode);
        }

        @Override
        public void close() {
            if (unet != null) {
                unet.close();
            } else {
                maskRcnn.close();
            }
        }
    }

    /** Loads the network of the model in {@code modelDir}. */
    public static LoadedModel load(Path modelDir) throws SegmentationException {
        if (ModelSpec.MASKRCNN.equals(ModelSpec.read(modelDir).architecture())) {
            return new LoadedModel(null, MaskRcnnNetwork.load(modelDir));
        }
        return new LoadedModel(SegmentationNetwork.load(modelDir), null);
    }

    /** One call: loads the model, segments, frees the model. */
    public static Segmentation segment(Volume ct, Mode mode, Path modelDir) throws SegmentationException {
        try (LoadedModel model = load(modelDir)) {
            return model.segmenter(mode).segment(ct);
        }
    }
}
