package org.organdose.report;

import java.nio.file.Files;
import java.nio.file.Path;
import org.organdose.dosimetry.DosimetryPipeline;
import org.organdose.dosimetry.DosimetryResults;
import org.organdose.dosimetry.DosimetrySettings;
import org.organdose.dosimetry.FitModel;
import org.organdose.image.Organ;
import org.organdose.dosimetry.ProgressListener;
import org.organdose.dosimetry.ResultsWriter;
import org.organdose.dosimetry.StudyManifest;
import org.organdose.image.GaussianFilter;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Volume;
import org.organdose.image.io.NiftiWriter;
import org.organdose.image.io.StorageType;

/**
 * A small study written to a folder, with a dosimetry run on it, made to exercise the report's
 * checks: three box organs with mono-exponential kinetics, the liver running into the superior
 * edge of the CT, a kidney five times as concentrated as the liver 6 mm from it, a SPECT blurred
 * with the FWHM the run assumes, and at 24 h session labels whose kidney is half its size.
 */
final class SmallStudy {
    static final double[] HOURS = {1, 24, 72, 120};
    static final double FWHM_MM = 8;
    /** MBq/mL at injection and half-life in h, by label - 1 (no left kidney: label 3 unused). */
    private static final double[][] KINETICS = {{0.1, 60}, {0.5, 40}, {0, 1}, {0.2, 50}};

    private SmallStudy() {
    }

    /** Writes the study into {@code dir}, runs the dosimetry into {@code dir/out} and returns its results.json. */
    static Path write(Path dir) throws Exception {
        Geometry ctGrid = Geometry.axisAligned(40, 40, 20, new double[] {2, 2, 2}, new double[] {0, 0, 0});
        Geometry spectGrid = Geometry.axisAligned(20, 20, 10, new double[] {4, 4, 4}, new double[] {1, 1, 1});
        Volume ct = new Volume(ctGrid);
        LabelMap labels = new LabelMap(ctGrid);
        LabelMap shrunk = new LabelMap(ctGrid);
        for (int k = 0; k < 20; k++) {
            for (int j = 0; j < 40; j++) {
                for (int i = 0; i < 40; i++) {
                    boolean body = i >= 3 && i < 37 && j >= 3 && j < 37;
                    ct.set(i, j, k, body ? 40 : -1000);
                    int label = 0;
                    if (i >= 14 && i <= 23 && j >= 14 && j <= 23 && k >= 6 && k <= 13) {
                        label = Organ.KIDNEY_RIGHT.label();
                    } else if (i >= 26 && i <= 33 && j >= 6 && j <= 13 && k >= 10) {
                        label = Organ.LIVER.label();
                    } else if (i >= 5 && i <= 10 && j >= 28 && j <= 33 && k >= 3 && k <= 8) {
                        label = Organ.SPLEEN.label();
                    }
                    labels.set(i, j, k, label);
                    shrunk.set(i, j, k, label == Organ.KIDNEY_RIGHT.label() && i > 18 ? 0 : label);
                }
            }
        }
        NiftiWriter.write(ct, StorageType.INT16, dir.resolve("ct.nii.gz"));
        NiftiWriter.writeLabels(labels, dir.resolve("labels.nii.gz"));
        NiftiWriter.writeLabels(shrunk, dir.resolve("labels_24h.nii.gz"));
        StringBuilder manifest = new StringBuilder("{\"radionuclide\": \"Lu-177\", \"injected_activity_MBq\": 7400,"
                + " \"diagnostic_ct\": \"ct.nii.gz\", \"diagnostic_labels\": \"labels.nii.gz\", \"timepoints\": [");
        for (int t = 0; t < HOURS.length; t++) {
            double h = HOURS[t];
            Volume spect = new Volume(spectGrid);
            for (int k = 0; k < 10; k++) {
                for (int j = 0; j < 20; j++) {
                    for (int i = 0; i < 20; i++) {
                        int label = labels.get(2 * i, 2 * j, 2 * k);
                        double[] kin = label == 0 ? new double[] {0.005, 30} : KINETICS[label - 1];
                        spect.set(i, j, k, (float) (kin[0] * Math.pow(0.5, h / kin[1]) * 1e6));
                    }
                }
            }
            spect = GaussianFilter.smooth(spect, GaussianFilter.fwhmToSigma(FWHM_MM));
            NiftiWriter.write(spect, StorageType.FLOAT32, dir.resolve("spect_" + h + ".nii.gz"));
            manifest.append(t > 0 ? "," : "").append("{\"hours\": ").append(h).append(", \"spect\": \"spect_").append(h)
                    .append(".nii.gz\", \"ct\": \"ct.nii.gz\", \"spect_units\": \"Bq/mL\"")
                    .append(h == 24 ? ", \"labels\": \"labels_24h.nii.gz\"" : "").append("}");
        }
        Files.writeString(dir.resolve("study.json"), manifest.append("]}").toString());
        DosimetrySettings settings = DosimetrySettings.defaults().withSpectFwhmMm(FWHM_MM).withFitModel(FitModel.MONO_EXPONENTIAL);
        DosimetryResults results = DosimetryPipeline.run(StudyManifest.read(dir.resolve("study.json")), settings, ProgressListener.NONE);
        Path out = dir.resolve("out");
        ResultsWriter.write(results, out);
        return out.resolve(ResultsWriter.RESULTS_JSON);
    }
}
