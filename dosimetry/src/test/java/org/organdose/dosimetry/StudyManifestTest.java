package org.organdose.dosimetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyManifestTest {
    @TempDir
    Path dir;
    private Path study;

    @BeforeEach
    void files() throws Exception {
        for (String f : new String[] {"ct.nii.gz", "labels.nii.gz", "s1.nii.gz", "c1.nii.gz", "s2.nii.gz", "c2.nii.gz"}) {
            Files.writeString(dir.resolve(f), "");
        }
        study = dir.resolve("study.json");
    }

    private StudyManifest read(String json) throws Exception {
        Files.writeString(study, json);
        return StudyManifest.read(study);
    }

    private static String manifest(String top, String tp1, String tp2) {
        return "{\"radionuclide\": \"Lu-177\", \"injected_activity_MBq\": 7400, \"diagnostic_ct\": \"ct.nii.gz\"" + top
                + ", \"timepoints\": [{\"hours\": 0.5, \"spect\": \"s1.nii.gz\", \"ct\": \"c1.nii.gz\", \"spect_units\": \"Bq/mL\"" + tp1 + "},"
                + " {\"hours\": 24, \"spect\": \"s2.nii.gz\", \"ct\": \"c2.nii.gz\"" + tp2 + "}]}";
    }

    @Test
    void aMissingManifestOrAFolderIsNamedAsSuch() {
        assertThatThrownBy(() -> StudyManifest.read(dir.resolve("none.json"))).isInstanceOf(DosimetryInputException.class)
                .hasMessage(dir.resolve("none.json") + ": file not found");
        assertThatThrownBy(() -> StudyManifest.read(dir)).isInstanceOf(DosimetryInputException.class)
                .hasMessage(dir + ": is a folder, not a study manifest (a .json file)");
    }

    @Test
    void readsAValidManifest() throws Exception {
        StudyManifest m = read(manifest(", \"diagnostic_labels\": \"labels.nii.gz\"", "", ", \"spect_units\": \"BQML\""));
        assertThat(m.radionuclide()).isSameAs(Radionuclides.LU_177);
        assertThat(m.injectedActivityMBq()).isEqualTo(7400);
        assertThat(m.diagnosticLabels()).isEqualTo(dir.resolve("labels.nii.gz"));
        assertThat(m.hours()).containsExactly(0.5, 24);
        assertThat(m.timePoints().get(0).spectUnits()).isEqualTo("Bq/mL");
        assertThat(m.timePoints().get(1).spect()).isEqualTo(ImageLocation.of(dir.resolve("s2.nii.gz")));
        assertThat(m.timePoints().get(1).labels()).isNull();
    }

    @Test
    void timesMustIncrease() {
        String json = manifest("", "", "").replace("\"hours\": 24", "\"hours\": 0.5");
        assertThatThrownBy(() -> read(json)).isInstanceOf(DosimetryInputException.class)
                .hasMessage(study + ": timepoints[1].hours must be greater than timepoints[0].hours (0.5 <= 0.5)");
    }

    @Test
    void timesMustBePositive() {
        String json = manifest("", "", "").replace("\"hours\": 0.5", "\"hours\": -1");
        assertThatThrownBy(() -> read(json)).hasMessage(study + ": timepoints[0].hours must be positive, got -1");
    }

    @Test
    void missingFilesAreNamedWithTheirField() throws Exception {
        Files.delete(dir.resolve("s2.nii.gz"));
        assertThatThrownBy(() -> read(manifest("", "", ""))).hasMessageStartingWith(study + ": timepoints[1].spect: file not found: ");
    }

    @Test
    void unsupportedUnitsAreRefused() {
        String json = manifest("", ", \"spect_units\": \"counts\"", "").replace("\"spect_units\": \"Bq/mL\", ", "");
        assertThatThrownBy(() -> read(json)).hasMessageContaining("timepoints[0].spect_units 'counts' is not supported")
                .hasMessageContaining("kBq/mL");
    }

    @Test
    void imagesMayBeSeriesOfADicomFolder() throws Exception {
        Files.createDirectories(dir.resolve("export"));
        String series = "{\"dicom_dir\": \"export\", \"series_uid\": \"1.2.3\"}";
        StudyManifest m = read(manifest("", "", "").replace("\"ct.nii.gz\"", series));
        assertThat(m.diagnosticCt()).isEqualTo(new ImageLocation(dir.resolve("export"), "1.2.3"));
        assertThat(m.timePoints().get(0).ct()).isEqualTo(ImageLocation.of(dir.resolve("c1.nii.gz")));
        assertThatThrownBy(() -> read(manifest("", "", "").replace("\"ct.nii.gz\"", "{\"dicom_dir\": \"export\"}")))
                .hasMessage(study + ": diagnostic_ct.series_uid is missing");
        assertThatThrownBy(() -> read(manifest("", "", "").replace("\"ct.nii.gz\"",
                "{\"dicom_dir\": \"labels.nii.gz\", \"series_uid\": \"1\"}")))
                .hasMessage(study + ": diagnostic_ct.dicom_dir: not a folder: " + dir.resolve("labels.nii.gz"));
        assertThatThrownBy(() -> read(manifest("", "", "").replace("\"ct.nii.gz\"",
                "{\"dicom_dir\": \"export\", \"series\": \"1\"}")))
                .hasMessageContaining("unknown field diagnostic_ct.series (known: dicom_dir, series_uid)");
    }

    @Test
    void countsNeedACalibrationAndOnlyCountsTakeOne() throws Exception {
        String counts = ", \"spect_units\": \"CNTS\", \"calibration_cps_per_MBq\": 9.5, \"acquisition_duration_s\": 1200";
        StudyManifest m = read(manifest("", "", counts));
        assertThat(m.timePoints().get(1).calibration()).isEqualTo(new SpectCalibration(9.5, 1200));
        assertThat(m.timePoints().get(0).calibration()).isNull();
        assertThatThrownBy(() -> read(manifest("", "", ", \"spect_units\": \"CNTS\"")))
                .hasMessage(study + ": timepoints[1].calibration_cps_per_MBq is missing");
        assertThatThrownBy(() -> read(manifest("", ", \"acquisition_duration_s\": 1200", "")))
                .hasMessage(study + ": timepoints[0]: calibration_cps_per_MBq and acquisition_duration_s apply only to spect_units CNTS");
    }

    @Test
    void importWarningsAreKept() throws Exception {
        StudyManifest m = read(manifest(", \"import\": {\"reasons\": [\"r\"], \"warnings\": [\"guessed\"]}", "", ""));
        assertThat(m.importWarnings()).containsExactly("guessed");
        assertThatThrownBy(() -> read(manifest(", \"import\": {\"warnings\": \"guessed\"}", "", "")))
                .hasMessage(study + ": import.warnings must be an array of strings");
    }

    @Test
    void unknownRadionuclideAndFieldsAreRefused() {
        assertThatThrownBy(() -> read(manifest("", "", "").replace("Lu-177", "Xx-1")))
                .hasMessageContaining(study + ": radionuclide: unknown radionuclide 'Xx-1'");
        assertThatThrownBy(() -> read(manifest(", \"diagnostic_label\": \"labels.nii.gz\"", "", "")))
                .hasMessageContaining("unknown field diagnostic_label");
        assertThatThrownBy(() -> read(manifest("", ", \"spect_unit\": \"Bq/mL\"", "")))
                .hasMessageContaining("unknown field timepoints[0].spect_unit");
    }

    @Test
    void malformedJsonIsOneLine() {
        assertThatThrownBy(() -> read("{\"radionuclide\": ")).isInstanceOf(DosimetryInputException.class)
                .hasMessageStartingWith(study + ": not valid JSON").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> read("{\"radionuclide\": \"Lu-177\", \"diagnostic_ct\": \"ct.nii.gz\", \"timepoints\": []}"))
                .hasMessage(study + ": timepoints must be a non-empty array");
        assertThatThrownBy(() -> read("[1]")).hasMessage(study + ": must hold a JSON object");
    }
}
