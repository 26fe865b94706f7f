package org.organdose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.SharedData;

/** The simulate command prints the truth it wrote (the truth itself is checked in the phantom module). */
class SimulateCommandTest {
    @TempDir
    Path dir;

    @Test
    void printedTruthIsTheWrittenTruth() throws IOException {
        Path shared = SharedData.resolve("studies/ircad-1.1-lu177-static");
        Path out = dir.resolve("study");
        CommandLineTest.Run run = CommandLineTest.run("simulate", "--out", out.toString(), "--from-ct",
                shared.resolve("ct.nii.gz").toString(), "--labels", shared.resolve("truth_labels.nii.gz").toString(),
                "--motion-mm", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode organs = new ObjectMapper().readTree(out.resolve("truth.json").toFile()).get("organs");
        for (String organ : new String[] {"liver", "kidney_right", "kidney_left", "spleen"}) {
            JsonNode t = organs.get(organ);
            String row = run.out().lines().filter(l -> l.startsWith(organ + " ")).findFirst().orElseThrow();
            assertThat(row.trim().split("\\s+")).containsExactly(organ,
                    String.format(Locale.ROOT, "%.1f", t.get("mass_g").asDouble()),
                    String.format(Locale.ROOT, "%.1f", t.get("tia_MBq_h").asDouble()),
                    String.format(Locale.ROOT, "%.3f", t.get("mean_dose_Gy").asDouble()));
        }
        assertThat(out.resolve("study.json")).exists();
    }

    @Test
    void labelsOnAnotherGridAreBadInput() throws IOException {
        Path shared = SharedData.resolve("studies/ircad-1.1-lu177-static");
        CommandLineTest.Run run = CommandLineTest.run("simulate", "--out", dir.resolve("s").toString(), "--from-ct",
                shared.resolve("spect_6h.nii.gz").toString(), "--labels", shared.resolve("truth_labels.nii.gz").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("truth_labels.nii.gz");
        assertThat(dir.resolve("s/study.json")).doesNotExist();
    }
}
