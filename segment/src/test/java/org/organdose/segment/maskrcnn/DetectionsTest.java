package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Pasting 28x28 masks into a slice, on hand-made boxes. */
class DetectionsTest {
    private static final int M = MaskRcnn.MASK_SIZE;

    private static float[] filled(float value) {
        float[] mask = new float[M * M];
        Arrays.fill(mask, value);
        return mask;
    }

    @Test
    void aFullMaskCoversExactlyThePixelsWhoseCentresLieInTheBox() {
        float[] box = {2.5f, 3.2f, 9.5f, 7.9f};
        Detections d = new Detections(box, new float[] {0.95f}, new int[] {2}, new float[][] {filled(1)}, M);
        byte[] classes = d.paste(12, 14);
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 14; x++) {
                boolean inside = x + 0.5 >= 2.5 && x + 0.5 <= 9.5 && y + 0.5 >= 3.2 && y + 0.5 <= 7.9;
                assertThat(classes[y * 14 + x]).as("pixel (%d, %d)", x, y).isEqualTo((byte) (inside ? 2 : 0));
            }
        }
    }

    @Test
    void theMaskIsLaidOverItsBoxBilinearlyAndThresholdedAtOneHalf() {
        // left half of the mask on: the box spans x 0..28, so mask column i covers pixel column i
        float[] mask = new float[M * M];
        for (int r = 0; r < M; r++) {
            for (int c = 0; c < M / 2; c++) {
                mask[r * M + c] = 1;
            }
        }
        Detections d = new Detections(new float[] {0, 0, 28, 28}, new float[] {0.99f}, new int[] {1}, new float[][] {mask}, M);
        byte[] classes = d.paste(28, 32);
        for (int x = 0; x < 32; x++) {
            assertThat(classes[5 * 32 + x]).as("column %d", x).isEqualTo((byte) (x < M / 2 ? 1 : 0));
        }
        // a box twice as wide: pixel centres fall between bins; 13.5 px in, mask coordinate 6.5, still on
        Detections wide = new Detections(new float[] {0, 0, 56, 28}, new float[] {0.99f}, new int[] {1}, new float[][] {mask}, M);
        byte[] w = wide.paste(28, 60);
        for (int x = 0; x < 60; x++) {
            double u = (x + 0.5) / 2 - 0.5; // mask coordinate of the pixel centre
            double p = u <= 13 ? 1 : u >= 14 ? 0 : 14 - u;
            assertThat(w[5 * 60 + x]).as("column %d", x).isEqualTo((byte) (x < 56 && p >= 0.5 ? 1 : 0));
        }
    }

    @Test
    void overlappingDetectionsGoToTheHighestScoreTimesProbability() {
        float[] boxes = {0, 0, 10, 10, 5, 0, 15, 10};
        Detections d = new Detections(boxes, new float[] {0.92f, 0.99f}, new int[] {1, 3},
                new float[][] {filled(0.9f), filled(0.6f)}, M);
        byte[] classes = d.paste(10, 16);
        assertThat(classes[2 * 16 + 2]).isEqualTo((byte) 1);    // first box only
        assertThat(classes[2 * 16 + 7]).isEqualTo((byte) 1);    // both: 0.92 * 0.9 > 0.99 * 0.6
        assertThat(classes[2 * 16 + 12]).isEqualTo((byte) 3);   // second box only
        assertThat(classes[2 * 16 + 15]).isEqualTo((byte) 0);   // neither
    }

    @Test
    void masksBelowOneHalfAndEmptyBoxesPasteNothing() {
        Detections d = new Detections(new float[] {1, 1, 8, 8, 4, 4, 4, 9}, new float[] {0.95f, 0.97f}, new int[] {1, 2},
                new float[][] {filled(0.49f), filled(1)}, M);
        byte[] classes = d.paste(10, 10);
        for (byte c : classes) {
            assertThat(c).isZero();
        }
    }
}
