package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NmsTest {
    // IoU(A, B) = 81 / 119 = 0.68; D is A again with a higher score; C stands apart
    private static final float[] BOXES = {
        0, 0, 10, 10, // A
        1, 1, 11, 11, // B
        20, 20, 30, 30, // C
        0, 0, 10, 10, // D
    };
    private static final float[] SCORES = {0.9f, 0.8f, 0.7f, 0.95f};

    @Test
    void keepsTheBestOfEachCluster() {
        assertThat(Nms.nms(BOXES, SCORES, 0.5)).containsExactly(3, 2);
        assertThat(Nms.nms(BOXES, SCORES, 0.7)).containsExactly(3, 1, 2);
        assertThat(Nms.nms(BOXES, SCORES, 1.0)).containsExactly(3, 0, 1, 2);
    }

    @Test
    void anOverlapEqualToTheThresholdIsKept() {
        float[] boxes = {0, 0, 10, 10, 0, 0, 10, 5}; // IoU 0.5
        assertThat(Nms.nms(boxes, new float[] {1, 0.5f}, 0.5)).containsExactly(0, 1);
        assertThat(Nms.nms(boxes, new float[] {1, 0.5f}, 0.49)).containsExactly(0);
    }

    @Test
    void aSuppressedBoxSuppressesNothing() {
        // B is removed by A; C overlaps B (IoU 0.6) but not A, so C survives
        float[] boxes = {0, 0, 10, 10, 4, 0, 14, 10, 8, 0, 18, 10};
        assertThat(Nms.nms(boxes, new float[] {3, 2, 1}, 0.4)).containsExactly(0, 2);
    }

    @Test
    void tiesAreBrokenByIndex() {
        float[] boxes = {0, 0, 10, 10, 0, 0, 10, 10};
        assertThat(Nms.nms(boxes, new float[] {0.5f, 0.5f}, 0.5)).containsExactly(0);
    }

    @Test
    void batchedSuppressesWithinClassesOnly() {
        int[] classes = {0, 0, 1, 1};
        assertThat(Nms.batched(BOXES, SCORES, classes, 0.5)).containsExactly(3, 0, 2);
        assertThat(Nms.batched(BOXES, SCORES, new int[4], 0.5)).containsExactly(Nms.nms(BOXES, SCORES, 0.5));
    }

    @Test
    void keptBoxesNeverOverlapAndEveryRemovedBoxHasAKeptBetterOne() {
        Random random = new Random(5);
        int n = 300;
        float[] boxes = new float[4 * n];
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
            float x = random.nextFloat() * 100;
            float y = random.nextFloat() * 100;
            boxes[4 * i] = x;
            boxes[4 * i + 1] = y;
            boxes[4 * i + 2] = x + 5 + random.nextFloat() * 20;
            boxes[4 * i + 3] = y + 5 + random.nextFloat() * 20;
            scores[i] = random.nextFloat();
        }
        int[] kept = Nms.nms(boxes, scores, 0.3);
        boolean[] isKept = new boolean[n];
        for (int a = 0; a < kept.length; a++) {
            isKept[kept[a]] = true;
            if (a > 0) {
                assertThat(scores[kept[a]]).isLessThanOrEqualTo(scores[kept[a - 1]]);
            }
            for (int b = a + 1; b < kept.length; b++) {
                assertThat(Boxes.iou(boxes, kept[a], boxes, kept[b])).isLessThanOrEqualTo(0.3);
            }
        }
        for (int j = 0; j < n; j++) {
            if (!isKept[j]) {
                int removed = j;
                assertThat(Arrays.stream(kept).boxed().toList()).anyMatch(i -> scores[i] >= scores[removed] && Boxes.iou(boxes, i, boxes, removed) > 0.3);
            }
        }
    }
}
