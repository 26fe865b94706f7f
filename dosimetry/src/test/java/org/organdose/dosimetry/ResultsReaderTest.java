package org.organdose.dosimetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.dicom.DicomIdentity;

/** results.json written and read back: every number, setting, warning and input file survives. */
class ResultsReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsBackWhatWasWritten() throws Exception {
        Volume tiny = new Volume(Geometry.axisAligned(2, 2, 2, new double[] {3, 3, 3}, new double[3]));
        OrganMasker.Masks given = OrganMasker.Masks.given(new LabelMap(tiny.geometry()), MaskSource.file(dir.resolve("labels.nii.gz")));
        OrganMasker.Masks segmented = new OrganMasker.Masks(new LabelMap(tiny.geometry()),
                MaskSource.model("unet", "CONSENSUS", "v1", dir.resolve("out/labels24.nii.gz")), List.of());
        Study study = new Study("study.json", Radionuclides.byName("Lu-177"), 7400, tiny, ImageLocation.of(dir.resolve("study/ct.nii.gz")),
                DicomIdentity.generated(), given,
                List.of(new Study.Session(4, tiny, dir.resolve("study/spect4.nii.gz"), tiny, dir.resolve("study/ct4.nii.gz"),
                                false, null, null),
                        new Study.Session(24, tiny, dir.resolve("study/spect24.nii.gz"), tiny, dir.resolve("study/ct24.nii.gz"),
                                false, segmented, null)),
                dir.resolve("study/study.json"), List.of());
        TimeActivityFit fit = new TimeActivityFit(FitModel.MONO_EXPONENTIAL, new double[] {50, 0.02},
                new double[] {1.5, Double.NaN}, 0.97, Double.NaN, 2500, List.of("a warning"));
        DoseVolumeHistogram dvh = DoseVolumeHistogram.of(new float[] {1, 2, 3, 4}, new float[] {1, 1, 0.5f, 1});
        OrganResult kidney = new OrganResult(Organ.KIDNEY_LEFT, 150, 159, Map.of(4.0, 46.0, 24.0, 31.0), fit, dvh.meanGy(), dvh);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("fit_model", "MONO_EXPONENTIAL");
        settings.put("spect_fwhm_mm", 11.0);
        settings.put("kernel", null);
        DosimetryResults written = new DosimetryResults(Radionuclides.byName("Lu-177"), List.of(kidney), settings,
                List.of("w1"), new Volume(Geometry.axisAligned(2, 2, 2, new double[] {3, 3, 3}, new double[3])), study, Map.of());
        ResultsWriter.write(written, dir.resolve("out"));

        SavedResults read = ResultsReader.read(dir.resolve("out/results.json"));
        SavedResults.OrganValues k = read.organ(Organ.KIDNEY_LEFT);
        assertThat(read.organs()).hasSize(1);
        assertThat(k.volumeMl()).isEqualTo(150);
        assertThat(k.massG()).isEqualTo(159);
        assertThat(k.activityMBqByHours()).containsExactly(Map.entry(4.0, 46.0), Map.entry(24.0, 31.0));
        assertThat(k.fit().model()).isEqualTo(FitModel.MONO_EXPONENTIAL);
        assertThat(k.fit().parameters()).containsExactly(50, 0.02);
        assertThat(k.fit().standardErrors()[0]).isEqualTo(1.5);
        assertThat(k.fit().standardErrors()[1]).isNaN();
        assertThat(k.fit().aicc()).isNaN();
        assertThat(k.fit().rSquared()).isEqualTo(0.97);
        assertThat(k.fit().warnings()).containsExactly("a warning");
        assertThat(k.tiaMBqH()).isEqualTo(2500);
        assertThat(k.meanDoseGy()).isEqualTo(dvh.meanGy());
        for (int x : new int[] {2, 30, 70, 98}) {
            assertThat(k.doseCoveringGy().get(x)).isEqualTo(dvh.doseCoveringPercentGy(x));
        }
        double[][] curve = dvh.curve(100);
        assertThat(k.dvhDoseGy()).hasSize(101);
        for (int i = 0; i < curve.length; i++) {
            assertThat(k.dvhDoseGy()[i]).isEqualTo(curve[i][0]);
            assertThat(k.dvhVolumeFraction()[i]).isEqualTo(curve[i][1]);
        }
        assertThat(read.settings()).containsEntry("fit_model", "MONO_EXPONENTIAL").containsEntry("spect_fwhm_mm", 11.0)
                .containsEntry("kernel", null);
        assertThat(read.warnings()).containsExactly("w1");
        SavedResults.Inputs in = read.inputs();
        assertThat(in.manifest()).isEqualTo(dir.resolve("study/study.json").toAbsolutePath());
        assertThat(in.diagnosticLabels()).isEqualTo(dir.resolve("labels.nii.gz").toAbsolutePath());
        assertThat(in.doseMap()).isEqualTo(dir.resolve("out/dose_Gy.nii.gz").toAbsolutePath());
        assertThat(in.timePoints()).hasSize(2);
        assertThat(in.timePoints().get(0).labels()).isNull();
        assertThat(in.timePoints().get(1).labels()).isEqualTo(dir.resolve("out/labels24.nii.gz").toAbsolutePath());
        assertThat(in.timePoints().get(1).hoursPostInjection()).isEqualTo(24);
    }

    @Test
    void relativeInputPathsAreRelativeToResultsJson() throws Exception {
        Path json = dir.resolve("r/results.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, minimal("\"inputs\": {\"manifest\": \"../s/study.json\", \"diagnostic_ct\": \"ct.nii.gz\","
                + " \"diagnostic_labels\": \"l.nii.gz\", \"dose_map\": \"dose_Gy.nii.gz\", \"timepoints\": []}"));
        SavedResults r = ResultsReader.read(json);
        assertThat(r.inputs().manifest()).isEqualTo(dir.resolve("s/study.json").toAbsolutePath());
        assertThat(r.inputs().doseMap()).isEqualTo(dir.resolve("r/dose_Gy.nii.gz").toAbsolutePath());
    }

    @Test
    void badFilesAreOneLineErrorsNamingTheKey() throws Exception {
        Path json = dir.resolve("results.json");
        assertThatThrownBy(() -> ResultsReader.read(json)).isInstanceOf(ImageIoException.class)
                .hasMessage(json + ": file not found");
        Files.writeString(json, "{\"organs\": ");
        assertThatThrownBy(() -> ResultsReader.read(json)).hasMessageStartingWith(json + ": not valid JSON");
        Files.writeString(json, minimal("\"x\": 1"));
        assertThatThrownBy(() -> ResultsReader.read(json)).hasMessageContaining("has no 'inputs'").hasMessageNotContaining("\n");
        Files.writeString(json, minimal("\"inputs\": {}").replace("\"mean_dose_Gy\": 1,", ""));
        assertThatThrownBy(() -> ResultsReader.read(json)).hasMessage(json + ": organs.liver.mean_dose_Gy is missing");
        Files.writeString(json, minimal("\"inputs\": {}").replace("MONO_EXPONENTIAL", "CUBIC"));
        assertThatThrownBy(() -> ResultsReader.read(json)).hasMessage(json + ": organs.liver.fit.model: unknown model 'CUBIC'");
    }

    private static String minimal(String extra) {
        return "{\"organs\": {\"liver\": {\"mass_g\": 1, \"volume_mL\": 1, \"activity_MBq\": {\"1.0\": 2},"
                + " \"fit\": {\"model\": \"MONO_EXPONENTIAL\", \"parameters\": {\"A1_MBq\": 2, \"lambda1_per_h\": 0.1},"
                + " \"standard_errors\": {\"A1_MBq\": null, \"lambda1_per_h\": null}, \"r_squared\": 1, \"aicc\": null,"
                + " \"tia_MBq_h\": 20}, \"tia_MBq_h\": 20, \"mean_dose_Gy\": 1, \"D2_Gy\": 1, \"D30_Gy\": 1, \"D70_Gy\": 1,"
                + " \"D98_Gy\": 1, \"dvh\": {\"dose_Gy\": [0, 1], \"volume_fraction\": [1, 0]}}}, \"settings\": {}, " + extra + "}";
    }
}
