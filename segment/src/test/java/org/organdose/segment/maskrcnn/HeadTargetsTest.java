package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.organdose.segment.net.SegmentationNetwork;

class HeadTargetsTest {
    // truth 0 (class 1) at the origin, truth 1 (class 3) at (50, 50)
    private static final float[] TRUTH = {0, 0, 10, 10, 50, 50, 60, 60};
    private static final int[] CLASSES = {1, 3};
    // proposal 0 = truth 0, proposal 1 overlaps it by 0.4 (background), proposal 2 = truth 1
    private static final float[] PROPOSALS = {0, 0, 10, 10, 0, 0, 10, 4, 50, 50, 60, 60};

    @BeforeAll
    static void offline() {
        SegmentationNetwork.useOfflineEngine();
    }

    private static HeadTargets targets() {
        return HeadTargets.of(PROPOSALS, TRUTH, CLASSES, BalancedSampler.forHeads(), new Random(1));
    }

    @Test
    void groundTruthJoinsTheProposalsAndPositivesComeFirst() {
        HeadTargets t = targets();
        assertThat(t.positives()).isEqualTo(4); // proposals 0 and 2, and the two ground-truth boxes
        assertThat(t.labels()).hasSize(5);
        assertThat(t.labels()[4]).isZero();
        assertThat(new float[] {t.rois()[16], t.rois()[17], t.rois()[18], t.rois()[19]}).containsExactly(0, 0, 10, 4);
        for (int i = 0; i < 4; i++) {
            assertThat(t.labels()[i]).isEqualTo(CLASSES[t.matched()[i]]);
            for (int j = 0; j < 4; j++) {
                assertThat(t.rois()[4 * i + j]).isEqualTo(TRUTH[4 * t.matched()[i] + j]);
            }
        }
        assertThat(t.deltas()).hasSize(16).containsOnly(0f);
    }

    @Test
    void maskTargetsReadEachTruthMaskOverItsRoi() {
        HeadTargets t = targets();
        try (NDManager m = NDManager.newBaseManager()) {
            // truth 0's mask is the left half of its box (x < 5); truth 1's fills its box
            float[] masks = new float[2 * 64 * 64];
            for (int y = 0; y < 10; y++) {
                for (int x = 0; x < 5; x++) {
                    masks[y * 64 + x] = 1;
                }
            }
            for (int y = 50; y < 60; y++) {
                for (int x = 50; x < 60; x++) {
                    masks[64 * 64 + y * 64 + x] = 1;
                }
            }
            float[] target = t.maskTargets(m.create(masks, new Shape(2, 1, 64, 64)), 28).toFloatArray();
            assertThat(target).hasSize(4 * 28 * 28);
            for (int i = 0; i < 4; i++) {
                boolean leftHalf = t.matched()[i] == 0;
                // the first and last rows and columns read partly outside a mask's box
                for (int ph = 1; ph < 27; ph++) {
                    for (int pw = 1; pw < 13; pw++) {
                        assertThat(target[(i * 28 + ph) * 28 + pw]).isCloseTo(1f, within(1e-6f));
                    }
                    assertThat(target[(i * 28 + ph) * 28 + 15]).isCloseTo(leftHalf ? 0f : 1f, within(1e-6f));
                }
            }
        }
    }

    @Test
    void lossesOfHandPickedOutputs() {
        HeadTargets t = targets();
        try (NDManager m = NDManager.newBaseManager()) {
            float[] d = new float[5 * 16];
            java.util.Arrays.fill(d, 9f); // every other class's deltas are ignored
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    d[i * 16 + 4 * t.labels()[i] + j] = i == 0 ? 1f : 0f; // only RoI 0 is off, by 1
                }
            }
            NDArray[] losses = t.boxLosses(m.zeros(new Shape(5, 4)), m.create(d, new Shape(5, 16)));
            assertThat(losses[0].getFloat()).isCloseTo((float) Math.log(4), within(1e-6f));
            assertThat(losses[1].getFloat()).isCloseTo((float) (4 * (1 - 0.5 / 9) / 5), within(1e-6f));

            float[] logits = new float[4 * 4 * 2 * 2];
            java.util.Arrays.fill(logits, 50f); // other classes' maps are ignored
            for (int i = 0; i < 4; i++) {
                for (int p = 0; p < 4; p++) {
                    logits[(i * 4 + t.labels()[i]) * 4 + p] = 0f;
                }
            }
            NDArray maskLoss = t.maskLoss(m.create(logits, new Shape(4, 4, 2, 2)), m.ones(new Shape(4, 2, 2)));
            assertThat(maskLoss.getFloat()).isCloseTo((float) Math.log(2), within(1e-6f));
        }
    }
}
