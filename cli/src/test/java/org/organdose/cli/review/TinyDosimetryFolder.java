package org.organdose.cli.review;

import java.nio.file.Files;
import java.nio.file.Path;
import org.organdose.dosimetry.DoseKernel;
import org.organdose.dosimetry.DosimetryPipeline;
import org.organdose.dosimetry.DosimetrySettings;
import org.organdose.dosimetry.FitModel;
import org.organdose.dosimetry.ProgressListener;
import org.organdose.dosimetry.ResultsWriter;
import org.organdose.dosimetry.StudyManifest;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;
import org.organdose.image.io.NiftiWriter;
import org.organdose.image.io.StorageType;

/**
 * A dosimetry output folder made in a second from a tiny synthetic study: a CT of 24 x 20 x 12
 * voxels (three different sizes, so that a slice cut along the wrong axis cannot pass), a liver box
 * and a right kidney box, and three SPECTs in Bq/mL on a coarser grid shifted from the CT's.
 */
final class TinyDosimetryFolder {
    static final double[] HOURS = {4, 24, 96};
    static final Geometry CT_GRID = Geometry.axisAligned(24, 20, 12, new double[] {2, 2.5, 3}, new double[] {-20, -10, 5});
    static final Geometry SPECT_GRID = Geometry.axisAligned(13, 12, 10, new double[] {4, 4.5, 4}, new double[] {-22, -13, 3});

    private TinyDosimetryFolder() {
    }

    /** Writes the study into {@code dir}, runs the dosimetry into {@code dir/out} and returns that folder. */
    static Path write(Path dir) throws Exception {
        Volume ct = new Volume(CT_GRID);
        LabelMap labels = new LabelMap(CT_GRID);
        for (int k = 0; k < CT_GRID.nz(); k++) {
            for (int j = 0; j < CT_GRID.ny(); j++) {
                for (int i = 0; i < CT_GRID.nx(); i++) {
                    boolean body = i >= 1 && i < 23 && j >= 1 && j < 19;
                    // a gradient along every axis so that each voxel's value says where it is
                    ct.set(i, j, k, body ? 10 + i + 30 * j + 700 * k : -1000);
                    int label = i >= 3 && i <= 9 && j >= 4 && j <= 12 && k >= 2 && k <= 9 ? Organ.LIVER.label()
                            : i >= 14 && i <= 19 && j >= 8 && j <= 13 && k >= 4 && k <= 8 ? Organ.KIDNEY_RIGHT.label() : 0;
                    labels.set(i, j, k, label);
                }
            }
        }
        NiftiWriter.write(ct, StorageType.INT16, dir.resolve("ct.nii.gz"));
        NiftiWriter.writeLabels(labels, dir.resolve("labels.nii.gz"));
        StringBuilder manifest = new StringBuilder("{\"radionuclide\": \"Lu-177\", \"injected_activity_MBq\": 7400,"
                + " \"diagnostic_ct\": \"ct.nii.gz\", \"diagnostic_labels\": \"labels.nii.gz\", \"timepoints\": [");
        for (int t = 0; t < HOURS.length; t++) {
            Volume spect = new Volume(SPECT_GRID);
            for (int k = 0; k < SPECT_GRID.nz(); k++) {
                for (int j = 0; j < SPECT_GRID.ny(); j++) {
                    for (int i = 0; i < SPECT_GRID.nx(); i++) {
                        double[] idx = CT_GRID.worldToIndex(SPECT_GRID.indexToWorld(i, j, k)[0],
                                SPECT_GRID.indexToWorld(i, j, k)[1], SPECT_GRID.indexToWorld(i, j, k)[2]);
                        int ci = (int) Math.round(idx[0]);
                        int cj = (int) Math.round(idx[1]);
                        int ck = (int) Math.round(idx[2]);
                        int label = CT_GRID.contains(ci, cj, ck) ? labels.get(ci, cj, ck) : 0;
                        double perMl = label == Organ.LIVER.label() ? 2e5 : label == Organ.KIDNEY_RIGHT.label() ? 6e5 : 1e4;
                        spect.set(i, j, k, (float) (perMl * Math.pow(0.5, HOURS[t] / 60) + i + 10 * j + 100 * k));
                    }
                }
            }
            NiftiWriter.write(spect, StorageType.FLOAT32, dir.resolve("spect_" + t + ".nii.gz"));
            manifest.append(t > 0 ? "," : "").append("{\"hours\": ").append(HOURS[t]).append(", \"spect\": \"spect_").append(t)
                    .append(".nii.gz\", \"ct\": \"ct.nii.gz\", \"spect_units\": \"Bq/mL\"}");
        }
        Files.writeString(dir.resolve("study.json"), manifest.append("]}").toString());
        DosimetrySettings settings = DosimetrySettings.defaults().withFitModel(FitModel.MONO_EXPONENTIAL)
                .withKernel(DoseKernel.localDeposition());
        Path out = dir.resolve("out");
        ResultsWriter.write(DosimetryPipeline.run(StudyManifest.read(dir.resolve("study.json")), settings, ProgressListener.NONE), out);
        return out;
    }
}
