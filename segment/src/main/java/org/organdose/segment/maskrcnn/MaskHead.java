package org.organdose.segment.maskrcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The mask head of Mask R-CNN: a stack of 3x3 convolutions with ReLU over the pooled RoI
 * features, optionally a 2x upsampling, then a 1x1 convolution giving one mask logit map per
 * class (the loss and the prediction use the map of the box's class only).
 *
 * <p>Mask R-CNN upsamples 14x14 features to 28x28 masks with a 2x2 stride-2 transposed
 * convolution, which DJL's PyTorch engine lacks; here the upsampling is a nearest-neighbour
 * doubling followed by a 3x3 convolution and ReLU. With RoIAlign giving 28x28 directly (the
 * paper), no upsampling is needed.
 *
 * <p>Forward: {@code NDList(pooled [K, C, S, S])} to {@code NDList(maskLogits [K, classes, S', S'])},
 * {@code S' = 2S} with upsampling, else {@code S}.
 */
public final class MaskHead extends AbstractBlock {
    private final int classes;
    private final boolean upsample;
    private final List<Block> convs = new ArrayList<>();
    private final Block upConv;
    private final Block logits;

    /**
     * @param channels width of every convolution (256 in Mask R-CNN)
     * @param depth number of 3x3 convolutions before the output (4 in Mask R-CNN)
     * @param upsample whether to double the resolution before the output
     * @param classes classes including background (its map is never used but keeps indices aligned)
     */
    public MaskHead(int channels, int depth, boolean upsample, int classes) {
        if (channels < 1 || depth < 0 || classes < 2) {
            throw new IllegalArgumentException("invalid mask head: " + channels + " channels, depth " + depth);
        }
        this.classes = classes;
        this.upsample = upsample;
        for (int i = 0; i < depth; i++) {
            convs.add(addChildBlock("conv" + (i + 1), conv(channels, 3)));
        }
        upConv = upsample ? addChildBlock("upsample", conv(channels, 3)) : null;
        logits = addChildBlock("logits", conv(classes, 1));
    }

    private static Block conv(int filters, int kernel) {
        int pad = kernel / 2;
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optPadding(new Shape(pad, pad))
                .setFilters(filters).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        for (Block conv : convs) {
            x = Activation.relu(conv.forward(ps, new NDList(x), training, params).singletonOrThrow());
        }
        if (upsample) {
            x = x.repeat(2, 2).repeat(3, 2);
            x = Activation.relu(upConv.forward(ps, new NDList(x), training, params).singletonOrThrow());
        }
        return logits.forward(ps, new NDList(x), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long f = upsample ? 2 : 1;
        return new Shape[] {new Shape(in.get(0), classes, f * in.get(2), f * in.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        for (Block conv : convs) {
            conv.initialize(manager, dataType, x);
            x = conv.getOutputShapes(new Shape[] {x})[0];
        }
        if (upsample) {
            x = new Shape(x.get(0), x.get(1), 2 * x.get(2), 2 * x.get(3));
            upConv.initialize(manager, dataType, x);
            x = upConv.getOutputShapes(new Shape[] {x})[0];
        }
        logits.initialize(manager, dataType, x);
    }
}
