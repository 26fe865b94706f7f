package org.organdose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.SharedData;
import org.organdose.segment.infer.SegmentationRunner;

/** The architecture and input options of {@code organdose train}. */
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownArchitectureOrBackboneIsBadInput() {
        assertBadInput("--architecture must be unet, fpn or maskrcnn", "--architecture", "fasterrcnn");
        assertBadInput("--backbone must be light or resnet50", "--architecture", "maskrcnn", "--backbone", "resnet101");
        assertBadInput("--backbone resnet50 is for --architecture maskrcnn", "--architecture", "fpn", "--backbone", "resnet50");
    }

    @Test
    void anEvenSliceCountIsBadInput() {
        assertBadInput("slices per stack must be odd, got 4", "--slices", "4");
    }

    @Test
    void anInvertedOrIncompleteHuWindowIsBadInput() {
        assertBadInput("HU window needs low < high, got [200.0, -100.0]", "--hu-window", "200,-100");
        assertBadInput("--hu-window needs two values LOW,HIGH", "--hu-window", "300");
    }

    @Test
    void aModelLabelWeightThatIsNotPositiveIsBadInput() {
        assertBadInput("the weight of model-labelled cases must be positive, got 0.0", "--model-label-weight", "0");
        assertThat(Files.exists(dir.resolve("m"))).isFalse();
    }

    /** {@code train DIR --out DIR/m OPTIONS} exits 2 with {@code message} on stderr. */
    private void assertBadInput(String message, String... options) {
        List<String> args = new ArrayList<>(List.of("train", dir.toString(), "--out", dir.resolve("m").toString()));
        args.addAll(List.of(options));
        CommandLineTest.Run run = CommandLineTest.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }

    @Test
    void aTeacherTrainedOnTheHeldOutCaseIsRefusedBeforeAnythingIsWritten() {
        Path data = SharedData.resolve("ct");
        Path teacher = Path.of("..", "models", SegmentationRunner.DEFAULT_MODEL);
        assumeTrue(Files.isRegularFile(teacher.resolve("model.json")), "no shipped model at " + teacher);
        Path out = dir.resolve("student");
        CommandLineTest.Run run = CommandLineTest.run("train", data.toString(), "--out", out.toString(),
                "--hold-out", "totalseg-s0009", "--teacher", teacher.toString(), "--epochs", "1", "--steps", "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains(teacher.resolve("model.json").toString()).contains("trained on totalseg-s0009");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void crossValidationIsForTheUNetOnly() {
        CommandLineTest.Run run = CommandLineTest.run("train", dir.toString(), "--out", dir.resolve("m").toString(),
                "--architecture", "maskrcnn", "--cross-validate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--cross-validate");
    }
}
