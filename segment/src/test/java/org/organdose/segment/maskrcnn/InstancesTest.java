package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Instances of a slice: connected components per class, specks dropped. */
class InstancesTest {
    private static void fill(byte[] classes, int width, int x0, int y0, int x1, int y1, int cls) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                classes[y * width + x] = (byte) cls;
            }
        }
    }

    @Test
    void eachComponentOfEachClassIsOneInstanceWithItsBoxAndMask() {
        int w = 20;
        int h = 16;
        byte[] classes = new byte[5 + w * h]; // the slice starts at offset 5
        byte[] slice = new byte[w * h];
        fill(slice, w, 1, 1, 6, 5, 2);     // kidney, 20 px
        fill(slice, w, 12, 1, 17, 5, 2);   // another kidney
        fill(slice, w, 6, 1, 9, 5, 1);     // liver touching the first kidney: a different class, its own instance
        fill(slice, w, 2, 10, 5, 13, 3);   // spleen speck, 9 px: dropped
        slice[15 * w + 19] = 2;            // one stray pixel: dropped
        System.arraycopy(slice, 0, classes, 5, slice.length);

        Instances inst = Instances.of(classes, 5, h, w);

        assertThat(inst.count()).isEqualTo(3);
        assertThat(inst.classes()).containsExactly(2, 1, 2);
        assertThat(inst.boxes()).containsExactly(1, 1, 6, 5, 6, 1, 9, 5, 12, 1, 17, 5);
        float sum = 0;
        for (float v : inst.masks()[1]) {
            sum += v;
        }
        assertThat(sum).isEqualTo(12);
        assertThat(inst.masks()[1][2 * w + 7]).isEqualTo(1);
        assertThat(inst.masks()[1][2 * w + 3]).isZero();
    }

    @Test
    void diagonalNeighboursJoin() {
        int w = 12;
        byte[] classes = new byte[w * w];
        for (int i = 0; i < w; i++) {
            classes[i * w + i] = 1; // 12 pixels touching only at their corners
        }
        Instances inst = Instances.of(classes, 0, w, w);
        assertThat(inst.count()).isEqualTo(1);
        assertThat(inst.boxes()).containsExactly(0, 0, 12, 12);
    }
}
