package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.organdose.segment.net.SegmentationNetwork;

class RpnTargetsTest {
    // anchor 0 is exactly the box of image 0; the others overlap nothing
    private static final float[] ANCHORS = {0, 0, 10, 10, 40, 40, 50, 50, 60, 0, 70, 10, 0, 60, 10, 70};
    private static final List<float[]> TRUTH = List.of(new float[] {0, 0, 10, 10}, new float[0]);

    @BeforeAll
    static void offline() {
        SegmentationNetwork.useOfflineEngine();
    }

    @Test
    void matchesSamplesAndEncodesPerImage() {
        RpnTargets t = RpnTargets.of(ANCHORS, TRUTH, new BalancedSampler(4, 0.5), new Random(1));
        assertThat(t.positives()).containsExactly(0L);
        assertThat(t.sampled()).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(t.labels()).hasSize(8);
        for (int i = 0; i < 8; i++) {
            assertThat(t.labels()[i]).isEqualTo(t.sampled()[i] == 0 ? 1f : 0f);
        }
        assertThat(t.deltas()).containsExactly(0f, 0f, 0f, 0f);
    }

    @Test
    void lossesOfHandPickedOutputs() {
        RpnTargets t = RpnTargets.of(ANCHORS, TRUTH, new BalancedSampler(4, 0.5), new Random(1));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray objectness = m.zeros(new Shape(2, 4));
            float[] d = new float[2 * 4 * 4];
            java.util.Arrays.fill(d, 0, 4, 1f); // anchor 0 of image 0 predicts deltas (1, 1, 1, 1)
            java.util.Arrays.fill(d, 4, d.length, 7f); // ignored: not positive
            NDArray[] losses = t.losses(objectness, m.create(d, new Shape(2, 4, 4)));
            assertThat(losses[0].getFloat()).isCloseTo((float) Math.log(2), within(1e-6f));
            // four coordinates each |1| - beta/2, over the 8 sampled anchors
            assertThat(losses[1].getFloat()).isCloseTo((float) (4 * (1 - 0.5 / 9) / 8), within(1e-6f));
        }
    }
}
