package org.organdose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Plane;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.StorageType;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.net.NetworkClasses;
import org.organdose.segment.net.SegmentationNetwork;

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

    @Test
    void segmentRefusesAnUnwritableOutputBeforeReadingAnything() throws IOException {
        Path out = dir.resolve("labels.png");
        CommandLineTest.Run run = CommandLineTest.run("segment", dir.resolve("missing-ct.nii.gz").toString(), "--out",
                out.toString(), "--model", dir.resolve("no-model").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("labels.png").contains("cannot write this format").doesNotContain("missing-ct");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void ensembleCombinesTrainedModelsThatSegmentTogether() throws IOException {
        Path a = untrainedModel("seed-1", 3, 1);
        Path b = untrainedModel("seed-2", 3, 2);
        Path ensemble = dir.resolve("ensemble");
        CommandLineTest.Run run = CommandLineTest.run("ensemble", a.toString(), b.toString(), "--out", ensemble.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("an ensemble of 2 models [seed-1, seed-2]");

        Path ct = dir.resolve("ct.nii.gz");
        Volume v = new Volume(Geometry.axisAligned(48, 40, 6, new double[] {4, 4, 5}, new double[3]));
        java.util.Arrays.fill(v.voxels(), -1000f);
        for (int i = 0; i < v.voxels().length / 2; i++) {
            v.voxels()[i] = 50f;
        }
        ImageFiles.write(v, StorageType.INT16, ct);
        Path labels = dir.resolve("labels.nii.gz");
        run = CommandLineTest.run("segment", ct.toString(), "--out", labels.toString(), "--model", ensemble.toString(),
                "--mode", "AXIAL");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ImageFiles.readLabels(labels).geometry()).isEqualTo(v.geometry());
    }

    @Test
    void ensembleOfMismatchedModelsIsBadInputAndWritesNothing() throws IOException {
        Path a = untrainedModel("three", 3, 1);
        Path b = untrainedModel("five", 5, 2);
        Path ensemble = dir.resolve("mixed");
        CommandLineTest.Run run = CommandLineTest.run("ensemble", a.toString(), b.toString(), "--out", ensemble.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains(Path.of("five", "model.json").toString()).contains("stack size 5");
        assertThat(Files.exists(ensemble)).isFalse();
    }

    /** A model folder with freshly initialised weights, as {@code train} would lay it out. */
    private Path untrainedModel(String name, int slices, long seed) throws IOException {
        Path modelDir = Files.createDirectories(dir.resolve(name));
        ModelSpec spec = new ModelSpec(name, ModelSpec.UNET, 4, 2, 8, new double[] {-100, 200}, slices,
                List.of(Plane.values()), NetworkClasses.NAMES, "weights.params", null, null, null);
        try (SegmentationNetwork network = SegmentationNetwork.create(spec, seed)) {
            network.saveWeights(modelDir.resolve(spec.weightsFile()));
        }
        spec.write(modelDir);
        return modelDir;
    }
}
