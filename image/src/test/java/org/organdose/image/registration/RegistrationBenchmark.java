package org.organdose.image.registration;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.organdose.image.Geometry;
import org.organdose.image.Interpolation;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.StorageType;

/**
 * Registers each session CT of a study to its diagnostic CT and writes one line per pair (truth,
 * our transform, time) for {@code scripts/bench-registration.sh}, which compares them with
 * elastix. Not a test. Arguments: the study folder, an output folder. Besides the study's
 * sessions it makes one pair with a known rotation (the diagnostic CT turned by (4, −3, 8)° and
 * shifted by (6, −9, 12) mm about its centre, with 25 HU noise) written as {@code synthetic.nii.gz}.
 *
 * <p>Each pair runs 3 times; the time reported is the last run (JIT warm).
 */
public final class RegistrationBenchmark {
    private RegistrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path study = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Volume ct = ImageFiles.read(study.resolve("ct.nii.gz")).volume();
        double[][] organs = RigidRegistrationTest.organCentroids(ImageFiles.readLabels(study.resolve("truth_labels.nii.gz")));
        RigidTransform synthetic = RigidTransform.fromEuler(Math.toRadians(4), Math.toRadians(-3), Math.toRadians(8),
                new double[] {6, -9, 12}, ct.geometry().centre());
        Volume moved = synthetic.inverse().resample(ct, ct.geometry(), Interpolation.TRILINEAR, -1000f);
        Random random = new Random(11);
        float[] v = moved.voxels();
        for (int p = 0; p < v.length; p++) {
            v[p] += (float) (25 * random.nextGaussian());
        }
        ImageFiles.write(moved, StorageType.INT16, out.resolve("synthetic.nii.gz"));
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("ours.tsv")))) {
            w.print("# organ centroids (LPS mm):");
            for (double[] o : organs) {
                w.printf(Locale.ROOT, " %.3f,%.3f,%.3f", o[0], o[1], o[2]);
            }
            w.println();
            w.println("# pair\tmoving\ttruth 4x4 (row-major, fixed->moving LPS)\tours 4x4\tNCC\titerations\tseconds");
            String[] sessions = {"0.5h", "6h", "24h", "72h", "synthetic"};
            for (String s : sessions) {
                Path file = s.equals("synthetic") ? out.resolve("synthetic.nii.gz") : study.resolve("ldct_" + s + ".nii.gz");
                Volume moving = ImageFiles.read(file).volume();
                RigidTransform truth = s.equals("synthetic") ? synthetic : originShift(ct.geometry(), moving.geometry());
                RegistrationResult r = null;
                for (int run = 0; run < 3; run++) {
                    r = RigidRegistration.register(ct, moving, RegistrationSettings.defaults());
                }
                w.printf(Locale.ROOT, "%s\t%s\t%s\t%s\t%.5f\t%s\t%.2f%n", s, file, matrix(truth), matrix(r.transform()),
                        r.finalMetric(), java.util.Arrays.toString(r.iterationsPerLevel()).replace(" ", ""), r.seconds());
                System.out.printf(Locale.ROOT, "%s: %s, %.2f s%n", s, r.transform(), r.seconds());
            }
        }
    }

    /** The moving study's truth: the session CT holds the diagnostic voxels on a grid moved by the origin difference. */
    private static RigidTransform originShift(Geometry fixed, Geometry moving) {
        double[] d = new double[3];
        for (int a = 0; a < 3; a++) {
            d[a] = moving.origin()[a] - fixed.origin()[a];
        }
        return RigidTransform.translation(d);
    }

    private static String matrix(RigidTransform t) {
        StringBuilder sb = new StringBuilder();
        for (double x : t.matrix4()) {
            sb.append(sb.length() > 0 ? "," : "").append(String.format(Locale.ROOT, "%.6f", x));
        }
        return sb.toString();
    }
}
