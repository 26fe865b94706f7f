package org.organdose.segment.maskrcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.function.Predicate;
import org.organdose.segment.net.PixelNetwork;

/**
 * The Mask R-CNN's backbone ({@link ResNetFpn}, same sizes) with a per-pixel head instead of the
 * detector: P2-P5 summed at P2's scale (coarser levels repeated up), a 3x3 convolution with batch
 * norm and ReLU, a 1x1 convolution to the class scores, and two bilinear upsamplings by 2 to the
 * input size, each as PyTorch's {@code interpolate(scale_factor=2, align_corners=False)} (two steps
 * are smoother than one by 4): the semantic branch of Kirillov et al.'s Panoptic FPN, reduced to
 * one convolution.
 *
 * <p>Why it exists: no ImageNet weights can be downloaded here, and a detector whose backbone
 * starts from random weights learns slowly from three CTs. Trained first as a segmenter by the
 * U-Net's trainer, its backbone (child block {@value #BACKBONE}) initialises the Mask R-CNN's
 * ({@code organdose train --architecture maskrcnn --init FPN_MODEL}); it is also a model of its own.
 */
public final class SemanticFpn extends AbstractBlock implements PixelNetwork {
    /** Name of the backbone child block, the part a Mask R-CNN takes over. */
    public static final String BACKBONE = "backbone";
    private static final int P2_STRIDE = ResNetFpn.STRIDES[0];

    private final int classes;
    private final ResNetFpn backbone;
    private final Block merge;
    private final Block head;

    /**
     * @param resnetDepth 18 (light) or 50 (the paper's ResNet-50), as {@link MaskRcnn}
     * @param baseWidth width of the backbone's stem; the pyramid has {@code 4 baseWidth} channels, as {@link MaskRcnn}
     * @param classes classes including background
     */
    public SemanticFpn(int resnetDepth, int baseWidth, int classes) {
        if ((resnetDepth != 18 && resnetDepth != 50) || baseWidth < 1 || classes < 2) {
            throw new IllegalArgumentException("invalid semantic FPN: ResNet-" + resnetDepth + ", width " + baseWidth
                    + ", " + classes + " classes (ResNet depth must be 18 or 50)");
        }
        this.classes = classes;
        int fpn = 4 * baseWidth;
        backbone = addChildBlock(BACKBONE, ResNetFpn.of(resnetDepth, baseWidth, fpn));
        merge = addChildBlock("merge", new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).optBias(false)
                        .setFilters(fpn).build())
                .add(BatchNorm.builder().build()).add(Activation.reluBlock()));
        head = addChildBlock("head", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(classes).build());
    }

    public ResNetFpn backbone() {
        return backbone;
    }

    @Override
    public int sizeMultiple() {
        return ResNetFpn.SIZE_MULTIPLE;
    }

    /** The ResNet body's trainable parameters (stem and C2-C5). */
    @Override
    public Predicate<Parameter> encoderParameters() {
        return backbone.bodyParameters();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList levels = backbone.forward(ps, inputs, training, params);
        NDArray sum = levels.get(0);
        for (int l = 1; l < levels.size(); l++) {
            int factor = ResNetFpn.STRIDES[l] / P2_STRIDE;
            sum = sum.add(levels.get(l).repeat(2, factor).repeat(3, factor));
        }
        NDArray x = merge.forward(ps, new NDList(sum), training, params).singletonOrThrow();
        NDArray logits = head.forward(ps, new NDList(x), training, params).singletonOrThrow();
        for (int f = P2_STRIDE; f > 1; f /= 2) {
            logits = doubled(doubled(logits, 2), 3);
        }
        return new NDList(logits);
    }

    /**
     * Bilinear upsampling by 2 along one axis, as PyTorch's {@code interpolate(align_corners=False)}:
     * output 2i is {@code 0.75 x[i] + 0.25 x[i-1]}, output 2i+1 is {@code 0.75 x[i] + 0.25 x[i+1]},
     * edges repeated. Built from slices and sums so that it is differentiated.
     */
    static NDArray doubled(NDArray x, int axis) {
        long n = x.getShape().get(axis);
        NDArray first = x.get(slice(axis, "0:1"));
        NDArray last = x.get(slice(axis, (n - 1) + ":" + n));
        NDArray previous = n == 1 ? first : first.concat(x.get(slice(axis, "0:" + (n - 1))), axis);
        NDArray next = n == 1 ? last : x.get(slice(axis, "1:" + n)).concat(last, axis);
        NDArray threeQuarters = x.mul(Losses.constant(x, 0.75f));
        NDArray even = threeQuarters.add(previous.mul(Losses.constant(x, 0.25f)));
        NDArray odd = threeQuarters.add(next.mul(Losses.constant(x, 0.25f)));
        Shape s = x.getShape();
        long[] doubledShape = s.getShape().clone();
        doubledShape[axis] *= 2;
        return NDArrays.stack(new NDList(even, odd), axis + 1).reshape(new Shape(doubledShape));
    }

    private static NDIndex slice(int axis, String range) {
        return new NDIndex(":, ".repeat(axis) + range);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return PixelNetwork.logitShapes(inputShapes[0], classes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes);
        Shape p2 = backbone.getOutputShapes(inputShapes)[0];
        merge.initialize(manager, dataType, p2);
        head.initialize(manager, dataType, p2);
    }
}
