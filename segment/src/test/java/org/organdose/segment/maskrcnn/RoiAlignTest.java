package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.organdose.segment.net.SegmentationNetwork;

/**
 * RoIAlign against an exact answer on a linear map and against {@link RoiAlignReference}, an
 * independent sample-by-sample implementation of torchvision's rules, in value and gradient.
 */
class RoiAlignTest {
    private static final int N = 2;
    private static final int C = 3;
    private static final int H = 10;
    private static final int W = 13;

    @BeforeAll
    static void offline() {
        SegmentationNetwork.useOfflineEngine();
    }

    @Test
    void aLinearMapIsReadAtTheBinCentres() {
        // bilinear interpolation is exact on f = 1 + 2y + 3x, so each bin averages to f at its centre
        float[] f = new float[8 * 8];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                f[y * 8 + x] = 1 + 2 * y + 3 * x;
            }
        }
        float scale = 0.5f;
        float[] box = {3, 4, 11, 10}; // map coordinates x 1..5, y 1.5..4.5 (after the half-pixel shift)
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray features = m.create(f, new Shape(1, 1, 8, 8));
            float[] out = new RoiAlign(3, 4, scale, 2).apply(features, box, new int[] {0}).toFloatArray();
            for (int ph = 0; ph < 3; ph++) {
                for (int pw = 0; pw < 4; pw++) {
                    double y = 1.5 + (ph + 0.5) * 1.0;
                    double x = 1.0 + (pw + 0.5) * 1.0;
                    assertThat(out[ph * 4 + pw]).isCloseTo((float) (1 + 2 * y + 3 * x), within(1e-5f));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1} bins, scale {2}, sampling ratio {3}")
    @CsvSource({"7, 7, 0.5, 2", "28, 28, 0.25, 2", "3, 5, 1.0, 0", "6, 4, 0.5, 0", "2, 2, 0.125, 1"})
    void matchesTheReferenceInValueAndGradient(int outH, int outW, float scale, int samplingRatio) {
        Random random = new Random(outH * 31L + outW * 7L + samplingRatio);
        float[] features = new float[N * C * H * W];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) random.nextGaussian();
        }
        float[] boxes = boxes(random, scale);
        int k = boxes.length / 4;
        int[] batch = new int[k];
        for (int i = 0; i < k; i++) {
            batch[i] = random.nextInt(N);
        }
        float[] upstream = new float[k * C * outH * outW];
        for (int i = 0; i < upstream.length; i++) {
            upstream[i] = (float) random.nextGaussian();
        }
        RoiAlignReference reference = new RoiAlignReference(outH, outW, scale, samplingRatio);
        double[] expected = reference.forward(features, N, C, H, W, boxes, batch);
        double[] expectedGradient = reference.gradient(upstream, N, C, H, W, boxes, batch);

        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(features, new Shape(N, C, H, W));
            x.setRequiresGradient(true);
            float[] out;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray pooled = new RoiAlign(outH, outW, scale, samplingRatio).apply(x, boxes, batch);
                assertThat(pooled.getShape()).isEqualTo(new Shape(k, C, outH, outW));
                out = pooled.toFloatArray();
                gc.backward(pooled.mul(m.create(upstream, pooled.getShape())).sum());
            }
            float[] gradient = x.getGradient().toFloatArray();
            double forwardError = maxAbsDifference(out, expected);
            double gradientError = maxAbsDifference(gradient, expectedGradient);
            double largestGradient = java.util.Arrays.stream(expectedGradient).map(Math::abs).max().orElse(0);
            System.out.printf(Locale.ROOT, "RoIAlign %dx%d scale %s ratio %d, %d boxes: max |error| value %.2e, "
                    + "gradient %.2e (largest |gradient| %.1f)%n", outH, outW, scale, samplingRatio, k, forwardError,
                    gradientError, largestGradient);
            assertThat(forwardError).isLessThan(1e-5);
            assertThat(gradientError).isLessThan(1e-5);
        }
    }

    /**
     * Random boxes over and around the map, plus the awkward ones: tiny, inverted, entirely
     * outside, covering everything, hugging each border.
     */
    private static float[] boxes(Random random, float scale) {
        float imageW = W / scale;
        float imageH = H / scale;
        int randomCount = 24;
        float[] special = {
            0.3f * imageW, 0.4f * imageH, 0.3f * imageW + 0.05f / scale, 0.4f * imageH + 0.02f / scale, // tiny
            0.6f * imageW, 0.5f * imageH, 0.2f * imageW, 0.1f * imageH, // inverted
            -3 * imageW, -2 * imageH, -2 * imageW, -imageH, // entirely outside
            -imageW, -imageH, 2 * imageW, 2 * imageH, // covers everything and more
            0, 0, imageW, imageH, // exactly the map
            imageW - 1 / scale, 0, imageW + 1 / scale, imageH, // straddles the right border
            -1.5f / scale, -1.5f / scale, 1 / scale, 1 / scale, // straddles the top-left corner
            0.2f * imageW, imageH - 0.6f / scale, 0.7f * imageW, imageH + 0.7f / scale, // straddles the bottom border
        };
        float[] boxes = new float[4 * randomCount + special.length];
        for (int i = 0; i < randomCount; i++) {
            float x1 = (float) (random.nextDouble() * 1.4 - 0.2) * imageW;
            float y1 = (float) (random.nextDouble() * 1.4 - 0.2) * imageH;
            boxes[4 * i] = x1;
            boxes[4 * i + 1] = y1;
            boxes[4 * i + 2] = x1 + (float) (random.nextDouble() * 0.8 * imageW);
            boxes[4 * i + 3] = y1 + (float) (random.nextDouble() * 0.8 * imageH);
        }
        System.arraycopy(special, 0, boxes, 4 * randomCount, special.length);
        return boxes;
    }

    private static double maxAbsDifference(float[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        double max = 0;
        for (int i = 0; i < actual.length; i++) {
            max = Math.max(max, Math.abs(actual[i] - expected[i]));
        }
        return max;
    }

    @Test
    void boxesAreReadFromTheirOwnImage() {
        try (NDManager m = NDManager.newBaseManager()) {
            // image 0 is all 1, image 1 all 5
            NDArray features = m.ones(new Shape(1, 1, 4, 4)).concat(m.full(new Shape(1, 1, 4, 4), 5f), 0);
            float[] out = new RoiAlign(1, 1, 1, 2).apply(features, new float[] {1, 1, 3, 3, 1, 1, 3, 3, 1, 1, 3, 3},
                    new int[] {1, 0, 1}).toFloatArray();
            assertThat(out).containsExactly(5f, 1f, 5f);
        }
    }

    @Test
    void boxesAndIndicesMayComeAsArrays() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray features = m.randomNormal(new Shape(2, 3, 8, 8));
            float[] boxes = {1, 2, 9, 11, 0, 0, 16, 16};
            RoiAlign align = new RoiAlign(4, 4, 0.5f, 2);
            float[] fromJava = align.apply(features, boxes, new int[] {1, 0}).toFloatArray();
            float[] fromArrays = align.apply(features, m.create(boxes, new Shape(2, 4)), m.create(new int[] {1, 0}))
                    .toFloatArray();
            assertThat(fromArrays).containsExactly(fromJava);
        }
    }

    @Test
    void noBoxesGiveAnEmptyBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray out = new RoiAlign(7, 7, 0.25f, 2).apply(m.ones(new Shape(1, 4, 8, 8)), new float[0], new int[0]);
            assertThat(out.getShape()).isEqualTo(new Shape(0, 4, 7, 7));
        }
    }

    @Test
    void rejectsBadInput() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray features = m.ones(new Shape(1, 1, 4, 4));
            RoiAlign align = new RoiAlign(2, 2, 1, 2);
            assertThatThrownBy(() -> align.apply(features, new float[] {0, 0, 1, 1}, new int[] {1}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image 1 of 1");
            assertThatThrownBy(() -> align.apply(features, new float[] {0, 0, 1}, new int[] {0}))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> align.apply(m.ones(new Shape(4, 4)), new float[] {0, 0, 1, 1}, new int[] {0}))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new RoiAlign(0, 7, 1, 2)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> align.apply(features.toType(ai.djl.ndarray.types.DataType.FLOAT64, false),
                    new float[] {0, 0, 1, 1}, new int[] {0})).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("float32");
        }
    }
}
