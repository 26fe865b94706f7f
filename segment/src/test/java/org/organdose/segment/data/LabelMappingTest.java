package org.organdose.segment.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.segment.Phantom;

class LabelMappingTest {

    @Test
    void kitsKidneysAndTumoursAreNamedBySide() {
        // a KiTS-like map on an x-flipped grid: 1 kidney, 2 tumour inside the right kidney
        Geometry g = new Geometry(80, 80, 30, new double[] {4, 4, 5}, new double[] {158, -158, -72.5},
                new double[] {-1, 0, 0, 0, 1, 0, 0, 0, 1});
        LabelMap truth = Phantom.labels(g);
        LabelMap kits = new LabelMap(g);
        for (int p = 0; p < kits.labels().length; p++) {
            byte t = truth.labels()[p];
            kits.labels()[p] = (byte) (t == Organ.KIDNEY_RIGHT.label() || t == Organ.KIDNEY_LEFT.label() ? 1 : 0);
        }
        int[] tumour = {0, 0, 0};
        outer:
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (truth.get(i, j, k) == Organ.KIDNEY_RIGHT.label()) {
                        kits.set(i, j, k, 2);
                        tumour = new int[] {i, j, k};
                        break outer;
                    }
                }
            }
        }
        LabelMap mapped = LabelMapping.kits().apply(kits, Phantom.ct(g, 0, 1));
        assertThat(mapped.get(tumour[0], tumour[1], tumour[2])).isEqualTo(Organ.KIDNEY_RIGHT.label());
        for (int p = 0; p < mapped.labels().length; p++) {
            byte t = truth.labels()[p];
            byte expected = (byte) (t == Organ.KIDNEY_RIGHT.label() || t == Organ.KIDNEY_LEFT.label() ? t : 0);
            assertThat(mapped.labels()[p]).isEqualTo(expected);
        }
    }

    @Test
    void litsTumoursArePartOfTheLiverAndIdentityDropsUnlabelledValues() {
        Geometry g = Geometry.axisAligned(4, 1, 1, new double[] {1, 1, 1}, new double[] {0, 0, 0});
        LabelMap lits = new LabelMap(g, new byte[] {0, 1, 2, 3});
        assertThat(LabelMapping.lits().apply(lits, null).labels()).containsExactly(0, 1, 1, 0);
        LabelMap ours = new LabelMap(g, new byte[] {1, 2, 3, 4});
        assertThat(LabelMapping.identity(java.util.Set.of(Organ.LIVER, Organ.SPLEEN)).apply(ours, null).labels())
                .containsExactly(1, 0, 0, 4);
    }
}
