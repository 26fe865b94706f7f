package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.organdose.segment.net.SegmentationNetwork;

/** The head's bilinear upsampling against a plain-loop reference of PyTorch's interpolate. */
class SemanticFpnTest {
    /**
     * {@code interpolate(scale_factor=2, mode="bilinear", align_corners=False)} along one axis of a
     * row: output j reads input {@code (j + 0.5) / 2 - 0.5}, clamped to the row, linearly.
     */
    private static double[] reference(double[] row) {
        int n = row.length;
        double[] out = new double[2 * n];
        for (int j = 0; j < 2 * n; j++) {
            double x = Math.max(0, (j + 0.5) / 2 - 0.5);
            int i0 = Math.min((int) Math.floor(x), n - 1);
            int i1 = Math.min(i0 + 1, n - 1);
            double f = x - i0;
            out[j] = (1 - f) * row[i0] + f * row[i1];
        }
        return out;
    }

    @Test
    void doublesLikeBilinearInterpolationWithoutAlignedCorners() {
        SegmentationNetwork.useOfflineEngine();
        Random random = new Random(3);
        int h = 5;
        int w = 4;
        float[] values = new float[2 * h * w];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(values, new Shape(1, 2, h, w));
            float[] up = SemanticFpn.doubled(SemanticFpn.doubled(x, 2), 3).toFloatArray();
            assertThat(up).hasSize(2 * 4 * h * w);
            for (int c = 0; c < 2; c++) {
                // separable: rows first, then columns
                double[][] rows = new double[h][];
                for (int y = 0; y < h; y++) {
                    double[] row = new double[w];
                    for (int x0 = 0; x0 < w; x0++) {
                        row[x0] = values[(c * h + y) * w + x0];
                    }
                    rows[y] = reference(row);
                }
                for (int xx = 0; xx < 2 * w; xx++) {
                    double[] column = new double[h];
                    for (int y = 0; y < h; y++) {
                        column[y] = rows[y][xx];
                    }
                    double[] expected = reference(column);
                    for (int yy = 0; yy < 2 * h; yy++) {
                        assertThat((double) up[(c * 2 * h + yy) * 2 * w + xx]).isCloseTo(expected[yy], within(1e-5));
                    }
                }
            }
        }
    }
}
