package org.organdose.segment.maskrcnn;

import java.util.List;
import java.util.Random;
import org.organdose.image.Plane;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.net.NetworkClasses;
import org.organdose.segment.preprocess.HuWindow;

/**
 * Small synthetic abdominal slices for Mask R-CNN tests: an elliptic body with the liver on the
 * image's left, the spleen on its right and two kidneys behind them, each organ an ellipse of its
 * own brightness, jittered in position and size from slice to slice, with Gaussian noise. Values
 * are already windowed ([0, 1]); every stack repeats its slice k times.
 */
final class SyntheticSlices {
    final int count;
    final int size;
    final int k;
    final float[] inputs;
    final byte[] classes;

    SyntheticSlices(int count, int size, int k, long seed) {
        this.count = count;
        this.size = size;
        this.k = k;
        Random rng = new Random(seed);
        inputs = new float[count * k * size * size];
        classes = new byte[count * size * size];
        double s = size / 64.0;
        for (int n = 0; n < count; n++) {
            double jx = rng.nextGaussian() * 2 * s;
            double jy = rng.nextGaussian() * 2 * s;
            double g = 1 + 0.1 * rng.nextGaussian();
            // centre x, centre y, radius x, radius y, brightness, class
            double[][] organs = {
                {20 * s + jx, 26 * s + jy, 15 * s * g, 12 * s * g, 0.75, NetworkClasses.LIVER},
                {48 * s + jx, 24 * s + jy, 10 * s * g, 9 * s * g, 0.55, NetworkClasses.SPLEEN},
                {20 * s + jx, 47 * s + jy, 9 * s * g, 7 * s * g, 0.95, NetworkClasses.KIDNEY},
                {44 * s + jx, 47 * s + jy, 9 * s * g, 7 * s * g, 0.95, NetworkClasses.KIDNEY},
            };
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double bx = (x + 0.5 - 32 * s) / (31 * s);
                    double by = (y + 0.5 - 34 * s) / (29 * s);
                    double value = bx * bx + by * by <= 1 ? 0.3 : 0;
                    byte cls = 0;
                    for (double[] o : organs) {
                        double dx = (x + 0.5 - o[0]) / o[2];
                        double dy = (y + 0.5 - o[1]) / o[3];
                        if (dx * dx + dy * dy <= 1) {
                            value = o[4];
                            cls = (byte) o[5];
                        }
                    }
                    classes[n * size * size + y * size + x] = cls;
                    float noisy = (float) (value + 0.04 * rng.nextGaussian());
                    for (int d = 0; d < k; d++) {
                        inputs[((n * k + d) * size + y) * size + x] = noisy;
                    }
                }
            }
        }
    }

    /** Every class labelled, for {@code n} samples. */
    static float[] allLabelled(int n) {
        float[] l = new float[n * NetworkClasses.COUNT];
        java.util.Arrays.fill(l, 1f);
        return l;
    }

    /** The stacks of slices {@code first .. first + n - 1}. */
    float[] inputs(int first, int n) {
        return java.util.Arrays.copyOfRange(inputs, first * k * size * size, (first + n) * k * size * size);
    }

    byte[] classes(int first, int n) {
        return java.util.Arrays.copyOfRange(classes, first * size * size, (first + n) * size * size);
    }

    /** A tiny light Mask R-CNN's description. */
    static ModelSpec tinySpec(String name, int baseWidth, int slicesPerStack) {
        return new ModelSpec(name, ModelSpec.MASKRCNN, baseWidth, 18, 4, HuWindow.PAPER.toArray(), slicesPerStack,
                List.of(Plane.values()), NetworkClasses.NAMES, "weights.params", null, null, null);
    }

    /** Dice of class {@code cls} between two class maps. */
    static double dice(byte[] predicted, byte[] truth, int cls) {
        long both = 0;
        long sum = 0;
        for (int p = 0; p < truth.length; p++) {
            boolean a = predicted[p] == cls;
            boolean b = truth[p] == cls;
            both += a && b ? 1 : 0;
            sum += (a ? 1 : 0) + (b ? 1 : 0);
        }
        return sum == 0 ? 1 : 2.0 * both / sum;
    }
}
