package org.organdose.segment.net;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

/** A step with a NaN gradient is skipped and leaves nothing behind; a finite one is taken as usual. */
class FiniteGradientsTest {
    private static final float[] FINITE = {0.5f, -1f, 2f, 0.25f, 1f, -0.5f};
    private static final float[] WITH_NAN = {0.5f, Float.NaN, 2f, 0.25f, 1f, -0.5f};

    @Test
    void aNonFiniteGradientSkipsTheStepAndTheNextStepIsAsIfItHadNotHappened() {
        try (Model skipped = model(); Model fresh = model();
                Trainer a = trainer(skipped); Trainer b = trainer(fresh)) {
            float[] start = weights(skipped.getBlock());
            assertThat(weights(fresh.getBlock())).containsExactly(start);

            backward(a, WITH_NAN);
            assertThat(FiniteGradients.allFinite(skipped.getBlock())).isFalse();
            assertThat(FiniteGradients.step(a, skipped.getBlock())).isFalse();
            assertThat(weights(skipped.getBlock())).containsExactly(start);
            assertThat(gradients(skipped.getBlock())).containsOnly(0f);

            backward(a, FINITE);
            assertThat(FiniteGradients.allFinite(skipped.getBlock())).isTrue();
            assertThat(FiniteGradients.step(a, skipped.getBlock())).isTrue();
            backward(b, FINITE);
            assertThat(FiniteGradients.step(b, fresh.getBlock())).isTrue();

            float[] after = weights(skipped.getBlock());
            assertThat(after).isNotEqualTo(start);
            assertThat(after).containsExactly(weights(fresh.getBlock()));
        }
    }

    private static Model model() {
        Model m = Model.newInstance("linear");
        Block block = Linear.builder().setUnits(2).build();
        m.setBlock(block);
        Engine.getInstance().setRandomSeed(3);
        block.initialize(m.getNDManager(), DataType.FLOAT32, new Shape(2, 3));
        return m;
    }

    private static Trainer trainer(Model m) {
        Tracker rate = Tracker.fixed(0.1f);
        return m.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(Optimizer.adam().optLearningRateTracker(rate).build()));
    }

    private static void backward(Trainer t, float[] inputs) {
        try (NDManager m = t.getManager().newSubManager()) {
            NDArray x = m.create(inputs, new Shape(2, 3));
            NDArray y = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
            try (GradientCollector gc = t.newGradientCollector()) {
                NDList out = t.forward(new NDList(x));
                gc.backward(t.getLoss().evaluate(new NDList(y), out));
            }
        }
    }

    private static float[] weights(Block block) {
        return block.getParameters().get("weight").getArray().toFloatArray();
    }

    private static float[] gradients(Block block) {
        try (NDArray g = block.getParameters().get("weight").getArray().getGradient()) {
            return g.toFloatArray();
        }
    }
}
