package org.organdose.segment.net;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import org.organdose.segment.SegmentationException;

/**
 * A network of a {@link ModelSpec} with its weights, on the CPU, ready to predict or to train.
 * Close it to free the native memory.
 */
public final class SegmentationNetwork implements SliceClassifier {
    private final ModelSpec spec;
    private final PixelNetwork net;
    private final Model model;

    private SegmentationNetwork(ModelSpec spec, PixelNetwork net, Model model) {
        this.spec = spec;
        this.net = net;
        this.model = model;
    }

    /**
     * DJL must never try to download native libraries: they come from the pytorch-native-cpu jar
     * on the class path. Called before the engine first loads.
     */
    public static void useOfflineEngine() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    /** A new network with freshly initialised weights; {@code seed} makes the initialisation repeatable. */
    public static SegmentationNetwork create(ModelSpec spec, long seed) {
        useOfflineEngine();
        Engine.getInstance().setRandomSeed((int) seed);
        PixelNetwork net = spec.newNetwork();
        Model model = Model.newInstance(spec.name());
        model.setBlock(net);
        int m = net.sizeMultiple();
        net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, spec.slicesPerStack(), m, m));
        return new SegmentationNetwork(spec, net, model);
    }

    /** Loads the model in {@code dir} (its model.json and weights). */
    public static SegmentationNetwork load(Path dir) throws SegmentationException {
        ModelSpec spec = ModelSpec.read(dir);
        if (!spec.isPixelNetwork()) {
            throw new SegmentationException(dir.resolve(ModelSpec.FILE_NAME) + ": a " + spec.architecture()
                    + " model, not a U-Net or semantic FPN");
        }
        SegmentationNetwork network = create(spec, 0);
        return WeightsFile.loadInto(network, network.net, network.model.getNDManager(), dir.resolve(spec.weightsFile()));
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public int sizeMultiple() {
        return net.sizeMultiple();
    }

    public PixelNetwork net() {
        return net;
    }

    public Model model() {
        return model;
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
     * Predicts the class of every pixel of a batch of stacks.
     *
     * @param stacks {@code n * k * h * w} values (stack, slice, row, column), h and w multiples of
     *     {@link PixelNetwork#sizeMultiple()}
     * @return {@code n * h * w} class indices
     */
    @Override
    public byte[] predictClasses(float[] stacks, int n, int h, int w) {
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDArray classes = logits(batch, stacks, n, h, w).argMax(1).toType(DataType.INT8, false);
            return classes.toByteArray();
        }
    }

    /**
     * The probability of every class at every pixel of a batch of stacks (softmax of the logits),
     * for combining networks ({@link EnsembleNetwork}).
     *
     * @return {@code n * classes * h * w} values (stack, class, row, column)
     */
    public float[] predictProbabilities(float[] stacks, int n, int h, int w) {
        try (NDManager batch = model.getNDManager().newSubManager()) {
            return logits(batch, stacks, n, h, w).softmax(1).toFloatArray();
        }
    }

    private NDArray logits(NDManager batch, float[] stacks, int n, int h, int w) {
        NDArray x = batch.create(stacks, new Shape(n, spec.slicesPerStack(), h, w));
        NDList out = net.forward(new ParameterStore(batch, false), new NDList(x), false);
        return out.singletonOrThrow();
    }

    @Override
    public void close() {
        model.close();
    }
}
