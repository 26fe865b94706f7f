package org.organdose.segment.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.Organ;
import org.organdose.image.Plane;
import org.organdose.image.Volume;
import org.organdose.segment.Mode;
import org.organdose.segment.Phantom;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.data.LabelledCase;
import org.organdose.segment.data.TrainingCase;
import org.organdose.segment.infer.SliceSegmenter;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.net.SegmentationNetwork;
import org.organdose.segment.preprocess.HuWindow;

/** Checkpoints, resuming, transfer learning with a frozen encoder, hold-outs. */
class PixelNetworkTrainerTest {
    /**
     * The training tests' network width. Not smaller: at 4 or 8 channels oneDNN pads its layouts to
     * 16 and a backward pass now and then returns NaN (README, "Steps with a NaN gradient are
     * skipped"); the trainers skip such a step, but a test should not depend on that luck.
     */
    static final int WIDTH = 16;
    private static final Geometry GRID = Phantom.grid(8, 10);

    private static List<TrainingCase> cases() {
        return List.of(
                new LabelledCase("a", Phantom.ct(GRID, 10, 1), Phantom.labels(GRID), EnumSet.allOf(Organ.class), 1),
                new LabelledCase("b", Phantom.ct(GRID, 10, 2), Phantom.labels(GRID), Set.of(Organ.LIVER), 1));
    }

    private static TrainingConfig.Builder tiny(Path out) {
        return TrainingConfig.builder(List.of(), out).planes(EnumSet.allOf(Plane.class)).spacingMm(8).baseWidth(WIDTH)
                .depth(2).cropSize(16).batchSize(2).stepsPerEpoch(3).augmentation(Augmentation.DEFAULT);
    }

    @Test
    void aRunWhoseEveryStepHasANonFiniteGradientStopsAndSavesNothingOfThatEpoch(@TempDir Path dir) {
        Volume ct = Phantom.ct(GRID, 10, 1);
        Arrays.fill(ct.voxels(), Float.NaN);
        List<TrainingCase> nan = List.of(new LabelledCase("nan", ct, Phantom.labels(GRID), EnumSet.allOf(Organ.class), 1));
        List<String> messages = new ArrayList<>();
        TrainingListener listening = new TrainingListener() {
            @Override
            public void message(String line) {
                messages.add(line);
            }
        };
        Path out = dir.resolve("m");
        assertThatThrownBy(() -> PixelNetworkTrainer.train(tiny(out).epochs(2).build(), nan, listening))
                .isInstanceOf(SegmentationException.class)
                .hasMessage(out + ": training stopped in epoch 1: every one of its 3 steps gave a NaN or infinite gradient"
                        + " (diverged, or NaN in the data)");
        assertThat(messages).contains("epoch 1 step 1: a gradient was NaN or infinite; the step was skipped",
                "epoch 1 step 3: a gradient was NaN or infinite; the step was skipped");
        assertThat(out.resolve(PixelNetworkTrainer.WEIGHTS)).doesNotExist();
        assertThat(out.resolve(PixelNetworkTrainer.CHECKPOINTS)).doesNotExist();
    }

    @Test
    void anEpochWithASkippedStepSaysSoInTheLog() {
        EpochSummary s = new EpochSummary(3, 0.5, 1e-3, false, Map.of(), 12, 1);
        assertThat(s.logLine(20)).isEqualTo("epoch 3/20 loss 0.5000 lr 1.00e-03 time 12 s skipped 1 step (non-finite gradient)");
        assertThat(new EpochSummary(3, 0.5, 1e-3, false, Map.of(), 12, 0).logLine(20)).isEqualTo("epoch 3/20 loss 0.5000 lr 1.00e-03 time 12 s");
    }

    @Test
    void resumesARunCheckpointedBeforeSkippedStepsWereCounted(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("m");
        PixelNetworkTrainer.train(tiny(out).epochs(1).build(), cases(), TrainingListener.silent());
        Path state = out.resolve(PixelNetworkTrainer.CHECKPOINTS).resolve(PixelNetworkTrainer.STATE);
        String written = Files.readString(state);
        assertThat(written).contains("\"skippedSteps\" : 0");
        Files.writeString(state, written.replaceAll(",\\s*\"skippedSteps\" : 0", ""));
        assertThat(Files.readString(state)).doesNotContain("skippedSteps");

        PixelNetworkTrainer.Result resumed = PixelNetworkTrainer.train(tiny(out).epochs(2).resume(true).build(), cases(), TrainingListener.silent());
        assertThat(resumed.history()).extracting(EpochSummary::skippedSteps).containsExactly(0, 0);
        List<?> history = (List<?>) ModelSpec.read(out).training().get("history");
        assertThat(history).hasSize(2).allSatisfy(e -> assertThat(((Map<?, ?>) e).get("skippedSteps")).isEqualTo(0));
    }

    @Test
    void resumesAfterTheLastCheckpoint(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("m");
        PixelNetworkTrainer.Result first = PixelNetworkTrainer.train(tiny(out).epochs(1).holdOut(Set.of("b")).build(), cases(), TrainingListener.silent());
        assertThat(first.history()).hasSize(1);
        assertThat(first.history().get(0).validationDice()).containsOnlyKeys("liver");
        assertThat(out.resolve("checkpoints").resolve("epoch-001.params")).exists();

        assertThatThrownBy(() -> PixelNetworkTrainer.train(tiny(out).epochs(2).build(), cases(), TrainingListener.silent()))
                .isInstanceOf(SegmentationException.class).hasMessageContaining("--resume");

        PixelNetworkTrainer.Result resumed = PixelNetworkTrainer.train(tiny(out).epochs(2).resume(true).holdOut(Set.of("b")).build(), cases(),
                TrainingListener.silent());
        assertThat(resumed.history()).extracting(EpochSummary::epoch).containsExactly(1, 2);
        ModelSpec spec = ModelSpec.read(out);
        assertThat(spec.training()).containsEntry("epochsDone", 2);
        assertThat(spec.accuracy()).containsKey("dice");
    }

    @Test
    void aFiveSliceModelWithItsOwnWindowIsTrainedAndSegmentsWithFiveSliceStacks(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("m");
        PixelNetworkTrainer.train(tiny(out).epochs(1).slicesPerStack(5).huWindow(new HuWindow(-150, 350)).holdOut(Set.of("b")).build(),
                cases(), TrainingListener.silent());
        assertThat(ModelSpec.read(out).slicesPerStack()).isEqualTo(5);
        assertThat(ModelSpec.read(out).huWindow()).containsExactly(-150, 350);
        try (SegmentationNetwork network = SegmentationNetwork.load(out)) {
            assertThat(network.spec().slicesPerStack()).isEqualTo(5);
            assertThat(new SliceSegmenter(network, Mode.AXIAL).segment(Phantom.ct(GRID, 10, 3)).labels().geometry())
                    .isEqualTo(GRID);
        }
    }

    @Test
    void transferLearningFreezesTheEncoderFirst(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("base");
        PixelNetworkTrainer.train(tiny(base).epochs(1).build(), cases(), TrainingListener.silent());

        Path tuned = dir.resolve("tuned");
        PixelNetworkTrainer.Result r = PixelNetworkTrainer.train(tiny(tuned).epochs(1).init(base).freezeEpochs(1).build(), cases(),
                TrainingListener.silent());
        assertThat(r.history().get(0).encoderFrozen()).isTrue();
        try (SegmentationNetwork a = SegmentationNetwork.load(base); SegmentationNetwork b = SegmentationNetwork.load(tuned)) {
            Map<String, NDArray> before = trainable(a);
            Map<String, NDArray> after = trainable(b);
            java.util.function.Predicate<Parameter> encoder = b.net().encoderParameters();
            b.net().getParameters().forEach(pair -> {
                if (pair.getValue().getType() == Parameter.Type.RUNNING_MEAN || pair.getValue().getType() == Parameter.Type.RUNNING_VAR) {
                    return;
                }
                boolean same = before.get(pair.getKey()).contentEquals(after.get(pair.getKey()));
                assertThat(same).as(pair.getKey()).isEqualTo(encoder.test(pair.getValue()));
            });
        }
    }

    @Test
    void aResumedTransferLearningRunKeepsItsSchedule(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("base");
        PixelNetworkTrainer.train(tiny(base).epochs(1).build(), cases(), TrainingListener.silent());
        Path first = dir.resolve("first");
        PixelNetworkTrainer.train(tiny(first).epochs(1).init(base).freezeEpochs(1).build(), cases(), TrainingListener.silent());
        PixelNetworkTrainer.Result resumed = PixelNetworkTrainer.train(tiny(first).epochs(2).resume(true).freezeEpochs(1).build(), cases(),
                TrainingListener.silent());

        // the second epoch fine-tunes the whole net at a tenth of the rate, as in the uninterrupted run
        EpochSummary uninterrupted = PixelNetworkTrainer.train(tiny(dir.resolve("again")).epochs(2).init(base).freezeEpochs(1).build(),
                cases(), TrainingListener.silent()).history().get(1);
        assertThat(resumed.history().get(1).encoderFrozen()).isFalse();
        assertThat(resumed.history().get(1).learningRate()).isEqualTo(uninterrupted.learningRate());
        assertThat(ModelSpec.read(first).training()).containsEntry("init", base.toString());
    }

    private static Map<String, NDArray> trainable(SegmentationNetwork n) {
        Map<String, NDArray> m = new HashMap<>();
        n.net().getParameters().forEach(pair -> m.put(pair.getKey(), pair.getValue().getArray()));
        return m;
    }

    @Test
    void refusesUnknownHoldOutsAndEmptyTrainingSets(@TempDir Path dir) {
        assertThatThrownBy(() -> PixelNetworkTrainer.train(tiny(dir.resolve("x")).epochs(1).holdOut(Set.of("zz")).build(), cases(),
                TrainingListener.silent())).hasMessageContaining("zz");
        assertThatThrownBy(() -> PixelNetworkTrainer.train(tiny(dir.resolve("y")).epochs(1).holdOut(Set.of("a", "b")).build(), cases(),
                TrainingListener.silent())).hasMessageContaining("no training cases");
    }
}
