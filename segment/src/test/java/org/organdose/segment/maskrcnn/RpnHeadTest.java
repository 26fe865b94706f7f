package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.organdose.segment.net.SegmentationNetwork;

class RpnHeadTest {

    @BeforeAll
    static void offline() {
        SegmentationNetwork.useOfflineEngine();
    }

    @Test
    void oneObjectnessAndFourDeltasPerAnchorOnEveryLevel() {
        try (NDManager m = NDManager.newBaseManager()) {
            RpnHead head = new RpnHead(16, 3);
            head.initialize(m, DataType.FLOAT32, new Shape(2, 16, 16, 16));
            NDList levels = new NDList(m.randomNormal(new Shape(2, 16, 16, 16)), m.randomNormal(new Shape(2, 16, 8, 8)),
                    m.randomNormal(new Shape(2, 16, 4, 4)), m.randomNormal(new Shape(2, 16, 2, 2)));
            NDList out = head.forward(new ParameterStore(m, false), levels, false);
            assertThat(out).hasSize(8);
            int[] sizes = {16, 8, 4, 2};
            long anchors = 0;
            for (int l = 0; l < 4; l++) {
                assertThat(out.get(l).getShape()).isEqualTo(new Shape(2, 3, sizes[l], sizes[l]));
                assertThat(out.get(4 + l).getShape()).isEqualTo(new Shape(2, 12, sizes[l], sizes[l]));
                anchors += RpnHead.flattenObjectness(out.get(l)).getShape().get(1);
                assertThat(RpnHead.flattenDeltas(out.get(4 + l)).getShape()).isEqualTo(new Shape(2, 3L * sizes[l] * sizes[l], 4));
            }
            assertThat(anchors).isEqualTo(Boxes.count(Anchors.fpn().all(sizes, sizes)) );
        }
    }

    @Test
    void flatteningFollowsTheAnchorOrder() {
        try (NDManager m = NDManager.newBaseManager()) {
            // N=1, A=2, H=2, W=3: value encodes (a, y, x) as 100a + 10y + x
            float[] logits = new float[2 * 2 * 3];
            float[] deltas = new float[8 * 2 * 3];
            for (int a = 0; a < 2; a++) {
                for (int y = 0; y < 2; y++) {
                    for (int x = 0; x < 3; x++) {
                        logits[(a * 2 + y) * 3 + x] = 100 * a + 10 * y + x;
                        for (int j = 0; j < 4; j++) {
                            deltas[((4 * a + j) * 2 + y) * 3 + x] = 1000 * j + 100 * a + 10 * y + x;
                        }
                    }
                }
            }
            float[] flat = RpnHead.flattenObjectness(m.create(logits, new Shape(1, 2, 2, 3))).toFloatArray();
            float[] flatDeltas = RpnHead.flattenDeltas(m.create(deltas, new Shape(1, 8, 2, 3))).toFloatArray();
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    for (int a = 0; a < 2; a++) {
                        int anchor = (y * 3 + x) * 2 + a;
                        assertThat(flat[anchor]).isEqualTo(100f * a + 10 * y + x);
                        for (int j = 0; j < 4; j++) {
                            assertThat(flatDeltas[4 * anchor + j]).isEqualTo(1000f * j + 100 * a + 10 * y + x);
                        }
                    }
                }
            }
        }
    }

    @Test
    void startsFromSmallWeightsAndZeroBiases() {
        try (NDManager m = NDManager.newBaseManager()) {
            RpnHead head = new RpnHead(64, 3);
            head.initialize(m, DataType.FLOAT32, new Shape(1, 64, 8, 8));
            head.getParameters().forEach(pair -> {
                NDArray value = pair.getValue().getArray();
                if (pair.getKey().contains("weight")) {
                    assertThat((float) Math.sqrt(value.square().mean().getFloat())).isCloseTo(0.01f, within(0.002f));
                } else {
                    assertThat(value.abs().max().getFloat()).isZero();
                }
            });
        }
    }
}
