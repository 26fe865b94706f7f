package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.organdose.segment.net.NetworkClasses;

/** What the training forward learns from partially labelled samples. */
class MaskRcnnLossesTest {
    private static final int SIZE = 64;

    private static float[] losses(float[] labelled) {
        try (MaskRcnnNetwork network = MaskRcnnNetwork.create(SyntheticSlices.tinySpec("t", 4, 1), 3);
                NDManager m = network.model().getNDManager().newSubManager()) {
            NDList out = network.net().forward(new ParameterStore(m, false),
                    new NDList(m.create(new float[SIZE * SIZE], new Shape(1, 1, SIZE, SIZE))),
                    new NDList(m.create(new byte[SIZE * SIZE], new Shape(1, SIZE, SIZE)),
                            m.create(labelled, new Shape(1, NetworkClasses.COUNT))), null);
            float[] values = new float[out.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = out.get(i).getFloat();
            }
            return values;
        }
    }

    @Test
    void anEmptyFullyLabelledSliceTeachesBackgroundOnly() {
        float[] l = losses(new float[] {1, 1, 1, 1});
        assertThat(l).hasSize(5);
        assertThat(l[0]).isPositive();   // RPN: negatives
        assertThat(l[2]).isPositive();   // heads: background RoIs
        assertThat(l[1]).isZero();
        assertThat(l[3]).isZero();
        assertThat(l[4]).isZero();
    }

    @Test
    void aSliceThatDoesNotLabelEveryOrganGivesNoNegatives() {
        // only the liver is labelled and none is present: a kidney might be there, so nothing is background
        float[] l = losses(new float[] {1, 1, 0, 0});
        assertThat(l).containsOnly(0f);
    }
}
