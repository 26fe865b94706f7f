package org.organdose.segment.maskrcnn;

import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Locale;
import org.organdose.image.Plane;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.net.NetworkClasses;
import org.organdose.segment.net.SegmentationNetwork;
import org.organdose.segment.preprocess.HuWindow;

/**
 * Prints the parameter counts of the light (base width 16) and ResNet-50 Mask R-CNN, seconds per
 * training step (light at batch 4, ResNet-50 at batch 1, 3x192x192 stacks of synthetic abdominal
 * slices, default sampling) and seconds per slice of inference. Run with the test class path:
 * {@code MaskRcnnBenchmark [steps]} (set {@code -Dai.djl.pytorch.num_threads}).
 */
public final class MaskRcnnBenchmark {
    private static final int SIZE = 192;
    private static final int K = 3;

    private MaskRcnnBenchmark() {
    }

    public static void main(String[] args) {
        SegmentationNetwork.useOfflineEngine();
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println("PyTorch threads: " + System.getProperty("ai.djl.pytorch.num_threads", "default"));
        run("light (ResNet-18-style, width 16)", 18, 16, 4, steps);
        run("ResNet-50 (the paper's)", 50, 64, 1, Math.max(2, steps / 2));
    }

    private static void run(String name, int depth, int width, int batch, int steps) {
        ModelSpec spec = new ModelSpec(name, ModelSpec.MASKRCNN, width, depth, 2, HuWindow.PAPER.toArray(), K,
                List.of(Plane.values()), NetworkClasses.NAMES, "weights.params", null, null, null);
        SyntheticSlices data = new SyntheticSlices(batch, SIZE, K, 1);
        try (MaskRcnnNetwork network = MaskRcnnNetwork.create(spec, 1)) {
            long parameters = network.net().getParameters().values().stream()
                    .filter(p -> p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR)
                    .mapToLong(p -> p.getArray().size()).sum();
            float[] labelled = SyntheticSlices.allLabelled(batch);
            double seconds;
            try (MaskRcnnOptimiser opt = new MaskRcnnOptimiser(network, false, 1e-4)) {
                opt.step(data.inputs, data.classes, labelled, batch, SIZE, SIZE); // warm-up
                long t0 = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    opt.step(data.inputs, data.classes, labelled, batch, SIZE, SIZE);
                }
                seconds = (System.nanoTime() - t0) / 1e9 / steps;
            }
            network.predictClasses(data.inputs(0, 1), 1, SIZE, SIZE); // warm-up
            long t0 = System.nanoTime();
            int slices = 0;
            for (int r = 0; r < 3; r++) {
                network.predictClasses(data.inputs, batch, SIZE, SIZE);
                slices += batch;
            }
            double perSlice = (System.nanoTime() - t0) / 1e9 / slices;
            System.out.printf(Locale.ROOT, "%s: %,d parameters; %.2f s per training step (batch %d, %dx%dx%d); "
                    + "%.3f s per slice of inference%n", name, parameters, seconds, batch, K, SIZE, SIZE, perSlice);
        }
    }
}
