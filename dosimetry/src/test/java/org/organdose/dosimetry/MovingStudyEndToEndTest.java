package org.organdose.dosimetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.LabelMap;
import org.organdose.image.SharedData;
import org.organdose.image.io.ImageFiles;

/**
 * The simulated study where the patient moves between sessions. Its low-dose CTs hold the
 * diagnostic CT's voxels on shifted grids, so the true labels on each session's grid are the
 * diagnostic labels' voxels on that grid: given as per-time-point labels, they must give the
 * static study's accuracy. The pipeline still registers each moved session CT to bring its SPECT
 * into the diagnostic frame, and reports how well the carried diagnostic labels match the session's own.
 */
class MovingStudyEndToEndTest {
    @Test
    void perTimePointLabelsFollowThePatient(@TempDir Path tmp) throws Exception {
        Path dir = SharedData.resolve("studies/ircad-1.1-lu177-moving");
        Path kernel = SharedData.resolve("dosimetry/vsv-lu177-lanconelli2012/177Lu3mmsoft.txt");
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("study.json").toFile());
        LabelMap truthLabels = ImageFiles.readLabels(dir.resolve("truth_labels.nii.gz"));
        StringBuilder timePoints = new StringBuilder();
        for (JsonNode tp : manifest.get("timepoints")) {
            Path ct = dir.resolve(tp.get("ct").asText());
            Path labels = tmp.resolve("labels_" + tp.get("hours").asText() + ".nii.gz");
            ImageFiles.writeLabels(new LabelMap(ImageFiles.read(ct).volume().geometry(), truthLabels.labels()), labels);
            timePoints.append(timePoints.length() > 0 ? "," : "").append(String.format(Locale.ROOT,
                    "{\"hours\": %s, \"spect\": \"%s\", \"ct\": \"%s\", \"spect_units\": \"%s\", \"labels\": \"%s\"}",
                    tp.get("hours").asText(), dir.resolve(tp.get("spect").asText()), ct, tp.get("spect_units").asText(), labels));
        }
        Path study = tmp.resolve("study.json");
        Files.writeString(study, String.format(Locale.ROOT, "{\"radionuclide\": \"Lu-177\", \"diagnostic_ct\": \"%s\","
                + " \"diagnostic_labels\": \"%s\", \"timepoints\": [%s]}", dir.resolve("ct.nii.gz"),
                dir.resolve("truth_labels.nii.gz"), timePoints));
        DosimetryResults r = DosimetryPipeline.run(StudyManifest.read(study),
                DosimetrySettings.defaults().withKernel(DoseKernel.fromFile(kernel)), ProgressListener.NONE);
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("truth.json").toFile()).get("organs");
        StringBuilder table = new StringBuilder("moving study, per-time-point labels: organ TIA% mean%\n");
        for (OrganResult o : r.organs()) {
            JsonNode t = truth.get(o.organ().key());
            double tia = o.tiaMBqH() / t.get("tia_MBq_h").asDouble() - 1;
            double mean = o.meanDoseGy() / t.get("mean_dose_Gy").asDouble() - 1;
            table.append(String.format(Locale.ROOT, "%s %+.1f %+.1f%n", o.organ().key(), 100 * tia, 100 * mean));
            boolean kidney = o.organ().key().startsWith("kidney");
            assertThat(tia).as(o.organ() + " TIA").isBetween(kidney ? -0.05 : -0.10, kidney ? 0.05 : 0.10);
            assertThat(mean).as(o.organ() + " mean dose").isBetween(kidney ? -0.08 : -0.10, kidney ? 0.08 : 0.10);
        }
        System.out.print(table);
        // the moved sessions are also registered (for the dose map's frame); the diagnostic labels carried through the
        // registration agree with the sessions' own labels
        assertThat(r.warnings()).filteredOn(w -> w.contains("agree with its own with Dice")).hasSize(3)
                .allMatch(w -> w.matches(".*Dice( \\w+ (0\\.9[5-9]\\d|1\\.000),?)+$"), "Dice of every organ at least 0.95");
        r.warnings().stream().filter(w -> w.contains("Dice")).forEach(System.out::println);
    }
}
