package org.organdose.image.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.IndexBox;
import org.organdose.image.Interpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.SharedData;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;

/**
 * Recovery of known rigid motions on the real CT of the shared static study (1.14 x 1.14 x 3.2 mm):
 * the moving image is the CT after the true motion T, resampled on an axis-aligned grid with
 * low-dose noise, so that moving(T(x)) = CT(x) up to interpolation and noise; registration must give T back within 1 mm at the liver, kidney and spleen centroids and 0.5°.
 */
class RigidRegistrationTest {
    private static Volume ct;
    private static double[][] organs;

    @BeforeAll
    static void read() throws Exception {
        var dir = SharedData.resolve("studies/ircad-1.1-lu177-static");
        ct = ImageFiles.read(dir.resolve("ct.nii.gz")).volume();
        organs = organCentroids(ImageFiles.readLabels(dir.resolve("truth_labels.nii.gz")));
    }

    @Test
    void anImageRegisteredToItselfStaysWhereItIs() {
        RegistrationResult r = RigidRegistration.register(ct, ct, RegistrationSettings.defaults());
        RigidTransform identity = RigidTransform.translation(new double[3]);
        assertThat(maxError(r.transform(), identity, organs)).isLessThan(0.05);
        assertThat(r.transform().rotationAngleDegrees()).isLessThan(0.02);
        assertThat(r.finalMetric()).isGreaterThan(0.999);
    }

    @Test
    void recoversKnownMotionsUpTo10DegreesAnd20Mm() {
        double[] centre = ct.geometry().centre();
        RigidTransform[] truths = {
            RigidTransform.fromEuler(0, 0, 0, new double[] {20, -15, 12}, centre),
            RigidTransform.fromEuler(0, 0, Math.toRadians(10), new double[] {-5, 8, 3}, centre),
            RigidTransform.fromEuler(Math.toRadians(6), Math.toRadians(-5), Math.toRadians(-8), new double[] {-12, 10, -15}, centre),
            RigidTransform.fromEuler(Math.toRadians(-10), Math.toRadians(4), 0, new double[] {8, 20, 5},
                    new double[] {centre[0] + 40, centre[1] - 30, centre[2] + 20}),
        };
        StringBuilder table = new StringBuilder("known motions: rotation (deg), translation (mm), max error at organs (mm),"
                + " rotation error (deg), NCC, iterations, s\n");
        Random random = new Random(7);
        for (RigidTransform truth : truths) {
            Volume moving = lowDoseCopyMovedBy(truth, random);
            RegistrationResult r = RigidRegistration.register(ct, moving, RegistrationSettings.defaults());
            double error = maxError(r.transform(), truth, organs);
            double angle = r.transform().compose(truth.inverse()).rotationAngleDegrees();
            table.append(String.format(Locale.ROOT, "%.1f %s %.3f %.3f %.4f %s %.1f%n", truth.rotationAngleDegrees(),
                    Arrays.toString(truth.withCentre(centre).translation()), error, angle, r.finalMetric(),
                    Arrays.toString(r.iterationsPerLevel()), r.seconds()));
            assertThat(error).as(truth + ": error at organs, mm").isLessThan(1.0);
            assertThat(angle).as(truth + ": rotation error, deg").isLessThan(0.5);
        }
        System.out.print(table);
    }

    /**
     * The CT seen after the motion {@code truth}, {@code CT(T⁻¹(y))}, resampled (trilinear) on the
     * CT's own axis-aligned grid less its first and last 3 slices (another field of view), air
     * where the CT has no data, with Gaussian noise of 25 HU (low dose).
     */
    private static Volume lowDoseCopyMovedBy(RigidTransform truth, Random random) {
        Geometry g = ct.geometry();
        Geometry fov = new IndexBox(new int[] {0, 0, 3}, new int[] {g.nx() - 1, g.ny() - 1, g.nz() - 4}).subGeometry(g);
        Volume moving = truth.inverse().resample(ct, fov, Interpolation.TRILINEAR, -1000f);
        float[] v = moving.voxels();
        for (int p = 0; p < v.length; p++) {
            v[p] += (float) (25 * random.nextGaussian());
        }
        return moving;
    }

    /** Largest distance between where the two transforms put the points, mm. */
    static double maxError(RigidTransform estimate, RigidTransform truth, double[][] points) {
        double max = 0;
        for (double[] p : points) {
            double[] a = estimate.apply(p);
            double[] b = truth.apply(p);
            max = Math.max(max, Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1])
                    + (a[2] - b[2]) * (a[2] - b[2])));
        }
        return max;
    }

    /** World centroids of labels 1..4 (liver, kidneys, spleen). */
    static double[][] organCentroids(LabelMap labels) {
        double[][] out = new double[4][];
        for (int label = 1; label <= 4; label++) {
            out[label - 1] = RigidRegistration.centroid(labels.select(label));
        }
        return out;
    }
}
