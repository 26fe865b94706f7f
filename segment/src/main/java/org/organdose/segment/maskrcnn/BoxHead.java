package org.organdose.segment.maskrcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The box head of Faster/Mask R-CNN (torchvision's {@code TwoMLPHead} and
 * {@code FastRCNNPredictor}): the pooled RoI features are flattened and pass two fully connected
 * layers with ReLU, then one layer scores the classes (background included) and one gives four
 * box deltas per class ({@link BoxCoder#forHeads()}).
 *
 * <p>Forward: {@code NDList(pooled [K, C, S, S])} to {@code NDList(classLogits [K, classes],
 * deltas [K, 4 classes])}, deltas of class {@code c} at columns {@code 4c .. 4c + 3}.
 */
public final class BoxHead extends AbstractBlock {
    private final int classes;
    private final Block fc6;
    private final Block fc7;
    private final Block scores;
    private final Block deltas;

    /**
     * @param representation width of the two hidden layers (1024 in the paper's setting)
     * @param classes classes including background
     */
    public BoxHead(int representation, int classes) {
        if (representation < 1 || classes < 2) {
            throw new IllegalArgumentException("need a positive width and at least background plus one class");
        }
        this.classes = classes;
        fc6 = addChildBlock("fc6", Linear.builder().setUnits(representation).build());
        fc7 = addChildBlock("fc7", Linear.builder().setUnits(representation).build());
        scores = addChildBlock("scores", Linear.builder().setUnits(classes).build());
        deltas = addChildBlock("deltas", Linear.builder().setUnits(4L * classes).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        x = x.reshape(x.getShape().get(0), -1);
        x = Activation.relu(fc6.forward(ps, new NDList(x), training, params).singletonOrThrow());
        NDList hidden = new NDList(Activation.relu(fc7.forward(ps, new NDList(x), training, params).singletonOrThrow()));
        return new NDList(scores.forward(ps, hidden, training, params).singletonOrThrow(),
                deltas.forward(ps, hidden, training, params).singletonOrThrow());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long k = inputShapes[0].get(0);
        return new Shape[] {new Shape(k, classes), new Shape(k, 4L * classes)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        long k = in.get(0);
        fc6.initialize(manager, dataType, new Shape(k, in.size() / k));
        Shape hidden = fc6.getOutputShapes(new Shape[] {new Shape(k, in.size() / k)})[0];
        fc7.initialize(manager, dataType, hidden);
        scores.initialize(manager, dataType, hidden);
        deltas.initialize(manager, dataType, hidden);
    }
}
