package org.organdose.image;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Timings of the image operations on a CT-sized synthetic case (512x512x129 at 0.57x0.57x1.6 mm,
 * like ircad-1.1, with a liver-sized ellipsoid mask). Not a test: run with
 * {@code java -Xmx4g -cp image/target/classes:image/target/test-classes org.organdose.image.ImageOpsBenchmark}.
 * Each operation runs 3 times; the first run includes JIT warm-up.
 */
public final class ImageOpsBenchmark {
    private ImageOpsBenchmark() {
    }

    public static void main(String[] args) {
        Geometry ct = Geometry.axisAligned(512, 512, 129, new double[] {0.57, 0.57, 1.6}, new double[] {-145.9, -145.9, -102.4});
        Volume hu = new Volume(ct);
        LabelMap organs = new LabelMap(ct);
        fill(ct, hu, organs);
        System.out.printf("machine: %d cores available, max heap %d MB, %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.printf("CT %s; liver mask %.0f mL%n", ct, organs.volumeMl(1));

        Geometry lowDose = ct.resampledTo(new double[] {1.14, 1.14, 3.2});
        Geometry spect = ResamplerTest.centredAt(new Geometry(128, 128, 60, new double[] {4.8, 4.8, 4.8}, new double[] {0, 0, 0},
                ResamplerTest.rotationAboutZ(5)), ct.centre());
        LabelMap liver = organs.select(1);

        time("resample trilinear -> " + size(lowDose), () -> Resampler.resample(hu, lowDose, Interpolation.TRILINEAR, -1000f));
        time("resample labels LABEL_AWARE -> " + size(lowDose), () -> Resampler.resampleLabels(organs, lowDose, LabelInterpolation.LABEL_AWARE));
        time("Gaussian sigma 3 mm on " + size(ct), () -> GaussianFilter.smooth(hu, 3.0));
        Volume small = Resampler.resample(hu, lowDose, Interpolation.TRILINEAR, -1000f);
        time("Gaussian sigma 3 mm on " + size(lowDose), () -> GaussianFilter.smooth(small, 3.0));
        time("fractionCovered liver n=4 -> 4.8 mm grid " + size(spect) + " (5 deg oblique)", () -> Resampler.fractionCovered(organs, 1, spect, 4));
        double coveredMl = 0;
        for (float f : Resampler.fractionCovered(organs, 1, spect, 4).voxels()) {
            coveredMl += f * spect.voxelVolumeMm3() / 1000;
        }
        System.out.printf("  liver volume from fractions %.1f mL vs mask %.1f mL%n", coveredMl, organs.volumeMl(1));
        time("distance map (liver) on " + size(ct), () -> DistanceMap.euclideanMm(liver));
        time("dilate liver 3 mm", () -> Morphology.dilate(liver, 3.0));
        time("erode liver 3 mm", () -> Morphology.erode(liver, 3.0));
        time("connected components 26 on " + size(ct), () -> ConnectedComponents.label(organs, Connectivity.TWENTY_SIX));
        time("keepLargestPerLabel", () -> ConnectedComponents.keepLargestPerLabel(organs));
    }

    private static String size(Geometry g) {
        return g.nx() + "x" + g.ny() + "x" + g.nz();
    }

    private static void time(String what, Supplier<Object> op) {
        double[] seconds = new double[3];
        for (int run = 0; run < seconds.length; run++) {
            long start = System.nanoTime();
            Object result = op.get();
            seconds[run] = (System.nanoTime() - start) / 1e9;
            if (result == null) {
                throw new IllegalStateException(what);
            }
        }
        System.out.printf("%-70s %s s%n", what, Arrays.toString(Arrays.stream(seconds).map(s -> Math.round(s * 1000) / 1000.0).toArray()));
    }

    /** A body ellipse of soft tissue around a liver ellipsoid (label 1) and a small island of it (label 1), plus a kidney (label 2). */
    private static void fill(Geometry g, Volume hu, LabelMap organs) {
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double[] w = g.indexToWorld(i, j, k);
                    double body = sq(w[0] / 140) + sq(w[1] / 110);
                    double liver = sq((w[0] + 60) / 80) + sq((w[1] - 10) / 60) + sq(w[2] / 70);
                    double island = sq((w[0] + 30) / 8) + sq((w[1] + 80) / 8) + sq((w[2] - 60) / 8);
                    double kidney = sq((w[0] - 70) / 30) + sq((w[1] - 40) / 25) + sq((w[2] + 20) / 50);
                    float v = body <= 1 ? 40f + (float) (10 * Math.sin(0.1 * i + 0.05 * j)) : -1000f;
                    int label = 0;
                    if (liver <= 1 || island <= 1) {
                        v = 110f;
                        label = 1;
                    } else if (kidney <= 1) {
                        v = 190f;
                        label = 2;
                    }
                    hu.set(i, j, k, v);
                    organs.set(i, j, k, label);
                }
            }
        }
    }

    private static double sq(double x) {
        return x * x;
    }
}
