package org.organdose.segment.maskrcnn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Locale;
import java.util.Random;
import org.organdose.segment.net.SegmentationNetwork;

/**
 * Prints how long {@link RoiAlign} takes, forward alone and forward + backward, for the box head
 * (512 boxes, 7x7) and the mask head (128 boxes, 28x28) on one 256-channel 64x64 map (P2 of a
 * 256x256 slice). Boxes are 16 to 128 input pixels wide and tall, like proposals of abdominal
 * organs; a second line per case spreads them up to the whole image, and a third pools those from
 * the pyramid level FPN assigns them. Run with the test class
 * path: {@code RoiAlignBenchmark [repeats]} (set {@code -Dai.djl.pytorch.num_threads}).
 */
public final class RoiAlignBenchmark {
    private RoiAlignBenchmark() {
    }

    public static void main(String[] args) {
        SegmentationNetwork.useOfflineEngine();
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println("PyTorch threads: " + System.getProperty("ai.djl.pytorch.num_threads", "default"));
        for (float largest : new float[] {128, 256}) {
            run("box head ", 512, 7, largest, repeats);
            run("mask head", 128, 28, largest, repeats);
        }
        runPyramid("box head ", 512, 7, repeats);
        runPyramid("mask head", 128, 28, repeats);
    }

    private static float[] randomBoxes(int count, float largest) {
        Random random = new Random(1);
        float[] boxes = new float[4 * count];
        for (int i = 0; i < count; i++) {
            float w = 16 + random.nextFloat() * (largest - 16);
            float h = 16 + random.nextFloat() * (largest - 16);
            float x = random.nextFloat() * (256 - w);
            float y = random.nextFloat() * (256 - h);
            boxes[4 * i] = x;
            boxes[4 * i + 1] = y;
            boxes[4 * i + 2] = x + w;
            boxes[4 * i + 3] = y + h;
        }
        return boxes;
    }

    /** The same boxes (16..256 px) pooled from P2-P5 of a 256x256 slice, each from its FPN level. */
    private static void runPyramid(String name, int boxCount, int out, int repeats) {
        float[] boxes = randomBoxes(boxCount, 256);
        int[] batch = new int[boxCount];
        PyramidRoiAlign align = new PyramidRoiAlign(out, out, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            NDList levels = new NDList();
            for (int stride : ResNetFpn.STRIDES) {
                NDArray level = m.randomNormal(new Shape(1, 256, 256 / stride, 256 / stride));
                level.setRequiresGradient(true);
                levels.add(level);
            }
            double best = Double.MAX_VALUE;
            for (int r = 0; r < repeats + 1; r++) {
                try (NDManager step = m.newSubManager()) {
                    long t0 = System.nanoTime();
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray pooled = align.apply(levels, boxes, batch);
                        pooled.attach(step);
                        gc.backward(pooled.sum());
                    }
                    levels.get(0).getGradient().toFloatArray();
                    if (r > 0) {
                        best = Math.min(best, (System.nanoTime() - t0) / 1e6);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s %3d boxes of 16..256 px from P2-P5 -> 256 x %2dx%2d: forward + backward %6.1f ms "
                    + "(best of %d)%n", name, boxCount, out, out, best, repeats);
        }
    }

    private static void run(String name, int boxCount, int out, float largest, int repeats) {
        float[] boxes = randomBoxes(boxCount, largest);
        int[] batch = new int[boxCount];
        RoiAlign align = new RoiAlign(out, out, 0.25f, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray features = m.randomNormal(new Shape(1, 256, 64, 64));
            features.setRequiresGradient(true);
            double forward = Double.MAX_VALUE;
            double both = Double.MAX_VALUE;
            for (int r = 0; r < repeats + 1; r++) {
                try (NDManager step = m.newSubManager()) {
                    long t0 = System.nanoTime();
                    NDArray pooledOnly = align.apply(features, boxes, batch);
                    pooledOnly.attach(step);
                    pooledOnly.toFloatArray();
                    long t1 = System.nanoTime();
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray pooled = align.apply(features, boxes, batch);
                        pooled.attach(step);
                        gc.backward(pooled.sum());
                    }
                    features.getGradient().toFloatArray();
                    long t2 = System.nanoTime();
                    if (r > 0) { // the first run warms up the engine
                        forward = Math.min(forward, (t1 - t0) / 1e6);
                        both = Math.min(both, (t2 - t1) / 1e6);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s %3d boxes of 16..%3.0f px -> 256 x %2dx%2d: forward %6.1f ms, "
                    + "forward + backward %6.1f ms (best of %d)%n", name, boxCount, largest, out, out, forward, both, repeats);
        }
    }
}
