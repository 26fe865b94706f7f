package org.organdose.segment.infer;

import java.nio.file.Path;
import org.organdose.image.Volume;
import org.organdose.segment.Mode;
import org.organdose.segment.Segmentation;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.Segmenter;
import org.organdose.segment.maskrcnn.MaskRcnnNetwork;
import org.organdose.segment.maskrcnn.MaskRcnnSegmenter;
import org.organdose.segment.net.EnsembleNetwork;
import org.organdose.segment.net.EnsembleSpec;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.net.SegmentationNetwork;
import org.organdose.segment.net.SliceClassifier;

/** Segments with a model folder: U-Net, semantic FPN, Mask R-CNN or an ensemble, as its model.json says. */
public final class SegmentationRunner {
    /** Name of the model shipped in {@code models/}. */
    public static final String DEFAULT_MODEL = "unet25d-abdomen";

    private SegmentationRunner() {
    }

    /** A model folder's network (one network or an ensemble), loaded once, segmenting in any mode until closed. */
    public static final class LoadedModel implements AutoCloseable {
        private final SliceClassifier network;

        private LoadedModel(SliceClassifier network) {
            this.network = network;
        }

        public Segmenter segmenter(Mode mode) throws SegmentationException {
            return network instanceof MaskRcnnNetwork maskRcnn ? new MaskRcnnSegmenter(maskRcnn, mode)
                    : new SliceSegmenter(network, mode);
        }

        @Override
        public void close() {
            network.close();
        }
    }

    /** Loads the network of the model in {@code modelDir}: U-Net, semantic FPN, Mask R-CNN or an ensemble. */
    public static LoadedModel load(Path modelDir) throws SegmentationException {
        if (EnsembleSpec.isEnsemble(modelDir)) {
            return new LoadedModel(EnsembleNetwork.load(modelDir));
        }
        if (ModelSpec.MASKRCNN.equals(ModelSpec.read(modelDir).architecture())) {
            return new LoadedModel(MaskRcnnNetwork.load(modelDir));
        }
        return new LoadedModel(SegmentationNetwork.load(modelDir));
    }

    /** One call: loads the model, segments, frees the model. */
    public static Segmentation segment(Volume ct, Mode mode, Path modelDir) throws SegmentationException {
        try (LoadedModel model = load(modelDir)) {
            return model.segmenter(mode).segment(ct);
        }
    }
}
