package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.organdose.segment.net.SegmentationNetwork;

/** Shapes and sizes of the box and mask heads. */
class HeadsTest {

    @BeforeAll
    static void offline() {
        SegmentationNetwork.useOfflineEngine();
    }

    private static long parameterCount(Block block) {
        return block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    @Test
    void boxHeadScoresEveryClassAndRegressesFourDeltasEach() {
        try (NDManager m = NDManager.newBaseManager()) {
            BoxHead head = new BoxHead(1024, 4);
            head.initialize(m, DataType.FLOAT32, new Shape(5, 256, 7, 7));
            NDList out = head.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(5, 256, 7, 7))), false);
            assertThat(out.get(0).getShape()).isEqualTo(new Shape(5, 4));
            assertThat(out.get(1).getShape()).isEqualTo(new Shape(5, 16));
            // torchvision's TwoMLPHead(256*7*7, 1024) + FastRCNNPredictor(1024, 4)
            long expected = (256 * 49 * 1024L + 1024) + (1024 * 1024L + 1024) + (1024 * 4L + 4) + (1024 * 16L + 16);
            assertThat(parameterCount(head)).isEqualTo(expected);
        }
    }

    @Test
    void maskHeadGivesOneMapPerClassWithOrWithoutUpsampling() {
        try (NDManager m = NDManager.newBaseManager()) {
            MaskHead doubling = new MaskHead(16, 4, true, 4);
            doubling.initialize(m, DataType.FLOAT32, new Shape(3, 8, 14, 14));
            NDList out = doubling.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(3, 8, 14, 14))), false);
            assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(3, 4, 28, 28));

            MaskHead direct = new MaskHead(16, 2, false, 4);
            direct.initialize(m, DataType.FLOAT32, new Shape(2, 8, 28, 28));
            out = direct.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(2, 8, 28, 28))), false);
            assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(2, 4, 28, 28));
            assertThat(direct.getOutputShapes(new Shape[] {new Shape(2, 8, 28, 28)})[0]).isEqualTo(new Shape(2, 4, 28, 28));
        }
    }
}
