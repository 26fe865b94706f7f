package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AnchorsTest {

    @Test
    void fpnLevelOnASmallMap() {
        Anchors anchors = Anchors.fpn();
        assertThat(anchors.levels()).isEqualTo(4);
        assertThat(anchors.perCell()).isEqualTo(3);
        float[] p3 = anchors.level(1, 2, 3); // stride 8, size 64
        assertThat(Boxes.count(p3)).isEqualTo(2 * 3 * 3);
        float[] ratios = {0.5f, 1, 2};
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                for (int a = 0; a < 3; a++) {
                    int o = 4 * ((y * 3 + x) * 3 + a);
                    float w = p3[o + 2] - p3[o];
                    float h = p3[o + 3] - p3[o + 1];
                    assertThat((p3[o] + p3[o + 2]) / 2).isCloseTo((x + 0.5f) * 8, within(1e-4f));
                    assertThat((p3[o + 1] + p3[o + 3]) / 2).isCloseTo((y + 0.5f) * 8, within(1e-4f));
                    assertThat(w * h).isCloseTo(64 * 64, within(0.05f));
                    assertThat(h / w).isCloseTo(ratios[a], within(1e-5f));
                }
            }
        }
    }

    @Test
    void theSquareAnchorOfTheFirstCell() {
        float[] p2 = Anchors.fpn().level(0, 1, 1);
        // ratio 1 is the second anchor: size 32 centred on (2, 2)
        assertThat(new float[] {p2[4], p2[5], p2[6], p2[7]}).containsExactly(new float[] {-14, -14, 18, 18}, within(1e-5f));
    }

    @Test
    void allLevelsAreConcatenatedInOrder() {
        Anchors anchors = Anchors.fpn();
        int[] sizes = {16, 8, 4, 2}; // P2-P5 of a 64 x 64 image
        float[] all = anchors.all(sizes, sizes);
        assertThat(Boxes.count(all)).isEqualTo(3 * (256 + 64 + 16 + 4));
        float[] p5 = anchors.level(3, 2, 2);
        float[] tail = java.util.Arrays.copyOfRange(all, all.length - p5.length, all.length);
        assertThat(tail).containsExactly(p5);
        float[] p2 = anchors.level(0, 16, 16);
        assertThat(java.util.Arrays.copyOf(all, p2.length)).containsExactly(p2);
    }
}
