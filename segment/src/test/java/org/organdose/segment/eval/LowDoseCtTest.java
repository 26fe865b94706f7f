package org.organdose.segment.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Volume;

class LowDoseCtTest {

    @Test
    void thickSlicesCoarserPixelsAndTheRequestedNoise() {
        Geometry fine = Geometry.axisAligned(100, 100, 60, new double[] {0.6, 0.6, 1.0}, new double[] {0, 0, 0});
        Volume ct = new Volume(fine);
        java.util.Arrays.fill(ct.voxels(), 40f);
        LabelMap labels = new LabelMap(fine);
        labels.set(50, 50, 30, 1);
        LowDoseCt.Pair low = LowDoseCt.simulate(ct, labels, 1.2, 5, 30, 1);
        Geometry g = low.ct().geometry();
        assertThat(g.spacing()).containsExactly(1.2, 1.2, 5.0);
        assertThat(low.labels().geometry()).isEqualTo(g);
        double sum = 0;
        double sq = 0;
        float[] v = low.ct().voxels();
        for (float x : v) {
            sum += x;
            sq += x * x;
        }
        double mean = sum / v.length;
        assertThat(mean).isCloseTo(40, within(0.5));
        assertThat(Math.sqrt(sq / v.length - mean * mean)).isCloseTo(30, within(0.5));
    }
}
