package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.organdose.segment.net.SegmentationNetwork;

class LossesTest {

    @BeforeAll
    static void offline() {
        SegmentationNetwork.useOfflineEngine();
    }

    @Test
    void crossEntropyOfHandPickedLogitsAndItsGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {0, 2, -3, 100});
            NDArray y = m.create(new float[] {1, 0, 1, 0});
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = Losses.binaryCrossEntropyWithLogits(x, y);
                double expected = (Math.log(2) + 2 + Math.log1p(Math.exp(-2)) + 3 + Math.log1p(Math.exp(-3)) + 100) / 4;
                assertThat(loss.getFloat()).isCloseTo((float) expected, within(1e-5f));
                gc.backward(loss);
            }
            float[] g = x.getGradient().toFloatArray();
            float[] xs = {0, 2, -3, 100};
            float[] ys = {1, 0, 1, 0};
            for (int i = 0; i < 4; i++) {
                double sigmoid = 1 / (1 + Math.exp(-xs[i]));
                assertThat(g[i]).isCloseTo((float) ((sigmoid - ys[i]) / 4), within(1e-6f));
            }
        }
    }

    @Test
    void smoothL1IsQuadraticBelowBetaAndLinearAbove() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.create(new float[] {0.05f, -0.5f, 3});
            NDArray t = m.create(new float[] {0, 0, 1});
            float beta = 1f / 9;
            double expected = 0.5 * 0.05 * 0.05 / beta + (0.5 - 0.5 * beta) + (2 - 0.5 * beta);
            assertThat(Losses.smoothL1Sum(p, t, beta).getFloat()).isCloseTo((float) expected, within(1e-5f));
        }
    }
}
