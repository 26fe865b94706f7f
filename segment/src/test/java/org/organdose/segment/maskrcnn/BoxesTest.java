package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoxesTest {
    private static final float[] SQUARE = {0, 0, 10, 10};

    @Test
    void iouOfHandMadePairs() {
        assertThat(Boxes.iou(SQUARE, 0, new float[] {0, 0, 10, 10}, 0)).isEqualTo(1.0);
        assertThat(Boxes.iou(SQUARE, 0, new float[] {5, 0, 15, 10}, 0)).isCloseTo(50.0 / 150, within(1e-12));
        assertThat(Boxes.iou(SQUARE, 0, new float[] {2, 2, 4, 4}, 0)).isCloseTo(4.0 / 100, within(1e-12));
        assertThat(Boxes.iou(SQUARE, 0, new float[] {10, 0, 20, 10}, 0)).isZero(); // touching edges
        assertThat(Boxes.iou(SQUARE, 0, new float[] {30, 30, 40, 40}, 0)).isZero();
        assertThat(Boxes.iou(new float[] {3, 3, 3, 3}, 0, new float[] {3, 3, 3, 3}, 0)).isZero(); // empty boxes
    }

    @Test
    void matrixIsIndexedByFirstThenSecondBox() {
        double[][] iou = Boxes.iouMatrix(new float[] {0, 0, 10, 10, 5, 0, 15, 10}, new float[] {5, 0, 15, 10});
        assertThat(iou.length).isEqualTo(2);
        assertThat(iou[0][0]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(iou[1][0]).isEqualTo(1.0);
    }

    @Test
    void areaAndCount() {
        assertThat(Boxes.area(new float[] {1, 2, 4, 7}, 0)).isEqualTo(15.0);
        assertThat(Boxes.area(new float[] {4, 2, 1, 7}, 0)).isZero();
        assertThat(Boxes.count(new float[8])).isEqualTo(2);
        assertThatThrownBy(() -> Boxes.count(new float[6])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clippingKeepsBoxesInsideTheImage() {
        float[] clipped = Boxes.clipped(new float[] {-5, 3, 120, 40, 200, 200, 210, 210}, 50, 100);
        assertThat(clipped).containsExactly(0, 3, 100, 40, 100, 50, 100, 50);
    }
}
