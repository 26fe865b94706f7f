package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.organdose.segment.net.SegmentationNetwork;

class PyramidRoiAlignTest {
    // squares of side 50, 112, 224, 448 and 1000 pixels, and an empty box
    private static final float[] BOXES = {
        10, 10, 60, 60,
        0, 0, 112, 112,
        20, 0, 244, 224,
        0, 0, 448, 448,
        -300, -300, 700, 700,
        5, 5, 5, 5,
    };

    @BeforeAll
    static void offline() {
        SegmentationNetwork.useOfflineEngine();
    }

    @Test
    void boxesGoToTheLevelOfTheirSize() {
        int[] expected = {0, 1, 2, 3, 3, 0}; // P2, P3, P4, P5, P5 (clamped), P2 (empty: clamped)
        for (int i = 0; i < expected.length; i++) {
            assertThat(PyramidRoiAlign.levelOf(BOXES, i)).as("box %d", i).isEqualTo(expected[i]);
        }
        // just under a power of two of 224 stays on the finer level
        assertThat(PyramidRoiAlign.levelOf(new float[] {0, 0, 111, 111}, 0)).isEqualTo(0);
    }

    @Test
    void eachBoxIsPooledFromItsLevelInCallerOrderAndGradientsReachEveryLevel() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList levels = new NDList();
            for (int stride : ResNetFpn.STRIDES) {
                NDArray level = m.randomNormal(new Shape(2, 3, 256 / stride, 256 / stride));
                level.setRequiresGradient(true);
                levels.add(level);
            }
            int[] batch = {1, 0, 1, 0, 1, 0};
            PyramidRoiAlign pyramid = new PyramidRoiAlign(7, 7, 2);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray pooled = pyramid.apply(levels, BOXES, batch);
                assertThat(pooled.getShape()).isEqualTo(new Shape(6, 3, 7, 7));
                for (int i = 0; i < 6; i++) {
                    int level = PyramidRoiAlign.levelOf(BOXES, i);
                    RoiAlign single = new RoiAlign(7, 7, 1f / ResNetFpn.STRIDES[level], 2);
                    float[] alone = single.apply(levels.get(level), java.util.Arrays.copyOfRange(BOXES, 4 * i, 4 * i + 4),
                            new int[] {batch[i]}).toFloatArray();
                    assertThat(pooled.get(i).toFloatArray()).as("box %d", i).containsExactly(alone);
                }
                gc.backward(pooled.sum());
            }
            for (int l = 0; l < 4; l++) {
                assertThat(levels.get(l).getGradient().abs().sum().getFloat()).as("level %d", l).isPositive();
            }
        }
    }

    @Test
    void noBoxesGiveAnEmptyBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList levels = new NDList();
            for (int stride : ResNetFpn.STRIDES) {
                levels.add(m.zeros(new Shape(1, 4, 64 / stride, 64 / stride)));
            }
            assertThat(new PyramidRoiAlign(28, 28, 2).apply(levels, new float[0], new int[0]).getShape())
                    .isEqualTo(new Shape(0, 4, 28, 28));
        }
    }
}
