package org.organdose.segment.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.organdose.segment.net.SegmentationNetwork;

/** The loss against values worked out by hand for a batch of one 1x2 image and 3 classes. */
class MaskedDiceCeLossTest {

    private static double[] softmax(double... scores) {
        double sum = 0;
        double[] p = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp(scores[i]);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double loss(float[] labelled) {
        SegmentationNetwork.useOfflineEngine();
        try (NDManager m = NDManager.newBaseManager()) {
            // scores (1, 3 classes, 1, 2 pixels): pixel 0 scores (1, 2, 0.5), pixel 1 scores (0, -1, 3)
            NDArray scores = m.create(new float[] {1, 0, 2, -1, 0.5f, 3}, new Shape(1, 3, 1, 2));
            // pixel 0 is background in the label map, pixel 1 is class 2
            NDArray target = m.create(new byte[] {0, 2}, new Shape(1, 1, 2));
            NDArray mask = m.create(labelled, new Shape(1, 3));
            return new MaskedDiceCeLoss().evaluate(new NDList(target, mask), new NDList(scores)).getFloat();
        }
    }

    @Test
    void fullyLabelledIsCrossEntropyPlusDice() {
        double[] p0 = softmax(1, 2, 0.5);
        double[] p1 = softmax(0, -1, 3);
        double ce = -(Math.log(p0[0]) + Math.log(p1[2])) / 2;
        double dice1 = (0 + 1) / (p0[1] + p1[1] + 0 + 1);
        double dice2 = (2 * p1[2] + 1) / (p0[2] + p1[2] + 1 + 1);
        double expected = ce + ((1 - dice1) + (1 - dice2)) / 2;
        assertThat(loss(new float[] {1, 1, 1})).isCloseTo(expected, within(1e-5));
    }

    @Test
    void anUnlabelledClassMergesWithBackgroundAndLeavesTheDice() {
        double[] p0 = softmax(1, 2, 0.5);
        double[] p1 = softmax(0, -1, 3);
        // class 1 unlabelled: pixel 0's "0" may be background or class 1
        double ce = -(Math.log(p0[0] + p0[1]) + Math.log(p1[2])) / 2;
        double dice2 = (2 * p1[2] + 1) / (p0[2] + p1[2] + 1 + 1);
        double expected = ce + (1 - dice2);
        assertThat(loss(new float[] {1, 0, 1})).isCloseTo(expected, within(1e-5));
    }
}
