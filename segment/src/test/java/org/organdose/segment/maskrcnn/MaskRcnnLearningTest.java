package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.organdose.segment.net.NetworkClasses;
import org.organdose.segment.net.SegmentationNetwork;

/** A tiny light Mask R-CNN learns a small set of synthetic abdominal slices. */
class MaskRcnnLearningTest {
    private static final int SIZE = Integer.getInteger("mrcnn.size", 64);
    private static final int SLICES = 8;
    private static final int BATCH = 4;

    @BeforeAll
    static void offline() {
        SegmentationNetwork.useOfflineEngine();
    }

    @Test
    void tinyMaskRcnnSegmentsItsTrainingSlices() {
        SyntheticSlices data = new SyntheticSlices(SLICES, SIZE, 1, 5);
        int steps = Integer.getInteger("mrcnn.steps", 150);
        try (MaskRcnnNetwork network = MaskRcnnNetwork.create(SyntheticSlices.tinySpec("tiny", 4, 1), 11)) {
            network.net().setSampling(new MaskRcnn.Sampling(new BalancedSampler(64, 0.5), new BalancedSampler(32, 0.25),
                    Proposals.forTraining()), 11);
            try (MaskRcnnOptimiser opt = new MaskRcnnOptimiser(network, false, Double.parseDouble(System.getProperty("mrcnn.lr", "1e-3")))) {
                long t0 = System.nanoTime();
                for (int step = 0; step < steps; step++) {
                    int first = (step * BATCH) % SLICES;
                    float[] l = opt.step(data.inputs(first, BATCH), data.classes(first, BATCH),
                            SyntheticSlices.allLabelled(BATCH), BATCH, SIZE, SIZE);
                    if (step % 25 == 0 || step == steps - 1 || step < Integer.getInteger("mrcnn.verbose", 0)) {
                        System.out.printf("step %d losses %s (%.2f s/step)%n", step, Arrays.toString(l),
                                (System.nanoTime() - t0) / 1e9 / (step + 1));
                    }
                }
            }
            byte[] predicted = network.predictClasses(data.inputs(0, SLICES), SLICES, SIZE, SIZE);
            for (int c = 1; c < NetworkClasses.COUNT; c++) {
                double dice = SyntheticSlices.dice(predicted, data.classes, c);
                System.out.println(NetworkClasses.NAMES.get(c) + " dice " + dice);
                assertThat(dice).as(NetworkClasses.NAMES.get(c)).isGreaterThan(0.8);
            }
        }
    }
}
