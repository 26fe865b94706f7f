package org.organdose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.MedicalImage;
import org.organdose.image.io.ReadOptions;
import org.organdose.image.io.StorageType;
import org.organdose.image.io.dicom.SyntheticExport;
import org.organdose.image.io.dicom.SyntheticExport.Administration;

/**
 * {@code import} on a synthetic flat export, then {@code dosimetry} on its manifest and on the
 * export folder itself: the same results as a hand-written manifest of the same series converted
 * to NIfTI, so the series UIDs resolve to the very images they name. Organ labels are given, so
 * no network runs.
 */
class ImportCommandTest {
    private static final LocalDateTime INJECTION = LocalDateTime.of(2026, 3, 2, 10, 0);
    private static final String DIAGNOSTIC = "1.5.0.1";
    private static final String[] SPECTS = {"1.5.1.2", "1.5.2.2"};
    private static final String[] CTS = {"1.5.1.1", "1.5.2.1"};
    private static final double[] HOURS = {4, 24.5};

    @TempDir
    Path dir;

    private Path export() throws Exception {
        Path export = Files.createDirectories(dir.resolve("export"));
        SyntheticExport e = new SyntheticExport(export);
        Administration lu = new Administration("^177^Lutetium", Double.NaN, 7.4e9, INJECTION, false);
        e.ct("1.5.0", DIAGNOSTIC, "1.5.0.100", INJECTION.minusDays(7), 12);
        for (int t = 0; t < 2; t++) {
            String study = "1.5." + (t + 1);
            LocalDateTime at = INJECTION.plusMinutes(Math.round(HOURS[t] * 60));
            e.localizer(study, study + ".4", study + ".100", at.minusMinutes(15));
            e.ct(study, CTS[t], study + ".100", at.minusMinutes(10), 10);
            e.spect(study, SPECTS[t], study + ".100", at, "BQML", "ATTN\\SCAT", 2000, lu);
            e.spect(study, study + ".3", study + ".100", at, "CNTS", "DECY", 1, lu);
        }
        e.notDicom("DICOMDIR.txt");
        return export;
    }

    @Test
    void importThenDosimetryReadsTheSameImagesAsAHandWrittenManifest() throws Exception {
        Path export = export();
        Path manifest = dir.resolve("study.json");
        CommandLineTest.Run imported = CommandLineTest.run("import", export.toString(), "--out", manifest.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("39 files, 9 image series; skipped 1 not DICOM")
                .containsPattern("1\\.5\\.1\\.2 +NM +quantitative SPECT +8 .*spect 1")
                .containsPattern("1\\.5\\.2\\.3 +NM +SPECT without attenuation correction")
                .containsPattern("1\\.5\\.0\\.1 +CT +CT volume +12 .*diagnostic")
                .contains("session 24.50 h: SPECT 1.5.2.2 (BQML), CT 1.5.2.1");
        assertThat(imported.err()).doesNotContain("warning:");

        Path diagnosticLabels = labels(export, DIAGNOSTIC, "labels_diagnostic.nii.gz");
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(manifest.toFile());
        root.put("diagnostic_labels", diagnosticLabels.getFileName().toString());
        ArrayNode tps = (ArrayNode) root.get("timepoints");
        StringBuilder hand = new StringBuilder("{\"radionuclide\": \"Lu-177\", \"injected_activity_MBq\": 7400,"
                + " \"diagnostic_ct\": \"" + nifti(export, DIAGNOSTIC, "ct.nii.gz") + "\", \"diagnostic_labels\": \""
                + diagnosticLabels.getFileName() + "\", \"timepoints\": [");
        for (int t = 0; t < 2; t++) {
            assertThat(tps.get(t).get("hours").asDouble()).isEqualTo(HOURS[t]);
            Path labels = labels(export, CTS[t], "labels_" + t + ".nii.gz");
            ((ObjectNode) tps.get(t)).put("labels", labels.getFileName().toString());
            hand.append(t == 0 ? "" : ", ").append("{\"hours\": ").append(HOURS[t]).append(", \"spect\": \"")
                    .append(nifti(export, SPECTS[t], "spect_" + t + ".nii.gz")).append("\", \"ct\": \"")
                    .append(nifti(export, CTS[t], "ct_" + t + ".nii.gz")).append("\", \"spect_units\": \"BQML\", \"labels\": \"")
                    .append(labels.getFileName()).append("\"}");
        }
        json.writeValue(manifest.toFile(), root);
        Files.writeString(dir.resolve("hand.json"), hand.append("]}").toString());

        CommandLineTest.Run fromImport = CommandLineTest.run("dosimetry", manifest.toString(), "--out", dir.resolve("a").toString());
        assertThat(fromImport.exitCode()).as(fromImport.err()).isZero();
        assertThat(dir.resolve("a/report.html")).exists();
        CommandLineTest.Run fromHand = CommandLineTest.run("dosimetry", dir.resolve("hand.json").toString(), "--out",
                dir.resolve("b").toString(), "--no-report");
        assertThat(fromHand.exitCode()).as(fromHand.err()).isZero();
        assertSameOrgans(json.readTree(dir.resolve("a/results.json").toFile()), json.readTree(dir.resolve("b/results.json").toFile()));

        // the export folder itself: imported into the output folder, then the same run
        CommandLineTest.Run fromFolder = CommandLineTest.run("dosimetry", export.toString(), "--out", dir.resolve("c").toString(),
                "--labels", diagnosticLabels.toString(), "--no-report");
        assertThat(fromFolder.exitCode()).as(fromFolder.err()).isZero();
        assertThat(dir.resolve("c/study.json")).exists();
        JsonNode c = json.readTree(dir.resolve("c/results.json").toFile());
        assertThat(c.get("inputs").get("diagnostic_ct_series_uid").asText()).isEqualTo(DIAGNOSTIC);
        for (String organ : new String[] {"liver", "spleen"}) {
            assertThat(c.get("organs").get(organ).get("mass_g").asDouble())
                    .isEqualTo(json.readTree(dir.resolve("b/results.json").toFile()).get("organs").get(organ).get("mass_g").asDouble());
        }
    }

    @Test
    void twoPatientsAreRefusedWithOneLine() throws Exception {
        Path export = export();
        new SyntheticExport(export).patient("OTHER").ct("1.4", "1.4.1", "1.4.100", INJECTION, 10);
        CommandLineTest.Run run = CommandLineTest.run("import", export.toString(), "--out", dir.resolve("study.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).singleElement().asString().contains("holds 2 patients");
        assertThat(dir.resolve("study.json")).doesNotExist();
    }

    /** Organ activities and doses agree to float rounding: the same voxels went in. */
    private static void assertSameOrgans(JsonNode a, JsonNode b) {
        for (Iterator<Map.Entry<String, JsonNode>> it = b.get("organs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> organ = it.next();
            JsonNode x = a.get("organs").get(organ.getKey());
            JsonNode y = organ.getValue();
            for (String key : new String[] {"mass_g", "tia_MBq_h", "mean_dose_Gy"}) {
                double expected = y.get(key).asDouble();
                assertThat(x.get(key).asDouble()).as(organ.getKey() + " " + key).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
            }
        }
    }

    /** One series of the export as NIfTI, through the plain reader; its file name. */
    private Path nifti(Path export, String uid, String name) throws Exception {
        MedicalImage image = ImageFiles.read(export, new ReadOptions(uid));
        ImageFiles.write(image.volume(), StorageType.FLOAT32, dir.resolve(name));
        return dir.resolve(name).getFileName();
    }

    /** Four organ blocks on the grid of a CT series inside a one-voxel rim of body: liver x 1-3, kidneys x 4-5 (y halves), spleen x 6. */
    private Path labels(Path export, String ctUid, String name) throws Exception {
        Geometry g = ImageFiles.read(export, new ReadOptions(ctUid)).volume().geometry();
        LabelMap labels = new LabelMap(g);
        for (int k = 1; k < g.nz() - 1; k++) {
            for (int j = 1; j < g.ny() - 1; j++) {
                for (int i = 1; i < g.nx() - 1; i++) {
                    labels.set(i, j, k, i < 4 ? 1 : i < 6 ? (j < g.ny() / 2 ? 2 : 3) : 4);
                }
            }
        }
        ImageFiles.writeLabels(labels, dir.resolve(name));
        return dir.resolve(name);
    }
}
