package org.organdose.image.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.LabelInterpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.SharedData;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;

/**
 * The shared moving study: each session's low-dose CT holds the diagnostic CT's voxels (plus
 * noise) on a grid whose origin is shifted, so the patient's true motion is the translation
 * {@code origin(session) - origin(diagnostic)} (LPS). Registration must recover it within 1 mm
 * at the organs, and the diagnostic labels carried through it must match the true labels on the
 * session grid (the diagnostic labels' voxels on that grid).
 */
class MovingStudyRegistrationTest {
    private static final String[] SESSIONS = {"0.5h", "6h", "24h", "72h"};

    @Test
    void recoversEachSessionsShiftAndCarriesTheLabels() throws Exception {
        Path dir = SharedData.resolve("studies/ircad-1.1-lu177-moving");
        Volume ct = ImageFiles.read(dir.resolve("ct.nii.gz")).volume();
        LabelMap labels = ImageFiles.readLabels(dir.resolve("truth_labels.nii.gz"));
        double[][] organs = RigidRegistrationTest.organCentroids(labels);
        StringBuilder table = new StringBuilder("moving study: session, true shift (LPS mm), max error at organ centroids (mm),"
                + " rotation (deg), NCC, iterations, s, Dice liver/kR/kL/spleen\n");
        for (String session : SESSIONS) {
            Volume ldct = ImageFiles.read(dir.resolve("ldct_" + session + ".nii.gz")).volume();
            Geometry g = ldct.geometry();
            double[] shift = new double[3];
            for (int a = 0; a < 3; a++) {
                shift[a] = g.origin()[a] - ct.geometry().origin()[a];
            }
            RigidTransform truth = RigidTransform.translation(shift);
            RegistrationResult r = RigidRegistration.register(ct, ldct, RegistrationSettings.defaults());
            double error = RigidRegistrationTest.maxError(r.transform(), truth, organs);
            double angle = r.transform().rotationAngleDegrees();

            LabelMap carried = r.transform().inverse().resampleLabels(labels, g, LabelInterpolation.NEAREST);
            LabelMap onSession = new LabelMap(g, labels.labels());
            table.append(String.format(Locale.ROOT, "%s (%.2f, %.2f, %.2f) %.3f %.3f %.4f %s %.1f", session, shift[0], shift[1],
                    shift[2], error, angle, r.finalMetric(), java.util.Arrays.toString(r.iterationsPerLevel()), r.seconds()));
            for (int label = 1; label <= 4; label++) {
                double dice = dice(carried, onSession, label);
                table.append(String.format(Locale.ROOT, " %.3f", dice));
                assertThat(dice).as(session + " label " + label + " Dice").isGreaterThan(0.95);
            }
            table.append('\n');
            assertThat(error).as(session + " error at organs, mm").isLessThan(1.0);
            assertThat(angle).as(session + " rotation, deg").isLessThan(0.5);
        }
        System.out.print(table);
    }

    static double dice(LabelMap a, LabelMap b, int label) {
        byte[] x = a.labels();
        byte[] y = b.labels();
        long both = 0;
        long na = 0;
        long nb = 0;
        for (int p = 0; p < x.length; p++) {
            boolean ia = x[p] == label;
            boolean ib = y[p] == label;
            na += ia ? 1 : 0;
            nb += ib ? 1 : 0;
            both += ia && ib ? 1 : 0;
        }
        return 2.0 * both / (na + nb);
    }
}
