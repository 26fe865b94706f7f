package org.organdose.dosimetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.SharedData;

/**
 * The check: the moving study with the diagnostic CT's labels only. No session CT has
 * labels, so the pipeline registers each to the diagnostic CT, carries
 * the labels through the transform and brings the SPECT into the diagnostic frame; the results
 * must reach the static study's targets (kidney TIA ±5 %, kidney mean dose ±8 %, liver and
 * spleen ±10 %) and record each transform. The true motion is the origin shift of each session
 * CT (its voxels are the diagnostic CT's).
 */
class MovingStudyRegistrationEndToEndTest {
    @Test
    void diagnosticLabelsOnlyReachTheTargets(@TempDir Path tmp) throws Exception {
        Path dir = SharedData.resolve("studies/ircad-1.1-lu177-moving");
        Path kernel = SharedData.resolve("dosimetry/vsv-lu177-lanconelli2012/177Lu3mmsoft.txt");
        Path study = tmp.resolve("study.json");
        ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(dir.resolve("study.json").toFile());
        manifest.put("diagnostic_ct", dir.resolve("ct.nii.gz").toString());
        manifest.put("diagnostic_labels", dir.resolve("truth_labels.nii.gz").toString());
        for (JsonNode tp : manifest.get("timepoints")) {
            ((ObjectNode) tp).put("ct", dir.resolve(tp.get("ct").asText()).toString());
            ((ObjectNode) tp).put("spect", dir.resolve(tp.get("spect").asText()).toString());
        }
        new ObjectMapper().writeValue(study.toFile(), manifest);
        DosimetryResults r = DosimetryPipeline.run(StudyManifest.read(study), DosimetrySettings.defaults().withKernel(DoseKernel.fromFile(kernel)),
                ProgressListener.NONE);

        JsonNode truth = new ObjectMapper().readTree(dir.resolve("truth.json").toFile()).get("organs");
        StringBuilder table = new StringBuilder("moving study, diagnostic labels + registration: organ TIA% mean% D30% D70%\n");
        for (OrganResult o : r.organs()) {
            JsonNode t = truth.get(o.organ().key());
            double tia = o.tiaMBqH() / t.get("tia_MBq_h").asDouble() - 1;
            double mean = o.meanDoseGy() / t.get("mean_dose_Gy").asDouble() - 1;
            table.append(String.format(Locale.ROOT, "%s %+.1f %+.1f %+.1f %+.1f%n", o.organ().key(), 100 * tia, 100 * mean,
                    100 * (o.dvh().doseCoveringPercentGy(30) / t.get("D30_Gy").asDouble() - 1),
                    100 * (o.dvh().doseCoveringPercentGy(70) / t.get("D70_Gy").asDouble() - 1)));
            boolean kidney = o.organ().key().startsWith("kidney");
            assertThat(tia).as(o.organ() + " TIA").isBetween(kidney ? -0.05 : -0.10, kidney ? 0.05 : 0.10);
            assertThat(mean).as(o.organ() + " mean dose").isBetween(kidney ? -0.08 : -0.10, kidney ? 0.08 : 0.10);
        }
        System.out.print(table);

        @SuppressWarnings("unchecked")
        Map<String, Object> registration = (Map<String, Object>) r.settings().get("registration");
        @SuppressWarnings("unchecked")
        List<RegistrationRecord> transforms = (List<RegistrationRecord>) registration.get("timepoints");
        // every session is registered; 0.5 h, where the patient lies as in the diagnostic CT, is found not to have moved
        assertThat(transforms).extracting(RegistrationRecord::hours).containsExactly(0.5, 6.0, 24.0, 72.0);
        assertThat(transforms).extracting(RegistrationRecord::motionNegligible).containsExactly(true, false, false, false);
        double[][] trueShifts = {{0, 0, 0}, {-0.157, -4.396, 3.297}, {-4.389, -0.833, -0.103}, {3.605, 5.338, -3.966}};
        for (int i = 0; i < 4; i++) {
            double[] translation = transforms.get(i).translationMm();
            for (int a = 0; a < 3; a++) {
                assertThat(translation[a]).isCloseTo(trueShifts[i][a], within(0.2));
            }
        }
        assertThat(r.warnings()).filteredOn(w -> w.contains("registered to the diagnostic CT")).hasSize(3);
        assertThat(r.warnings()).noneMatch(w -> w.contains("misaligned"));
        ResultsWriter.write(r, tmp.resolve("out"));
        JsonNode written = new ObjectMapper().readTree(tmp.resolve("out").resolve(ResultsWriter.RESULTS_JSON).toFile())
                .get("settings").get("registration");
        assertThat(written.get("timepoints").get(3).get("translation_mm").get(0).asDouble()).isCloseTo(3.605, within(0.2));
        assertThat(written.get("timepoints").get(3).get("matrix_lps")).hasSize(16);
        assertThat(written.get("method").get("metric").asText()).contains("normalised cross-correlation");
        for (String w : r.warnings()) {
            System.out.println("warning: " + w);
        }
        System.out.println("alignment QA: " + r.settings().get("alignment_qa"));
    }
}
