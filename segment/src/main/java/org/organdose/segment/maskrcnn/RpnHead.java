package org.organdose.segment.maskrcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The region proposal network's head (Ren et al. 2015), shared by every pyramid level: a 3x3
 * convolution with ReLU, then two 1x1 convolutions giving, per cell, one objectness logit per
 * anchor and four box deltas per anchor. As in torchvision, the weights start from N(0, 0.01) and
 * the biases from 0, so that the first proposals are the anchors themselves.
 *
 * <p>Forward: {@code NDList(P2..P5)} to {@code NDList(objectness_2..5, deltas_2..5)}, with
 * objectness {@code [N, A, H, W]} and deltas {@code [N, 4A, H, W]} (channel {@code 4a + j} is
 * delta {@code j} of anchor {@code a}); {@link #flattenObjectness} and {@link #flattenDeltas} put
 * them in {@link Anchors}' order.
 */
public final class RpnHead extends AbstractBlock {
    private final int anchorsPerCell;
    private final Block shared;
    private final Block objectness;
    private final Block deltas;

    /**
     * @param channels width of the pyramid levels (the shared convolution keeps it)
     * @param anchorsPerCell anchors per feature-map cell ({@link Anchors#perCell()})
     */
    public RpnHead(int channels, int anchorsPerCell) {
        if (channels < 1 || anchorsPerCell < 1) {
            throw new IllegalArgumentException("need positive channels and anchors per cell");
        }
        this.anchorsPerCell = anchorsPerCell;
        shared = addChildBlock("conv", conv(channels, 3));
        objectness = addChildBlock("objectness", conv(anchorsPerCell, 1));
        deltas = addChildBlock("deltas", conv(4 * anchorsPerCell, 1));
        setInitializer(new NormalInitializer(0.01f), Parameter.Type.WEIGHT);
    }

    private static Block conv(int filters, int kernel) {
        int pad = kernel / 2;
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optPadding(new Shape(pad, pad))
                .setFilters(filters).build();
    }

    /** Objectness {@code [N, A, H, W]} to {@code [N, H W A]}, in anchor order {@code (y W + x) A + a}. */
    public static NDArray flattenObjectness(NDArray objectness) {
        Shape s = objectness.getShape();
        return objectness.transpose(0, 2, 3, 1).reshape(s.get(0), -1);
    }

    /** Deltas {@code [N, 4A, H, W]} to {@code [N, H W A, 4]}, in anchor order {@code (y W + x) A + a}. */
    public static NDArray flattenDeltas(NDArray deltas) {
        Shape s = deltas.getShape();
        long a = s.get(1) / 4;
        return deltas.reshape(s.get(0), a, 4, s.get(2), s.get(3)).transpose(0, 3, 4, 1, 2).reshape(s.get(0), -1, 4);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList logits = new NDList();
        NDList boxes = new NDList();
        for (NDArray level : inputs) {
            NDArray t = shared.forward(ps, new NDList(level), training, params).singletonOrThrow();
            NDList features = new NDList(Activation.relu(t));
            logits.add(objectness.forward(ps, features, training, params).singletonOrThrow());
            boxes.add(deltas.forward(ps, features, training, params).singletonOrThrow());
        }
        logits.addAll(boxes);
        return logits;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] out = new Shape[2 * inputShapes.length];
        for (int l = 0; l < inputShapes.length; l++) {
            Shape in = inputShapes[l];
            out[l] = new Shape(in.get(0), anchorsPerCell, in.get(2), in.get(3));
            out[inputShapes.length + l] = new Shape(in.get(0), 4L * anchorsPerCell, in.get(2), in.get(3));
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        shared.initialize(manager, dataType, in);
        objectness.initialize(manager, dataType, in);
        deltas.initialize(manager, dataType, in);
    }
}
