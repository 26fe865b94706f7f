package org.organdose.segment.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;

class EvaluatorTest {
    private static final double SPACING = 1.5;
    private static final Geometry GRID = Geometry.axisAligned(30, 30, 30, new double[] {SPACING, SPACING, SPACING}, new double[] {0, 0, 0});

    private static void cube(LabelMap m, int from, int to, int label) {
        for (int k = from; k <= to; k++) {
            for (int j = from; j <= to; j++) {
                for (int i = from; i <= to; i++) {
                    m.set(i, j, k, label);
                }
            }
        }
    }

    /**
     * Concentric cubes of 20 and 24 voxels: every surface voxel of the small one is 2 voxels from
     * the large one's surface; of the large one's surface voxels 2400 are 2 away, 504 sqrt(5), 240
     * (edges) 2 sqrt(2), 24 three and 8 (corners) 2 sqrt(3), so its 95th percentile is 2 sqrt(2).
     */
    @Test
    void diceHd95AndVolumesOfConcentricCubes() {
        LabelMap pred = new LabelMap(GRID);
        LabelMap ref = new LabelMap(GRID);
        cube(pred, 5, 24, Organ.LIVER.label());
        cube(ref, 3, 26, Organ.LIVER.label());
        Map<Organ, OrganMetrics> m = Evaluator.evaluate(pred, ref, Set.of(Organ.LIVER));
        OrganMetrics liver = m.get(Organ.LIVER);
        assertThat(liver.dice()).isCloseTo(2.0 * 8000 / (8000 + 13824), within(1e-12));
        assertThat(liver.hd95Mm()).isCloseTo(2 * Math.sqrt(2) * SPACING, within(1e-4));
        double voxelMl = SPACING * SPACING * SPACING / 1000;
        assertThat(liver.predictedMl()).isCloseTo(8000 * voxelMl, within(1e-9));
        assertThat(liver.volumeDifferenceMl()).isCloseTo((8000 - 13824) * voxelMl, within(1e-9));
        assertThat(liver.volumeDifferencePercent()).isCloseTo(100.0 * (8000 - 13824) / 13824, within(1e-9));
    }

    @Test
    void identicalMasksScorePerfectly() {
        LabelMap a = new LabelMap(GRID);
        cube(a, 4, 12, Organ.SPLEEN.label());
        OrganMetrics s = Evaluator.evaluate(a, a.copy(), Set.of(Organ.SPLEEN)).get(Organ.SPLEEN);
        assertThat(s.dice()).isEqualTo(1.0);
        assertThat(s.hd95Mm()).isEqualTo(0.0);
    }

    @Test
    void organsTheReferenceDoesNotLabelAreNotScored() {
        LabelMap pred = new LabelMap(GRID);
        LabelMap ref = new LabelMap(GRID);
        cube(pred, 2, 8, Organ.LIVER.label());
        cube(ref, 2, 8, Organ.LIVER.label());
        cube(pred, 15, 20, Organ.KIDNEY_LEFT.label());
        Map<Organ, OrganMetrics> m = Evaluator.evaluate(pred, ref, Set.of(Organ.LIVER));
        assertThat(m).containsOnlyKeys(Organ.LIVER);

        Map<Organ, OrganMetrics> all = Evaluator.evaluate(pred, ref, EnumSet.allOf(Organ.class));
        assertThat(all.get(Organ.KIDNEY_LEFT).dice()).isZero();
        assertThat(all.get(Organ.KIDNEY_LEFT).hd95Mm()).isInfinite();
        assertThat(all.get(Organ.KIDNEY_LEFT).hd95Text(1)).isEqualTo("n/a");
        assertThat(all.get(Organ.LIVER).hd95Text(2)).as("identical contours").isEqualTo("0.00");
        assertThat(all.get(Organ.SPLEEN).dice()).isNaN();
    }
}
