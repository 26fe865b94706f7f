package org.organdose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
        CommandLineTest.Run run = CommandLineTest.run("train", dir.toString(), "--out", dir.resolve("m").toString(),
                "--architecture", "fasterrcnn");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--architecture must be unet, fpn or maskrcnn");

        run = CommandLineTest.run("train", dir.toString(), "--out", dir.resolve("m").toString(),
                "--architecture", "maskrcnn", "--backbone", "resnet101");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--backbone must be light or resnet50");

        run = CommandLineTest.run("train", dir.toString(), "--out", dir.resolve("m").toString(),
                "--architecture", "fpn", "--backbone", "resnet50");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--backbone resnet50 is for --architecture maskrcnn");
    }

    @Test
    void anEvenSliceCountIsBadInput() {
        CommandLineTest.Run run = CommandLineTest.run("train", dir.toString(), "--out", dir.resolve("m").toString(),
                "--slices", "4");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("slices per stack must be odd, got 4");
    }

    @Test
    void anInvertedOrIncompleteHuWindowIsBadInput() {
        CommandLineTest.Run run = CommandLineTest.run("train", dir.toString(), "--out", dir.resolve("m").toString(),
                "--hu-window", "200,-100");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("HU window needs low < high, got [200.0, -100.0]");

        run = CommandLineTest.run("train", dir.toString(), "--out", dir.resolve("m").toString(), "--hu-window", "300");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--hu-window needs two values LOW,HIGH");
    }

    @Test
    void aModelLabelWeightThatIsNotPositiveIsBadInput() {
        CommandLineTest.Run run = CommandLineTest.run("train", dir.toString(), "--out", dir.resolve("m").toString(),
                "--model-label-weight", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the weight of model-labelled cases must be positive, got 0.0");
        assertThat(Files.exists(dir.resolve("m"))).isFalse();
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
