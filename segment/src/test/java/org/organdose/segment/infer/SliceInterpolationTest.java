package org.organdose.segment.infer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;

class SliceInterpolationTest {
    private static final Geometry GRID = Geometry.axisAligned(20, 20, 12, new double[] {1, 1, 2}, new double[] {0, 0, 0});

    /** A disc of {@code radius} centred at (cx, cy) on slice k. */
    private static void disc(LabelMap m, int k, double cx, double cy, double radius, int label) {
        for (int j = 0; j < GRID.ny(); j++) {
            for (int i = 0; i < GRID.nx(); i++) {
                if ((i - cx) * (i - cx) + (j - cy) * (j - cy) <= radius * radius) {
                    m.set(i, j, k, label);
                }
            }
        }
    }

    private static long count(LabelMap m, int k, int label) {
        long n = 0;
        for (int j = 0; j < GRID.ny(); j++) {
            for (int i = 0; i < GRID.nx(); i++) {
                n += m.get(i, j, k) == label ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void fillsAMissingSliceWithTheShapeBetweenItsNeighbours() {
        LabelMap m = new LabelMap(GRID);
        for (int k = 2; k <= 8; k++) {
            if (k != 5) {
                disc(m, k, 10, 10, 5, 1);
            }
        }
        int filled = SliceInterpolation.fill(m, 1, 3);
        assertThat(filled).isEqualTo(1);
        assertThat(count(m, 5, 1)).isEqualTo(count(m, 4, 1));
        assertThat(m.get(10, 10, 5)).isEqualTo(1);
        assertThat(m.get(10, 16, 5)).isZero();
        // outside the organ's extent nothing is added
        assertThat(count(m, 1, 1)).isZero();
        assertThat(count(m, 9, 1)).isZero();
    }

    @Test
    void blendsShapesAcrossAWiderGap() {
        LabelMap m = new LabelMap(GRID);
        disc(m, 2, 10, 10, 2, 1);
        disc(m, 6, 10, 10, 6, 1);
        assertThat(SliceInterpolation.fill(m, 1, 5)).isEqualTo(3);
        // the radius grows about linearly from 2 to 6: 3, 4, 5 on slices 3, 4, 5
        assertThat(m.get(10 + 3, 10, 3)).isEqualTo(1);
        assertThat(m.get(10 + 4, 10, 3)).isZero();
        assertThat(m.get(10 + 4, 10, 4)).isEqualTo(1);
        assertThat(m.get(10 + 5, 10, 4)).isZero();
        assertThat(m.get(10 + 5, 10, 5)).isEqualTo(1);
    }

    @Test
    void leavesGapsLongerThanTheLimitAndOtherOrgansAlone() {
        LabelMap m = new LabelMap(GRID);
        disc(m, 1, 10, 10, 4, 1);
        disc(m, 6, 10, 10, 4, 1);
        assertThat(SliceInterpolation.fill(m, 1, 3)).isZero();

        LabelMap n = new LabelMap(GRID);
        disc(n, 2, 10, 10, 4, 1);
        disc(n, 4, 10, 10, 4, 1);
        disc(n, 3, 10, 10, 2, 4);
        SliceInterpolation.fill(n, 1, 3);
        assertThat(n.get(10, 10, 3)).isEqualTo(4);
        assertThat(n.get(13, 10, 3)).isEqualTo(1);
    }
}
