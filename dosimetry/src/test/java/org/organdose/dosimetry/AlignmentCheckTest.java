package org.organdose.dosimetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.SharedData;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.StorageType;

/**
 * The misalignment QA on the static study: aligned sessions stay quiet; a 24 h SPECT whose
 * header puts it 15 mm off its CT (as after a patient move between the CT and SPECT scans) is
 * flagged. Measured: centroid offsets of aligned organs 1.2-3.4 mm, the shifted session's 7.7-12.6 mm;
 * activity just outside the masks -0.5 to +4.6 % of the organ's when aligned, +2.0 to +18.7 % shifted.
 */
class AlignmentCheckTest {
    @Test
    void flagsTheSessionWhoseSpectIsOffItsCt(@TempDir Path tmp) throws Exception {
        Path dir = SharedData.resolve("studies/ircad-1.1-lu177-static");
        Volume spect = ImageFiles.read(dir.resolve("spect_24h.nii.gz")).volume();
        Geometry g = spect.geometry();
        double[] origin = g.origin();
        origin[1] += 15;
        Path shifted = tmp.resolve("spect_24h_shifted.nii.gz");
        ImageFiles.write(new Volume(g.with(g.nx(), g.ny(), g.nz(), g.spacing(), origin), spect.voxels()), StorageType.FLOAT32,
                shifted);

        ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(dir.resolve("study.json").toFile());
        manifest.put("diagnostic_ct", dir.resolve("ct.nii.gz").toString());
        manifest.put("diagnostic_labels", dir.resolve("truth_labels.nii.gz").toString());
        for (JsonNode tp : manifest.get("timepoints")) {
            ((ObjectNode) tp).put("ct", dir.resolve(tp.get("ct").asText()).toString());
            boolean moved = tp.get("hours").asDouble() == 24;
            ((ObjectNode) tp).put("spect", moved ? shifted.toString() : dir.resolve(tp.get("spect").asText()).toString());
        }
        Path study = tmp.resolve("study.json");
        new ObjectMapper().writeValue(study.toFile(), manifest);
        // the static study's sessions lie in the diagnostic frame: no registration needed to see the shifted SPECT
        DosimetryResults r = DosimetryPipeline.run(StudyManifest.read(study), DosimetrySettings.defaults().withRegistration(null),
                ProgressListener.NONE);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> qa = (List<Map<String, Object>>) ((Map<String, Object>) r.settings().get("alignment_qa"))
                .get("timepoints");
        qa.forEach(System.out::println);
        List<String> flagged = r.warnings().stream().filter(w -> w.contains("misaligned")).toList();
        flagged.forEach(System.out::println);
        assertThat(flagged).isNotEmpty().allMatch(w -> w.startsWith("timepoints[2] (24.0 h)"));
        // the offset underestimates the shift (the compared region is tied to the CT mask), but every organ of the
        // shifted session reads farther off than any organ of the aligned ones
        double alignedMax = 0;
        double shiftedMin = Double.POSITIVE_INFINITY;
        for (Map<String, Object> tp : qa) {
            @SuppressWarnings("unchecked")
            Map<String, Double> offsets = (Map<String, Double>) tp.get("activity_centroid_offset_mm");
            for (double mm : offsets.values()) {
                if ((Double) tp.get("hours") == 24.0) {
                    shiftedMin = Math.min(shiftedMin, mm);
                } else {
                    alignedMax = Math.max(alignedMax, mm);
                }
            }
        }
        assertThat(alignedMax).isLessThan(5);
        assertThat(shiftedMin).isGreaterThan(alignedMax);

        // just outside the masks: aligned sessions hold what the resolution spills there, the shifted one much more
        double alignedExcess = Double.NEGATIVE_INFINITY;
        double shiftedExcess = Double.NEGATIVE_INFINITY;
        for (Map<String, Object> tp : qa) {
            @SuppressWarnings("unchecked")
            Map<String, Double> excess = (Map<String, Double>) tp.get("outside_activity_excess_percent");
            for (double percent : excess.values()) {
                if ((Double) tp.get("hours") == 24.0) {
                    shiftedExcess = Math.max(shiftedExcess, percent);
                } else {
                    alignedExcess = Math.max(alignedExcess, Math.abs(percent));
                }
            }
        }
        assertThat(alignedExcess).isLessThan(AlignmentCheck.OUTSIDE_EXCESS_FLAG_PERCENT);
        assertThat(shiftedExcess).isGreaterThan(AlignmentCheck.OUTSIDE_EXCESS_FLAG_PERCENT);
        assertThat(r.warnings()).filteredOn(w -> w.contains("just outside its mask"))
                .isNotEmpty().allMatch(w -> w.startsWith("timepoints[2] (24.0 h)"));
    }
}
