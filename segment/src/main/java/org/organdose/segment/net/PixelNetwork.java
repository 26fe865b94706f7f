package org.organdose.segment.net;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.function.Predicate;

/**
 * A network that scores every pixel of a batch of slice stacks: {@code [N, k, H, W]} in,
 * {@code [N, classes, H, W]} logits out. The U-Net ({@link UNet25d}) and the semantic ResNet-FPN
 * ({@link org.organdose.segment.maskrcnn.SemanticFpn}) are trained by the same trainer and run by
 * the same {@link SegmentationNetwork}.
 */
public interface PixelNetwork extends Block {
    /** Height and width of inputs must be multiples of this. */
    int sizeMultiple();

    /** The encoder's trainable parameters, frozen first when training starts from another model. */
    Predicate<Parameter> encoderParameters();

    /** The output shape of a pixel network: {@code [N, classes, H, W]} for input {@code [N, k, H, W]}. */
    static Shape[] logitShapes(Shape input, int classes) {
        return new Shape[] {new Shape(input.get(0), classes, input.get(2), input.get(3))};
    }

    /** Selects every trainable parameter (batch-norm running statistics are not trainable). */
    static Predicate<Parameter> trainable() {
        return p -> p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR;
    }
}
