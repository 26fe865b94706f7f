package org.organdose.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MorphologyTest {
    private static final Geometry GRID = new Geometry(31, 27, 19, new double[] {0.7, 1.1, 2.3}, new double[] {0, 0, 0},
            ResamplerTest.rotationAboutZ(30));

    @Test
    void dilatingSingleVoxelsGivesExactlyTheVoxelsWithinTheRadius() {
        LabelMap seeds = new LabelMap(GRID);
        int[][] points = {{15, 13, 9}, {2, 3, 1}, {29, 20, 17}};
        for (int[] s : points) {
            seeds.set(s[0], s[1], s[2], 1);
        }
        for (double r : new double[] {0.0, 2.2, 4.6, 7.0}) {
            LabelMap dilated = Morphology.dilate(seeds, r);
            for (int k = 0; k < GRID.nz(); k++) {
                for (int j = 0; j < GRID.ny(); j++) {
                    for (int i = 0; i < GRID.nx(); i++) {
                        double nearest = Double.POSITIVE_INFINITY;
                        for (int[] s : points) {
                            nearest = Math.min(nearest, worldDistance(GRID, i, j, k, s));
                        }
                        assertThat(dilated.get(i, j, k)).as("r=%s at %d,%d,%d", r, i, j, k).isEqualTo(nearest <= r + 1e-9 ? 1 : 0);
                    }
                }
            }
        }
    }

    @Test
    void aVoxelAtExactlyTheRadiusIsIncluded() {
        Geometry iso = Geometry.axisAligned(9, 9, 9, new double[] {1, 1, 1}, new double[] {0, 0, 0});
        LabelMap seed = new LabelMap(iso);
        seed.set(4, 4, 4, 1);
        LabelMap dilated = Morphology.dilate(seed, 3.0);
        assertThat(dilated.get(7, 4, 4)).isEqualTo(1);
        assertThat(dilated.get(6, 6, 5)).isEqualTo(1);
        assertThat(dilated.get(8, 4, 4)).isEqualTo(0);
    }

    @Test
    void erodingASphereByRLeavesASphereOfRadiusRMinusR() {
        Geometry g = Geometry.axisAligned(64, 64, 44, new double[] {0.9, 0.9, 1.3}, new double[] {-28.35, -28.35, -27.95});
        LabelMap sphere = ResamplerTest.sphere(g, new double[] {0.3, -0.2, 0.4}, 22, 1);
        LabelMap eroded = Morphology.erode(sphere, 6);
        double volume = eroded.count(1) * g.voxelVolumeMm3();
        double expected = 4.0 / 3 * Math.PI * 16 * 16 * 16;
        assertThat(volume).isCloseTo(expected, within(0.05 * expected));
        LabelMap dilated = Morphology.dilate(eroded, 6);
        double back = dilated.count(1) * g.voxelVolumeMm3();
        double original = 4.0 / 3 * Math.PI * 22 * 22 * 22;
        assertThat(back).isCloseTo(original, within(0.05 * original));
    }

    @Test
    void openingAndClosingBracketTheSetAndErosionIsDualToDilation() {
        Random random = new Random(3);
        LabelMap blobs = new LabelMap(GRID);
        for (int n = 0; n < 8; n++) {
            double[] c = GRID.indexToWorld(random.nextInt(GRID.nx()), random.nextInt(GRID.ny()), random.nextInt(GRID.nz()));
            LabelMap s = ResamplerTest.sphere(GRID, c, 2 + 5 * random.nextDouble(), 1);
            for (int p = 0; p < s.labels().length; p++) {
                blobs.labels()[p] |= s.labels()[p];
            }
        }
        double r = 2.5;
        LabelMap closed = Morphology.erode(Morphology.dilate(blobs, r), r);
        LabelMap opened = Morphology.dilate(Morphology.erode(blobs, r), r);
        LabelMap complement = new LabelMap(GRID);
        for (int p = 0; p < complement.labels().length; p++) {
            complement.labels()[p] = (byte) (blobs.labels()[p] == 0 ? 1 : 0);
        }
        LabelMap dilatedComplement = Morphology.dilate(complement, r);
        LabelMap eroded = Morphology.erode(blobs, r);
        for (int p = 0; p < blobs.labels().length; p++) {
            byte x = blobs.labels()[p];
            assertThat(closed.labels()[p]).isGreaterThanOrEqualTo(x);
            assertThat(opened.labels()[p]).isLessThanOrEqualTo(x);
            assertThat(eroded.labels()[p]).isEqualTo((byte) (1 - dilatedComplement.labels()[p]));
        }
        assertThat(eroded.count(1)).isPositive().isLessThan(blobs.count(1));
    }

    @Test
    void anObjectFillingTheImageIsNotErodedFromTheBorder() {
        Geometry g = Geometry.axisAligned(10, 10, 10, new double[] {1, 1, 1}, new double[] {0, 0, 0});
        LabelMap full = new LabelMap(g);
        java.util.Arrays.fill(full.labels(), (byte) 5);
        assertThat(Morphology.erode(full, 3).count(1)).isEqualTo(1000);
        assertThat(Morphology.dilate(new LabelMap(g), 3).count(1)).isZero();
    }

    static double worldDistance(Geometry g, int i, int j, int k, int[] s) {
        double[] a = g.indexToWorld(i, j, k);
        double[] b = g.indexToWorld(s[0], s[1], s[2]);
        return Math.sqrt(ResamplerTest.sq(a[0] - b[0]) + ResamplerTest.sq(a[1] - b[1]) + ResamplerTest.sq(a[2] - b[2]));
    }
}
