package org.organdose.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.dosimetry.ProgressListener;
import org.organdose.image.LabelMap;
import org.organdose.image.SharedData;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.registration.RegistrationResult;
import org.organdose.image.registration.RegistrationSettings;
import org.organdose.image.registration.RigidRegistration;
import org.organdose.image.registration.RigidTransform;

/**
 * Registration against the simulator's own record of the patient's motion: session CTs made by
 * {@link SessionCtSimulator} (thicker slices, correlated low-dose noise, resampled on the
 * scanner's grid, which does not move with the patient), shifts up to 16 mm per axis and turns
 * up to 8° about the body axis. Each must be recovered within 1 mm at the organ centroids and 0.5°.
 */
class MotionRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void registrationRecoversTheSimulatedMotions() throws Exception {
        Path shared = SharedData.resolve("studies/ircad-1.1-lu177-static");
        Volume ct = ImageFiles.read(shared.resolve("ct.nii.gz")).volume();
        LabelMap labels = ImageFiles.readLabels(shared.resolve("truth_labels.nii.gz"));
        StudySimulator.SimulatedStudy study = StudySimulator.simulate(ct, labels,
                SimulationSettings.defaults().withSeed(5).withMotionMm(16), dir, ProgressListener.NONE);
        double[][] organs = new double[4][];
        for (int label = 1; label <= 4; label++) {
            organs[label - 1] = centroid(labels, label);
        }
        List<RigidTransform> motions = study.motions();
        String[] sessions = {"0.5h", "6h", "24h", "72h"};
        for (int t = 0; t < sessions.length; t++) {
            Volume session = ImageFiles.read(dir.resolve("ldct_" + sessions[t] + ".nii.gz")).volume();
            RegistrationResult r = RigidRegistration.register(ct, session, RegistrationSettings.defaults());
            RigidTransform truth = motions.get(t);
            double error = 0;
            for (double[] p : organs) {
                double[] a = r.transform().apply(p);
                double[] b = truth.apply(p);
                error = Math.max(error, Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1])
                        + (a[2] - b[2]) * (a[2] - b[2])));
            }
            double angle = Math.abs(Math.toDegrees(r.transform().eulerAngles()[2] - truth.eulerAngles()[2]));
            double tilt = truth.inverse().compose(r.transform()).rotationAngleDegrees();
            System.out.printf(Locale.ROOT, "%s: truth %s; error at organs %.3f mm, rotation error %.3f deg, NCC %.4f, %s, %.1f s%n",
                    sessions[t], truth, error, tilt, r.finalMetric(), Arrays.toString(r.iterationsPerLevel()), r.seconds());
            assertThat(error).as(sessions[t] + " error at organs, mm").isLessThan(1.0);
            assertThat(angle).as(sessions[t] + " rotation about z, deg").isLessThan(0.5);
            assertThat(tilt).as(sessions[t] + " rotation error, deg").isLessThan(0.5);
        }
    }

    private static double[] centroid(LabelMap labels, int label) {
        var g = labels.geometry();
        double[] sum = new double[3];
        long n = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (labels.get(i, j, k) == label) {
                        sum[0] += i;
                        sum[1] += j;
                        sum[2] += k;
                        n++;
                    }
                }
            }
        }
        return g.indexToWorld(sum[0] / n, sum[1] / n, sum[2] / n);
    }
}
