package org.organdose.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DistanceMapTest {
    private static final Geometry GRID = new Geometry(23, 17, 13, new double[] {0.9, 1.3, 2.1}, new double[] {1, 2, 3},
            ResamplerTest.rotationAboutZ(-40));

    @Test
    void matchesBruteForceOnARandomSparsePointSet() {
        Random random = new Random(4);
        LabelMap points = new LabelMap(GRID);
        List<int[]> sites = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            int[] s = {random.nextInt(GRID.nx()), random.nextInt(GRID.ny()), random.nextInt(GRID.nz())};
            points.set(s[0], s[1], s[2], 1 + random.nextInt(3));
            sites.add(s);
        }
        Volume d = DistanceMap.euclideanMm(points);
        for (int k = 0; k < GRID.nz(); k++) {
            for (int j = 0; j < GRID.ny(); j++) {
                for (int i = 0; i < GRID.nx(); i++) {
                    double expected = Double.POSITIVE_INFINITY;
                    for (int[] s : sites) {
                        expected = Math.min(expected, MorphologyTest.worldDistance(GRID, i, j, k, s));
                    }
                    assertThat((double) d.get(i, j, k)).isCloseTo(expected, within(1e-4));
                }
            }
        }
    }

    @Test
    void signedDistanceIsNegativeInsideAndPositiveOutside() {
        LabelMap ball = ResamplerTest.sphere(GRID, GRID.centre(), 6, 1);
        Volume signed = DistanceMap.signedMm(ball);
        List<int[]> inside = new ArrayList<>();
        List<int[]> outside = new ArrayList<>();
        for (int k = 0; k < GRID.nz(); k++) {
            for (int j = 0; j < GRID.ny(); j++) {
                for (int i = 0; i < GRID.nx(); i++) {
                    (ball.get(i, j, k) != 0 ? inside : outside).add(new int[] {i, j, k});
                }
            }
        }
        for (int[] v : inside) {
            assertThat((double) signed.get(v[0], v[1], v[2])).isCloseTo(-nearest(v, outside), within(1e-4));
        }
        for (int[] v : outside) {
            assertThat((double) signed.get(v[0], v[1], v[2])).isCloseTo(nearest(v, inside), within(1e-4));
        }
    }

    private static double nearest(int[] v, List<int[]> sites) {
        double best = Double.POSITIVE_INFINITY;
        for (int[] s : sites) {
            best = Math.min(best, MorphologyTest.worldDistance(GRID, v[0], v[1], v[2], s));
        }
        return best;
    }

    @Test
    void withoutForegroundEveryDistanceIsInfinite() {
        assertThat(DistanceMap.euclideanMm(new LabelMap(GRID)).range()).containsExactly(Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY);
        LabelMap all = new LabelMap(GRID);
        java.util.Arrays.fill(all.labels(), (byte) 1);
        assertThat(DistanceMap.signedMm(all).range()).containsExactly(Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY);
    }

    @Test
    void worksOnASingleSlice() {
        Geometry slice = Geometry.axisAligned(5, 4, 1, new double[] {2, 3, 1}, new double[] {0, 0, 0});
        LabelMap one = new LabelMap(slice);
        one.set(0, 0, 0, 1);
        Volume d = DistanceMap.euclideanMm(one);
        assertThat((double) d.get(4, 3, 0)).isCloseTo(Math.hypot(8, 9), within(1e-5));
    }
}
