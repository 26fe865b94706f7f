package org.organdose.segment.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A 2.5D U-Net: k adjacent CT slices in as channels, one score per class and pixel out.
 *
 * <p>Encoder: {@code depth} levels of two 3x3 convolutions (batch norm, ReLU) with 2x2 max
 * pooling between them, widths doubling from {@code baseWidth}; decoder: nearest-neighbour
 * upsampling followed by a 1x1 convolution that halves the width (the PyTorch engine of DJL has
 * no transposed convolution), concatenation with the encoder's features at that scale, and two
 * 3x3 convolutions; a final 1x1 convolution gives the class scores. Inputs must have a height and
 * width divisible by {@code 2^depth}.
 */
public final class UNet25d extends AbstractBlock implements PixelNetwork {
    private static final String ENCODER_PREFIX = "enc";

    private final int inChannels;
    private final int classes;
    private final int baseWidth;
    private final int depth;
    private final List<Block> encoders = new ArrayList<>();
    private final List<Block> reducers = new ArrayList<>();
    private final List<Block> decoders = new ArrayList<>();
    private final Block head;

    public UNet25d(int inChannels, int classes, int baseWidth, int depth) {
        if (inChannels < 1 || classes < 2 || baseWidth < 1 || depth < 1) {
            throw new IllegalArgumentException("invalid U-Net: " + inChannels + " inputs, " + classes + " classes, width "
                    + baseWidth + ", depth " + depth);
        }
        this.inChannels = inChannels;
        this.classes = classes;
        this.baseWidth = baseWidth;
        this.depth = depth;
        // level 0..depth; level depth is the bottleneck
        for (int level = 0; level <= depth; level++) {
            encoders.add(addChildBlock(ENCODER_PREFIX + level, doubleConv(width(level))));
        }
        for (int level = depth - 1; level >= 0; level--) {
            reducers.add(addChildBlock("up" + level, conv(width(level), 1)));
            decoders.add(addChildBlock("dec" + level, doubleConv(width(level))));
        }
        head = addChildBlock("head", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(classes).build());
    }

    private int width(int level) {
        return baseWidth << level;
    }

    private static Block conv(int filters, int kernel) {
        int pad = kernel / 2;
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optPadding(new Shape(pad, pad))
                .optBias(false).setFilters(filters).build();
    }

    private static Block doubleConv(int filters) {
        return new SequentialBlock()
                .add(conv(filters, 3)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(conv(filters, 3)).add(BatchNorm.builder().build()).add(Activation.reluBlock());
    }

    /**
     * Selects the encoder's trainable parameters (for transfer learning with a frozen encoder);
     * batch-norm running statistics are never trainable and are left alone.
     */
    @Override
    public Predicate<Parameter> encoderParameters() {
        List<Parameter> enc = new ArrayList<>();
        getChildren().forEach(pair -> {
            if (pair.getKey().contains(ENCODER_PREFIX)) {
                pair.getValue().getParameters().values().stream().filter(PixelNetwork.trainable()).forEach(enc::add);
            }
        });
        return enc::contains;
    }

    @Override
    public int sizeMultiple() {
        return 1 << depth;
    }

    public int inChannels() {
        return inChannels;
    }

    public int classes() {
        return classes;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        List<NDArray> skips = new ArrayList<>();
        for (int level = 0; level <= depth; level++) {
            if (level > 0) {
                x = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
            }
            x = encoders.get(level).forward(ps, new NDList(x), training, params).singletonOrThrow();
            skips.add(x);
        }
        for (int step = 0; step < depth; step++) {
            int level = depth - 1 - step;
            NDArray up = x.repeat(2, 2).repeat(3, 2);
            up = reducers.get(step).forward(ps, new NDList(up), training, params).singletonOrThrow();
            x = up.concat(skips.get(level), 1);
            x = decoders.get(step).forward(ps, new NDList(x), training, params).singletonOrThrow();
        }
        return head.forward(ps, new NDList(x), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return PixelNetwork.logitShapes(inputShapes[0], classes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        long n = in.get(0);
        long h = in.get(2);
        long w = in.get(3);
        long channels = in.get(1);
        for (int level = 0; level <= depth; level++) {
            long s = 1L << level;
            encoders.get(level).initialize(manager, dataType, new Shape(n, channels, h / s, w / s));
            channels = width(level);
        }
        for (int step = 0; step < depth; step++) {
            int level = depth - 1 - step;
            long s = 1L << level;
            reducers.get(step).initialize(manager, dataType, new Shape(n, channels, h / s, w / s));
            decoders.get(step).initialize(manager, dataType, new Shape(n, 2L * width(level), h / s, w / s));
            channels = width(level);
        }
        head.initialize(manager, dataType, new Shape(n, channels, h, w));
    }
}
