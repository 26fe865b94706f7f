package org.organdose.segment.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import org.junit.jupiter.api.Test;
import org.organdose.segment.net.SegmentationNetwork;

/** The moving average against the recurrence worked out by hand, and the swap in and out. */
class WeightAverageTest {
    /** A one-unit linear layer of {@code inputs} weights in {@code model}; its weight array. */
    private static NDArray linearWeight(Model model, int inputs) {
        SegmentationNetwork.useOfflineEngine();
        Linear linear = Linear.builder().setUnits(1).build();
        model.setBlock(linear);
        linear.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, inputs));
        return linear.getParameters().get("weight").getArray();
    }

    @Test
    void averagesWeightsAndSwapsThemInAndOut() {
        try (Model model = Model.newInstance("average")) {
            NDArray weight = linearWeight(model, 2);
            weight.set(new float[] {0, 0});
            try (WeightAverage average = new WeightAverage(model.getBlock(), model.getNDManager(), 0.5)) {
                // memory (1 + n) / (10 + n) below the decay: 0.1 then 2/11, then 0.5 from n = 8 on
                assertThat(average.decayAt(0)).isCloseTo(0.1, within(1e-12));
                assertThat(average.decayAt(1)).isCloseTo(2.0 / 11, within(1e-12));
                assertThat(average.decayAt(20)).isEqualTo(0.5);

                double expected = 0;
                for (int n = 0; n < 12; n++) {
                    float w = n + 1;
                    weight.set(new float[] {w, -w});
                    average.update();
                    double d = average.decayAt(n);
                    expected = d * expected + (1 - d) * w;
                }
                try (WeightAverage.Swap swap = average.swapIn()) {
                    float[] averaged = weight.toFloatArray();
                    assertThat((double) averaged[0]).isCloseTo(expected, within(1e-4));
                    assertThat((double) averaged[1]).isCloseTo(-expected, within(1e-4));
                }
                assertThat(weight.toFloatArray()).containsExactly(12f, -12f);
            }
        }
    }

    @Test
    void aWeightThatDoesNotMoveKeepsItsExactValue() {
        try (Model model = Model.newInstance("frozen")) {
            NDArray weight = linearWeight(model, 3);
            weight.set(new float[] {0.1f, 1e-7f, -3.3f});
            try (WeightAverage average = new WeightAverage(model.getBlock(), model.getNDManager(), 0.998)) {
                for (int n = 0; n < 50; n++) {
                    average.update();
                }
                try (WeightAverage.Swap swap = average.swapIn()) {
                    assertThat(weight.toFloatArray()).containsExactly(0.1f, 1e-7f, -3.3f);
                }
            }
        }
    }
}
