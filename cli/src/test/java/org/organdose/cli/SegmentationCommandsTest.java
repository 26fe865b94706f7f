package org.organdose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.io.ImageFiles;

class SegmentationCommandsTest {
    @TempDir
    Path dir;

    /** A box of {@code label} from x0 (inclusive) to x1 (exclusive), 10 x 10 in y and z. */
    private static LabelMap box(int label, int x0, int x1) {
        LabelMap m = new LabelMap(Geometry.axisAligned(40, 12, 12, new double[] {1, 1, 2}, new double[3]));
        for (int k = 1; k < 11; k++) {
            for (int j = 1; j < 11; j++) {
                for (int i = x0; i < x1; i++) {
                    m.set(i, j, k, label);
                }
            }
        }
        return m;
    }

    @Test
    void evaluatePrintsDiceAndVolumesOfOverlappingBoxes() throws IOException {
        Path pred = dir.resolve("pred.nii.gz");
        Path ref = dir.resolve("ref.nii.gz");
        ImageFiles.writeLabels(box(1, 5, 25), pred);
        ImageFiles.writeLabels(box(1, 10, 30), ref);
        CommandLineTest.Run run = CommandLineTest.run("evaluate", "--pred", pred.toString(), "--ref", ref.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // 20 x 10 x 10 voxels of 2 mm^3 each = 4 mL; overlap 15 of 20 columns: Dice = 2*15/(20+20) = 0.75
        String liver = run.out().lines().filter(l -> l.startsWith("liver ")).findFirst().orElseThrow();
        assertThat(liver.trim().split("\\s+")).containsExactly("liver", "0.7500", "5.00", "4.0", "4.0", "0.0%");
    }

    @Test
    void segmentWithoutAModelIsBadInputAndWritesNothing() throws IOException {
        Path ct = dir.resolve("ct.nii.gz");
        ImageFiles.writeLabels(box(1, 5, 25), ct);
        Path out = dir.resolve("labels.nii.gz");
        CommandLineTest.Run run = CommandLineTest.run("segment", ct.toString(), "--out", out.toString(), "--model",
                dir.resolve("no-model").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no-model");
        assertThat(Files.exists(out)).isFalse();
    }
}
