package org.organdose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void crossValidationIsForTheUNetOnly() {
        CommandLineTest.Run run = CommandLineTest.run("train", dir.toString(), "--out", dir.resolve("m").toString(),
                "--architecture", "maskrcnn", "--cross-validate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--cross-validate");
    }
}
