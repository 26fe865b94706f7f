package org.organdose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.StorageType;

/**
 * Every command's bad input in one table: malformed and missing files, inputs of the wrong kind,
 * out-of-range options, outputs that are folders where a file is meant (and files where a folder
 * is), outputs that would overwrite an input. Each row must end with exit code 2, exactly one
 * "organdose: ..." line on standard error naming the problem (progress lines before it are
 * allowed; nothing else), no stack trace, and the fixture folder, which holds every input and
 * every output, byte for byte as before: inputs unchanged (SHA-256) and no output left behind.
 *
 * <p>All rows fail before any network runs: the fixture is a tiny study whose dosimetry takes
 * about a second, and no row reaches segmentation or training.
 */
class BadInputTableTest {
    @TempDir
    static Path fixture;

    /** One bad invocation: {@code {d}} in an argument stands for the fixture folder. */
    record Row(String name, String expected, String... args) {
        String[] resolved() {
            return Arrays.stream(args).map(a -> a.replace("{d}", fixture.toString())).toArray(String[]::new);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                // info
                new Row("info: missing file", "nothing.nii.gz: no such file or folder", "info", "{d}/nothing.nii.gz"),
                new Row("info: garbage NIfTI", "garbage.nii", "info", "{d}/garbage.nii"),
                new Row("info: truncated NIfTI", "truncated.nii.gz", "info", "{d}/truncated.nii.gz"),
                new Row("info: empty folder", "no DICOM image files found", "info", "{d}/empty"),
                // convert
                new Row("convert: missing input", "nothing.nii.gz: no such file or folder", "convert", "{d}/nothing.nii.gz",
                        "{d}/out.nii.gz"),
                new Row("convert: output equal to input", "output would overwrite the input", "convert", "{d}/ct.nii.gz",
                        "{d}/ct.nii.gz"),
                new Row("convert: output is a folder", "folder.nii.gz: is a folder, not a file", "convert", "{d}/ct.nii.gz",
                        "{d}/folder.nii.gz"),
                new Row("convert: output in a file", "a-file.txt is a file, not a folder", "convert", "{d}/ct.nii.gz", "{d}/a-file.txt/out.nii.gz"),
                new Row("convert: unwritable format", "cannot write this format", "convert", "{d}/ct.nii.gz", "{d}/out.png"),
                new Row("convert: unknown --type", "--type", "convert", "{d}/ct.nii.gz", "{d}/out.nii.gz", "--type", "int128"),
                // segment
                new Row("segment: missing CT", "nothing.nii.gz: no such file or folder", "segment", "{d}/nothing.nii.gz",
                        "--out", "{d}/labels-out.nii.gz"),
                new Row("segment: garbage CT", "garbage.nii", "segment", "{d}/garbage.nii", "--out", "{d}/labels-out.nii.gz"),
                new Row("segment: folder without DICOM", "no DICOM image files found", "segment", "{d}/empty", "--out",
                        "{d}/labels-out.nii.gz"),
                new Row("segment: output equal to input", "output would overwrite the input", "segment", "{d}/ct.nii.gz",
                        "--out", "{d}/ct.nii.gz"),
                new Row("segment: output is a folder", "folder.nii.gz: is a folder, not a file", "segment", "{d}/ct.nii.gz",
                        "--out", "{d}/folder.nii.gz"),
                new Row("segment: unwritable format", "cannot write this format", "segment", "{d}/ct.nii.gz", "--out",
                        "{d}/labels.png"),
                new Row("segment: unknown --mode", "--mode", "segment", "{d}/ct.nii.gz", "--out", "{d}/labels-out.nii.gz",
                        "--mode", "diagonal"),
                new Row("segment: model folder missing", "no-model", "segment", "{d}/ct.nii.gz", "--out",
                        "{d}/labels-out.nii.gz", "--model", "{d}/no-model"),
                // evaluate
                new Row("evaluate: missing prediction", "nothing.nii.gz: no such file or folder", "evaluate", "--pred",
                        "{d}/nothing.nii.gz", "--ref", "{d}/labels.nii.gz"),
                new Row("evaluate: prediction not a label map", "not a label map", "evaluate", "--pred", "{d}/ct.nii.gz",
                        "--ref", "{d}/labels.nii.gz"),
                new Row("evaluate: grids differ", "small-labels.nii.gz", "evaluate", "--pred", "{d}/small-labels.nii.gz",
                        "--ref", "{d}/labels.nii.gz"),
                new Row("evaluate: no reference", "give --pred and --ref", "evaluate", "--pred", "{d}/labels.nii.gz"),
                new Row("evaluate: model without data", "--model needs dataset or case folders", "evaluate", "--model",
                        "{d}/no-model"),
                new Row("evaluate: data folder missing", "nothing", "evaluate", "--model", "{d}/no-model", "{d}/nothing"),
                // dosimetry
                new Row("dosimetry: missing manifest", "nothing.json: file not found", "dosimetry", "{d}/nothing.json", "--out", "{d}/run-out"),
                new Row("dosimetry: malformed manifest", "malformed.json: not valid JSON", "dosimetry", "{d}/malformed.json",
                        "--out", "{d}/run-out"),
                new Row("dosimetry: a folder without DICOM images", "empty: no DICOM image files found", "dosimetry", "{d}/empty", "--out", "{d}/run-out"),
                new Row("dosimetry: a CT as SPECT", "timepoints[0].spect: its negative values", "dosimetry", "{d}/ct-as-spect.json", "--out", "{d}/run-out"),
                new Row("dosimetry: a SPECT as CT", "timepoints[0].ct: does not look like a CT in HU", "dosimetry", "{d}/spect-as-ct.json", "--out",
                        "{d}/run-out"),
                new Row("dosimetry: missing SPECT", "spect_missing.nii.gz", "dosimetry", "{d}/missing-spect.json", "--out",
                        "{d}/run-out"),
                new Row("dosimetry: missing --labels", "nothing.nii.gz", "dosimetry", "{d}/study.json", "--out", "{d}/run-out",
                        "--labels", "{d}/nothing.nii.gz"),
                new Row("dosimetry: --labels not a label map", "not a label map", "dosimetry", "{d}/study.json", "--out",
                        "{d}/run-out", "--labels", "{d}/ct.nii.gz"),
                new Row("dosimetry: missing --kernel", "nothing.txt: kernel file or folder not found", "dosimetry", "{d}/study.json", "--out", "{d}/run-out",
                        "--kernel", "{d}/nothing.txt"),
                new Row("dosimetry: missing --reference", "nothing.json: reference file not found", "dosimetry",
                        "{d}/study.json", "--out", "{d}/run-out", "--reference", "{d}/nothing.json"),
                new Row("dosimetry: dose grid too coarse", "the organ covers no voxel of the 60.0 mm dose grid", "dosimetry", "{d}/study.json", "--out", "{d}/run-out",
                        "--dose-grid-mm", "60"),
                new Row("dosimetry: zero dose grid", "dose grid", "dosimetry", "{d}/study.json", "--out", "{d}/run-out",
                        "--dose-grid-mm", "0"),
                new Row("dosimetry: NaN dose grid", "dose grid", "dosimetry", "{d}/study.json", "--out", "{d}/run-out",
                        "--dose-grid-mm", "NaN"),
                new Row("dosimetry: negative margin", "margin", "dosimetry", "{d}/study.json", "--out", "{d}/run-out",
                        "--method", "margin", "--margin-mm", "-3"),
                new Row("dosimetry: zero FWHM", "FWHM", "dosimetry", "{d}/study.json", "--out", "{d}/run-out", "--fwhm-mm", "0"),
                new Row("dosimetry: NaN density", "density", "dosimetry", "{d}/study.json", "--out", "{d}/run-out",
                        "--density", "NaN"),
                new Row("dosimetry: infinite PSF sigma", "sigma", "dosimetry", "{d}/study.json", "--out", "{d}/run-out",
                        "--method", "gaussian_psf", "--psf-sigma-mm", "Infinity"),
                new Row("dosimetry: unknown --method", "--method", "dosimetry", "{d}/study.json", "--out", "{d}/run-out",
                        "--method", "guess"),
                new Row("dosimetry: unknown --fit", "--fit", "dosimetry", "{d}/study.json", "--out", "{d}/run-out", "--fit",
                        "cubic"),
                new Row("dosimetry: output is a file", "a-file.txt: is a file, not a folder", "dosimetry", "{d}/study.json", "--out", "{d}/a-file.txt"),
                new Row("dosimetry: output is the manifest", "study.json: is a file, not a folder", "dosimetry", "{d}/study.json", "--out",
                        "{d}/study.json"),
                // simulate
                new Row("simulate: --from-ct without --labels", "--from-ct and --labels go together", "simulate", "--out",
                        "{d}/sim-out", "--from-ct", "{d}/ct.nii.gz"),
                new Row("simulate: missing CT", "nothing.nii.gz: no such file or folder", "simulate", "--out", "{d}/sim-out",
                        "--from-ct", "{d}/nothing.nii.gz", "--labels", "{d}/labels.nii.gz"),
                new Row("simulate: labels on another grid", "small-labels.nii.gz", "simulate", "--out", "{d}/sim-out",
                        "--from-ct", "{d}/ct.nii.gz", "--labels", "{d}/small-labels.nii.gz"),
                new Row("simulate: output folder holds the inputs", "which the output could overwrite", "simulate", "--out", "{d}",
                        "--from-ct", "{d}/ct.nii.gz", "--labels", "{d}/labels.nii.gz"),
                new Row("simulate: output is a file", "a-file.txt: is a file, not a folder", "simulate", "--out", "{d}/a-file.txt", "--from-ct",
                        "{d}/ct.nii.gz", "--labels", "{d}/labels.nii.gz"),
                new Row("simulate: negative motion", "motion", "simulate", "--out", "{d}/sim-out", "--from-ct", "{d}/ct.nii.gz",
                        "--labels", "{d}/labels.nii.gz", "--motion-mm", "-2"),
                new Row("simulate: NaN motion", "motion", "simulate", "--out", "{d}/sim-out", "--from-ct", "{d}/ct.nii.gz",
                        "--labels", "{d}/labels.nii.gz", "--motion-mm", "NaN"),
                new Row("simulate: unknown --phase", "--phase", "simulate", "--out", "{d}/sim-out", "--phase", "purple"),
                // report
                new Row("report: missing results", "nothing.json: file not found", "report", "{d}/nothing.json", "--out",
                        "{d}/report-out.html"),
                new Row("report: malformed results", "malformed.json", "report", "{d}/malformed.json", "--out",
                        "{d}/report-out.html"),
                new Row("report: output equal to input", "would overwrite", "report", "{d}/run/results.json", "--out",
                        "{d}/run/results.json"),
                new Row("report: output is a folder", "folder.nii.gz: is a folder, not a file", "report", "{d}/run/results.json",
                        "--out", "{d}/folder.nii.gz"),
                new Row("report: missing reference", "nothing.json", "report", "{d}/run/results.json", "--out",
                        "{d}/report-out.html", "--reference", "{d}/nothing.json"),
                // train
                new Row("train: missing data folder", "nothing", "train", "{d}/nothing", "--out", "{d}/model-out"),
                new Row("train: data folder without cases", "empty", "train", "{d}/empty", "--out", "{d}/model-out"),
                new Row("train: zero epochs", "epochs, steps per epoch and batch size must be positive", "train", "{d}/empty", "--out", "{d}/model-out", "--epochs", "0"),
                new Row("train: negative batch", "epochs, steps per epoch and batch size must be positive", "train", "{d}/empty", "--out", "{d}/model-out", "--batch", "-1"),
                new Row("train: unknown architecture", "--architecture", "train", "{d}/empty", "--out", "{d}/model-out",
                        "--architecture", "transformer"),
                new Row("train: output is a file", "a-file.txt: is a file, not a folder", "train", "{d}/empty", "--out", "{d}/a-file.txt"),
                // ensemble
                new Row("ensemble: missing model", "nothing", "ensemble", "{d}/nothing", "--out", "{d}/ensemble-out"),
                new Row("ensemble: output folder not empty", "not-empty", "ensemble", "{d}/empty", "--out", "{d}/not-empty"),
                // bench
                new Row("bench io: missing file", "nothing.nii.gz: no such file or folder", "bench", "io", "{d}/nothing.nii.gz"),
                new Row("bench io: zero repeats", "--repeats", "bench", "io", "{d}/ct.nii.gz", "--repeats", "0"));
    }

    @BeforeAll
    static void writeFixture() throws Exception {
        TinyStudy.write(fixture);
        Files.write(fixture.resolve("garbage.nii"), new byte[] {1, 2, 3, 4, 5});
        byte[] ct = Files.readAllBytes(fixture.resolve("ct.nii.gz"));
        Files.write(fixture.resolve("truncated.nii.gz"), Arrays.copyOf(ct, ct.length / 2));
        Files.writeString(fixture.resolve("malformed.json"), "{\"radionuclide\": \"Lu-177\", \"timepoints\": [");
        Files.writeString(fixture.resolve("a-file.txt"), "not a folder\n");
        Files.createDirectory(fixture.resolve("empty"));
        Files.createDirectory(fixture.resolve("folder.nii.gz"));
        Files.createDirectory(fixture.resolve("not-empty"));
        Files.writeString(fixture.resolve("not-empty/keep.txt"), "something\n");
        LabelMap small = new LabelMap(Geometry.axisAligned(5, 5, 5, new double[] {1, 1, 1}, new double[3]));
        small.set(2, 2, 2, Organ.LIVER.label());
        ImageFiles.writeLabels(small, fixture.resolve("small-labels.nii.gz"));
        Files.writeString(fixture.resolve("ct-as-spect.json"), TinyStudy.manifest("ct.nii.gz", "ct.nii.gz"));
        Files.writeString(fixture.resolve("spect-as-ct.json"), TinyStudy.manifest("spect_1.nii.gz", "spect_1.nii.gz"));
        Files.writeString(fixture.resolve("missing-spect.json"), TinyStudy.manifest("spect_missing.nii.gz", "ct.nii.gz"));
        CommandLineTest.Run run = CommandLineTest.run("dosimetry", fixture.resolve("study.json").toString(), "--out",
                fixture.resolve("run").toString(), "--no-report");
        assertThat(run.exitCode()).as("the fixture study itself is good: " + run.err()).isZero();
    }

    @Test
    void theFixtureIsGoodInputForEveryCommandItFeeds() {
        assertThat(CommandLineTest.run("info", fixture.resolve("ct.nii.gz").toString()).exitCode()).isZero();
        CommandLineTest.Run evaluate = CommandLineTest.run("evaluate", "--pred", fixture.resolve("labels.nii.gz").toString(),
                "--ref", fixture.resolve("labels.nii.gz").toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(fixture.resolve("run/results.json")).isRegularFile();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void badInputIsExitTwoWithOneLineAndNothingChanged(Row row) throws IOException {
        Map<Path, String> before = snapshot();
        CommandLineTest.Run run = CommandLineTest.run(row.resolved());
        List<String> errLines = run.err().lines().filter(l -> !l.isBlank()).toList();
        List<String> messages = errLines.stream().filter(l -> l.startsWith("organdose: ")).toList();
        List<String> others = errLines.stream().filter(l -> !l.startsWith("organdose: ") && !isProgress(l)).toList();
        // the table as it stands, for the record: row, exit code, message (fixture path shortened)
        System.out.println("bad input | " + row + " | " + run.exitCode() + " | "
                + String.join(" / ", messages).replace(fixture.toString(), "D"));
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(messages).as("one message line; stderr: %s", run.err()).hasSize(1);
        assertThat(messages.get(0)).contains(row.expected()).doesNotContain("internal error");
        assertThat(others).as("nothing but progress besides the message").isEmpty();
        assertThat(run.out() + run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(snapshot()).as("inputs unchanged, no output left").isEqualTo(before);
    }

    private static boolean isProgress(String line) {
        return line.matches("\\[\\s*\\d+%] .*");
    }

    /** Every file and folder under the fixture, with the SHA-256 of each file's bytes. */
    private static Map<Path, String> snapshot() throws IOException {
        Map<Path, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(fixture)) {
            for (Path p : walk.toList()) {
                hashes.put(fixture.relativize(p), Files.isDirectory(p) ? "folder" : sha256(p));
            }
        }
        return hashes;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A study small enough for a dosimetry run of about a second: a 24 x 24 x 12 CT of 2 mm voxels
     * (air around a 40 HU body) with four box organs, and SPECTs at 1, 24, 72 and 120 h on a 4 mm
     * grid whose organs clear mono-exponentially.
     */
    static final class TinyStudy {
        static final double[] HOURS = {1, 24, 72, 120};

        private TinyStudy() {
        }

        static void write(Path dir) throws IOException {
            Geometry ctGrid = Geometry.axisAligned(24, 24, 12, new double[] {2, 2, 2}, new double[] {0, 0, 0});
            Geometry spectGrid = Geometry.axisAligned(12, 12, 6, new double[] {4, 4, 4}, new double[] {1, 1, 1});
            Volume ct = new Volume(ctGrid);
            LabelMap labels = new LabelMap(ctGrid);
            for (int k = 0; k < 12; k++) {
                for (int j = 0; j < 24; j++) {
                    for (int i = 0; i < 24; i++) {
                        boolean body = i >= 2 && i < 22 && j >= 2 && j < 22;
                        ct.set(i, j, k, body ? 40 : -1000);
                        labels.set(i, j, k, organAt(i, j, k));
                    }
                }
            }
            ImageFiles.write(ct, StorageType.INT16, dir.resolve("ct.nii.gz"));
            ImageFiles.writeLabels(labels, dir.resolve("labels.nii.gz"));
            for (double h : HOURS) {
                Volume spect = new Volume(spectGrid);
                for (int k = 0; k < 6; k++) {
                    for (int j = 0; j < 12; j++) {
                        for (int i = 0; i < 12; i++) {
                            double bqPerMl = labels.get(2 * i, 2 * j, 2 * k) == 0 ? 1e3 : 2e5;
                            spect.set(i, j, k, (float) (bqPerMl * Math.pow(0.5, h / 60)));
                        }
                    }
                }
                ImageFiles.write(spect, StorageType.FLOAT32, dir.resolve("spect_" + (int) h + ".nii.gz"));
            }
            Files.writeString(dir.resolve("study.json"), manifest("spect_1.nii.gz", "ct.nii.gz"));
        }

        private static int organAt(int i, int j, int k) {
            if (k < 3 || k > 9) {
                return 0;
            }
            if (i >= 4 && i < 12 && j >= 4 && j < 12) {
                return Organ.LIVER.label();
            }
            if (i >= 14 && i < 18 && j >= 4 && j < 8) {
                return Organ.KIDNEY_RIGHT.label();
            }
            if (i >= 14 && i < 18 && j >= 14 && j < 18) {
                return Organ.KIDNEY_LEFT.label();
            }
            return i >= 4 && i < 10 && j >= 14 && j < 20 ? Organ.SPLEEN.label() : 0;
        }

        /** The manifest, with the first time point's SPECT and CT as given (the others are good). */
        static String manifest(String firstSpect, String firstCt) {
            StringBuilder m = new StringBuilder("{\"radionuclide\": \"Lu-177\", \"injected_activity_MBq\": 7400,"
                    + " \"diagnostic_ct\": \"ct.nii.gz\", \"diagnostic_labels\": \"labels.nii.gz\", \"timepoints\": [");
            for (int t = 0; t < HOURS.length; t++) {
                int h = (int) HOURS[t];
                m.append(t > 0 ? ", " : "").append("{\"hours\": ").append(h).append(", \"spect\": \"")
                        .append(t == 0 ? firstSpect : "spect_" + h + ".nii.gz").append("\", \"ct\": \"")
                        .append(t == 0 ? firstCt : "ct.nii.gz").append("\", \"spect_units\": \"Bq/mL\", \"labels\": \"labels.nii.gz\"}");
            }
            return m.append("]}").toString();
        }
    }
}
