package org.organdose.segment.maskrcnn;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.net.SegmentationNetwork;
import org.organdose.segment.net.SliceClassifier;
import org.organdose.segment.net.WeightsFile;

/**
 * A Mask R-CNN of a {@link ModelSpec} (architecture {@value ModelSpec#MASKRCNN}) with its weights,
 * on the CPU, ready to detect or to train. In the spec, {@code depth} is the ResNet depth (18 or
 * 50) and {@code baseWidth} the backbone's base width. Close it to free the native memory.
 */
public final class MaskRcnnNetwork implements SliceClassifier {
    /** Where model.json's training settings hold the detection score threshold. */
    public static final String SCORE_THRESHOLD_KEY = "detectionScoreThreshold";
    private final ModelSpec spec;
    private final MaskRcnn net;
    private final Model model;

    private MaskRcnnNetwork(ModelSpec spec, MaskRcnn net, Model model) {
        this.spec = spec;
        this.net = net;
        this.model = model;
    }

    /** A new network with freshly initialised (random) weights; {@code seed} makes them repeatable. */
    public static MaskRcnnNetwork create(ModelSpec spec, long seed) {
        if (!ModelSpec.MASKRCNN.equals(spec.architecture())) {
            throw new IllegalArgumentException("model " + spec.name() + " is a " + spec.architecture() + ", not a Mask R-CNN");
        }
        SegmentationNetwork.useOfflineEngine();
        Engine.getInstance().setRandomSeed((int) seed);
        MaskRcnn net = new MaskRcnn(spec.depth(), spec.baseWidth(), spec.slicesPerStack(), spec.classes().size());
        Model model = Model.newInstance(spec.name());
        model.setBlock(net);
        int m = ResNetFpn.SIZE_MULTIPLE;
        net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, spec.slicesPerStack(), m, m));
        return new MaskRcnnNetwork(spec, net, model);
    }

    /** Loads the Mask R-CNN in {@code dir} (its model.json and weights). */
    public static MaskRcnnNetwork load(Path dir) throws SegmentationException {
        ModelSpec spec = ModelSpec.read(dir);
        if (!ModelSpec.MASKRCNN.equals(spec.architecture())) {
            throw new SegmentationException(dir.resolve(ModelSpec.FILE_NAME) + ": a " + spec.architecture()
                    + " model, not a Mask R-CNN");
        }
        MaskRcnnNetwork network = create(spec, 0);
        return WeightsFile.loadInto(network, network.net, network.model.getNDManager(), dir.resolve(spec.weightsFile()));
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    public MaskRcnn net() {
        return net;
    }

    public Model model() {
        return model;
    }

    @Override
    public int sizeMultiple() {
        return ResNetFpn.SIZE_MULTIPLE;
    }

    /** Replaces the weights by those in {@code file} (written by {@link #saveWeights}). */
    public void loadWeights(Path file) throws SegmentationException {
        WeightsFile.read(net, model.getNDManager(), file);
    }

    /** Writes the weights atomically. */
    public void saveWeights(Path file) throws IOException {
        WeightsFile.write(net, file);
    }

    /**
     * The class probability a detection needs: the model's {@code training.detectionScoreThreshold}
     * in model.json, where the trainer records the paper's {@link MaskRcnn#SCORE_THRESHOLD}; a
     * physicist may lower it there for a model whose classifier is less sure of itself.
     */
    public double scoreThreshold() {
        Object t = spec.training() == null ? null : spec.training().get(SCORE_THRESHOLD_KEY);
        return t instanceof Number n ? n.doubleValue() : MaskRcnn.SCORE_THRESHOLD;
    }

    /**
     * The detections in each stack's main slice.
     *
     * @param stacks {@code n * k * h * w} values, h and w multiples of {@link #sizeMultiple()}
     */
    public List<Detections> detect(float[] stacks, int n, int h, int w) {
        try (NDManager batch = model.getNDManager().newSubManager()) {
            return net.detect(new ParameterStore(batch, false),
                    batch.create(stacks, new Shape(n, spec.slicesPerStack(), h, w)), scoreThreshold());
        }
    }

    /** Each slice's detections pasted into it ({@link Detections#paste}). */
    @Override
    public byte[] predictClasses(float[] stacks, int n, int h, int w) {
        List<Detections> found = detect(stacks, n, h, w);
        byte[] out = new byte[n * h * w];
        for (int i = 0; i < n; i++) {
            System.arraycopy(found.get(i).paste(h, w), 0, out, i * h * w, h * w);
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
