package org.organdose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.MedicalImage;
import org.organdose.image.io.StorageType;
import picocli.CommandLine;

class CommandLineTest {
    @TempDir
    Path dir;

    /** Exit code, standard output and standard error of one in-process run. */
    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = OrganDose.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path writeTestImage(String name) throws IOException {
        double c = Math.cos(Math.toRadians(20));
        double s = Math.sin(Math.toRadians(20));
        Geometry g = new Geometry(4, 5, 3, new double[] {0.75, 0.8, 2.5}, new double[] {-10.5, 20.25, 100},
                new double[] {c, -s, 0, s, c, 0, 0, 0, 1});
        Volume v = new Volume(g);
        for (int p = 0; p < v.voxels().length; p++) {
            v.voxels()[p] = p - 20;
        }
        Path file = dir.resolve(name);
        ImageFiles.write(v, StorageType.INT16, file);
        return file;
    }

    @Test
    void infoPrintsTheGeometryTheFileHolds() throws IOException {
        Path file = writeTestImage("small.nii.gz");
        Run r = run("info", file.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("size:        4 x 5 x 3 voxels")
                .contains("spacing:     (0.75, 0.8, 2.5) mm")
                .contains("origin:      (-10.5, 20.25, 100) mm")
                .contains("values:      -20 to 39");
    }

    @Test
    void convertKeepsDataAndGeometryAcrossFormats() throws IOException {
        Path nifti = writeTestImage("small.nii.gz");
        Path nrrd = dir.resolve("small.nrrd");
        Path mha = dir.resolve("small.mha");
        assertThat(run("convert", nifti.toString(), nrrd.toString()).exitCode()).isZero();
        assertThat(run("convert", nrrd.toString(), mha.toString()).exitCode()).isZero();
        MedicalImage original = ImageFiles.read(nifti);
        MedicalImage converted = ImageFiles.read(mha);
        assertThat(converted.volume().geometry().sameGrid(original.volume().geometry(), 1e-4)).isTrue();
        assertThat(converted.volume().voxels()).containsExactly(original.volume().voxels());
    }

    @Test
    void unreadableInputIsExitCodeTwoWithOneLineNamingTheFile() throws IOException {
        Path garbage = dir.resolve("garbage.nii");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5});
        Path out = dir.resolve("out.nii.gz");
        Run r = run("convert", garbage.toString(), out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("garbage.nii");
        assertThat(Files.list(dir)).containsExactly(garbage);
    }

    @Test
    void missingInputAndUnwritableFormatAreBadInput() throws IOException {
        assertThat(run("info", dir.resolve("nothing.nii").toString()).exitCode()).isEqualTo(2);
        Path file = writeTestImage("small.nii.gz");
        Run r = run("convert", file.toString(), dir.resolve("out.png").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("out.png");
    }

    @Test
    void convertRefusesToOverwriteItsInput() throws IOException {
        Path file = writeTestImage("small.nii.gz");
        byte[] before = Files.readAllBytes(file);
        assertThat(run("convert", file.toString(), file.toString()).exitCode()).isEqualTo(2);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void unknownOptionIsBadInput() {
        assertThat(run("info", "--no-such-option", "x").exitCode()).isEqualTo(2);
    }
}
