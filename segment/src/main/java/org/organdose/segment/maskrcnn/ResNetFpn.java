package org.organdose.segment.maskrcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
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
 * The Mask R-CNN backbone: a ResNet (He et al. 2016) whose stages C2-C5 feed a feature pyramid
 * (Lin et al. 2017) with outputs P2-P5 at strides 4, 8, 16, 32, all {@code fpnChannels} wide. As in
 * the paper, there is no P1 and no P6. The input is a 2.5D stack: k adjacent CT slices as channels.
 *
 * <p>Two variants: {@link #resnet50} is the paper's (bottleneck units, 3-4-6-3 of them, widths 64
 * to 512 times 4, a 256-channel pyramid); {@link #light} uses the basic two-convolution units of
 * ResNet-18 (2-2-2-2) and narrower widths, to be trainable on a CPU. The pyramid's top-down path
 * doubles the coarser map by nearest-neighbour repetition (as FPN does; no transposed convolution
 * is needed), adds the 1x1 lateral projection of the finer stage, and smooths each sum with a 3x3
 * convolution. Convolutions followed by batch norm have no bias. Input height and width must be
 * multiples of {@link #SIZE_MULTIPLE}.
 *
 * <p>Forward: {@code NDList(x [N, k, H, W])} to {@code NDList(P2, P3, P4, P5)}, {@code P_l} being
 * {@code [N, fpnChannels, H / 2^l, W / 2^l]}.
 */
public final class ResNetFpn extends AbstractBlock {
    /** Strides of P2, P3, P4, P5 in input pixels. */
    public static final int[] STRIDES = {4, 8, 16, 32};
    /** Input sizes must be multiples of the coarsest stride. */
    public static final int SIZE_MULTIPLE = 32;
    private static final String BODY_PREFIX = "body";

    private final int fpnChannels;
    private final Block stem;
    private final List<Block> stages = new ArrayList<>();
    private final List<Block> laterals = new ArrayList<>();
    private final List<Block> smoothers = new ArrayList<>();
    private final int[] stageWidths = new int[4];

    /**
     * @param bottleneck bottleneck units (ResNet-50 style, 4x expansion) rather than basic units
     * @param unitsPerStage units in C2, C3, C4, C5
     * @param baseWidth width of the stem and of the first stage's units
     * @param fpnChannels width of every pyramid level
     */
    public ResNetFpn(boolean bottleneck, int[] unitsPerStage, int baseWidth, int fpnChannels) {
        if (unitsPerStage.length != 4 || baseWidth < 1 || fpnChannels < 1) {
            throw new IllegalArgumentException("a ResNet-FPN needs 4 stages and positive widths");
        }
        this.fpnChannels = fpnChannels;
        stem = addChildBlock(BODY_PREFIX + "Stem", new SequentialBlock()
                .add(conv(baseWidth, 7, 2, false)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1))));
        int channels = baseWidth;
        for (int s = 0; s < 4; s++) {
            int width = baseWidth << s;
            int out = bottleneck ? 4 * width : width;
            SequentialBlock stage = new SequentialBlock();
            for (int u = 0; u < unitsPerStage[s]; u++) {
                int stride = u == 0 && s > 0 ? 2 : 1;
                stage.add(unit(bottleneck, width, out, stride, stride != 1 || channels != out));
                channels = out;
            }
            stageWidths[s] = out;
            stages.add(addChildBlock(BODY_PREFIX + "C" + (s + 2), stage));
            laterals.add(addChildBlock("lateral" + (s + 2), conv(fpnChannels, 1, 1, true)));
            smoothers.add(addChildBlock("output" + (s + 2), conv(fpnChannels, 3, 1, true)));
        }
    }

    /** ResNet-50 (bottleneck units 3-4-6-3) or the light ResNet-18-style backbone (basic units 2-2-2-2). */
    public static ResNetFpn of(int resnetDepth, int baseWidth, int fpnChannels) {
        return resnetDepth == 50 ? new ResNetFpn(true, new int[] {3, 4, 6, 3}, baseWidth, fpnChannels) : light(baseWidth, fpnChannels);
    }

    /** The paper's backbone: ResNet-50 with a 256-channel pyramid. */
    public static ResNetFpn resnet50() {
        return of(50, 64, 256);
    }

    /**
     * A CPU-sized backbone: ResNet-18's basic units (2-2-2-2) at widths {@code baseWidth} to
     * {@code 8 baseWidth} (64 for ResNet-18 itself) and an {@code fpnChannels}-wide pyramid.
     */
    public static ResNetFpn light(int baseWidth, int fpnChannels) {
        return new ResNetFpn(false, new int[] {2, 2, 2, 2}, baseWidth, fpnChannels);
    }

    public int fpnChannels() {
        return fpnChannels;
    }

    /**
     * Selects the trainable parameters of the ResNet body (stem and C2-C5), to freeze it while the
     * pyramid and the heads train first, as the paper's schedule does.
     */
    public Predicate<Parameter> bodyParameters() {
        List<Parameter> body = new ArrayList<>();
        getChildren().forEach(pair -> {
            if (pair.getKey().contains(BODY_PREFIX)) {
                pair.getValue().getParameters().values().stream()
                        .filter(p -> p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR)
                        .forEach(body::add);
            }
        });
        return body::contains;
    }

    private static Block conv(int filters, int kernel, int stride, boolean bias) {
        int pad = kernel / 2;
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad)).optBias(bias).setFilters(filters).build();
    }

    private static Block convBn(int filters, int kernel, int stride) {
        return new SequentialBlock().add(conv(filters, kernel, stride, false)).add(BatchNorm.builder().build());
    }

    /** One residual unit: {@code relu(main(x) + shortcut(x))}; the stride sits on the 3x3 convolution. */
    private static Block unit(boolean bottleneck, int width, int out, int stride, boolean projection) {
        SequentialBlock main = new SequentialBlock();
        if (bottleneck) {
            main.add(convBn(width, 1, 1)).add(Activation.reluBlock())
                    .add(convBn(width, 3, stride)).add(Activation.reluBlock())
                    .add(convBn(out, 1, 1));
        } else {
            main.add(convBn(width, 3, stride)).add(Activation.reluBlock()).add(convBn(out, 3, 1));
        }
        Block shortcut = projection ? convBn(out, 1, stride) : new LambdaBlock(x -> x, "identity");
        ParallelBlock sum = new ParallelBlock(
                branches -> new NDList(branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow())),
                List.of(main, shortcut));
        return new SequentialBlock().add(sum).add(Activation.reluBlock());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = stem.forward(ps, inputs, training, params).singletonOrThrow();
        NDArray[] c = new NDArray[4];
        for (int s = 0; s < 4; s++) {
            x = stages.get(s).forward(ps, new NDList(x), training, params).singletonOrThrow();
            c[s] = x;
        }
        NDArray[] p = new NDArray[4];
        NDArray topDown = null;
        for (int s = 3; s >= 0; s--) {
            NDArray lateral = laterals.get(s).forward(ps, new NDList(c[s]), training, params).singletonOrThrow();
            topDown = topDown == null ? lateral : lateral.add(topDown.repeat(2, 2).repeat(3, 2));
            p[s] = smoothers.get(s).forward(ps, new NDList(topDown), training, params).singletonOrThrow();
        }
        return new NDList(p);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        Shape[] out = new Shape[4];
        for (int s = 0; s < 4; s++) {
            out[s] = new Shape(in.get(0), fpnChannels, in.get(2) / STRIDES[s], in.get(3) / STRIDES[s]);
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        if (in.get(2) % SIZE_MULTIPLE != 0 || in.get(3) % SIZE_MULTIPLE != 0) {
            throw new IllegalArgumentException("ResNet-FPN inputs must be multiples of " + SIZE_MULTIPLE + " pixels, got " + in);
        }
        stem.initialize(manager, dataType, in);
        Shape x = stem.getOutputShapes(new Shape[] {in})[0];
        for (int s = 0; s < 4; s++) {
            stages.get(s).initialize(manager, dataType, x);
            x = stages.get(s).getOutputShapes(new Shape[] {x})[0];
            laterals.get(s).initialize(manager, dataType, x);
            smoothers.get(s).initialize(manager, dataType, new Shape(x.get(0), fpnChannels, x.get(2), x.get(3)));
        }
    }
}
