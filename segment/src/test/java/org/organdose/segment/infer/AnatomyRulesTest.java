package org.organdose.segment.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;

class AnatomyRulesTest {
    /** 4 mm voxels, 60 x 50 x 40: x is the patient's left (LPS), y posterior, centred on 0. */
    private static final Geometry GRID = Geometry.axisAligned(60, 50, 40, new double[] {4, 4, 4}, new double[] {-118, -98, -78});

    private static Volume body() {
        Volume ct = new Volume(GRID);
        Arrays.fill(ct.voxels(), 40f);
        return ct;
    }

    private static void box(LabelMap l, Organ o, int i0, int i1, int j0, int j1, int k0, int k1) {
        for (int k = k0; k < k1; k++) {
            for (int j = j0; j < j1; j++) {
                for (int i = i0; i < i1; i++) {
                    l.set(i, j, k, o.label());
                }
            }
        }
    }

    /** A plausible abdomen: liver on the right (low x), spleen on the left, kidneys behind. */
    private static LabelMap normal() {
        LabelMap l = new LabelMap(GRID);
        box(l, Organ.LIVER, 2, 26, 5, 35, 15, 38);       // 24x30x23 voxels x 64 mm^3 = 1060 mL
        box(l, Organ.SPLEEN, 42, 54, 25, 37, 20, 35);     // 12x12x15 -> 138 mL
        box(l, Organ.KIDNEY_RIGHT, 14, 20, 36, 44, 5, 15); // 6x8x10 -> 30.7 mL
        box(l, Organ.KIDNEY_LEFT, 38, 46, 36, 44, 5, 20);  // 8x8x15 -> 61 mL
        return l;
    }

    @Test
    void aPieceOfKidneyInsideTheLiverBecomesLiver() {
        LabelMap l = normal();
        box(l, Organ.KIDNEY_RIGHT, 10, 13, 15, 18, 25, 28);
        long kidneyBefore = l.count(Organ.KIDNEY_RIGHT.label());
        long changed = AnatomyRules.reassignStrayFragments(l);
        assertThat(changed).isEqualTo(27);
        assertThat(l.count(Organ.KIDNEY_RIGHT.label())).isEqualTo(kidneyBefore - 27);
        assertThat(l.get(11, 16, 26)).isEqualTo(Organ.LIVER.label());
        assertThat(l.get(16, 40, 10)).isEqualTo(Organ.KIDNEY_RIGHT.label());
    }

    @Test
    void aLowerPoleCalledLiverBelowTheLiverBecomesKidney() {
        LabelMap l = normal();
        // 6x8x2 voxels under the right kidney (z 5-14), apart from the liver: its top face
        // (48 of 152 surface neighbours, 32 %) touches the kidney, the rest is fat
        box(l, Organ.LIVER, 14, 20, 36, 44, 3, 5);
        long kidneyBefore = l.count(Organ.KIDNEY_RIGHT.label());
        assertThat(AnatomyRules.reassignStrayFragments(l)).isEqualTo(96);
        assertThat(l.count(Organ.KIDNEY_RIGHT.label())).isEqualTo(kidneyBefore + 96);
        assertThat(l.get(16, 40, 3)).isEqualTo(Organ.KIDNEY_RIGHT.label());
    }

    @Test
    void aPieceTouchingNothingIsLeftForTheLargestComponentRule() {
        LabelMap l = normal();
        box(l, Organ.SPLEEN, 30, 33, 2, 5, 2, 5);
        assertThat(AnatomyRules.reassignStrayFragments(l)).isZero();
        assertThat(l.get(31, 3, 3)).isEqualTo(Organ.SPLEEN.label());
    }

    @Test
    void aPieceOnlyGrazingAnotherOrganKeepsItsLabel() {
        LabelMap l = normal();
        // a left-kidney piece touching the spleen on one face of six
        box(l, Organ.KIDNEY_LEFT, 54, 57, 30, 33, 25, 28);
        assertThat(AnatomyRules.reassignStrayFragments(l)).isZero();
    }

    @Test
    void normalAnatomyOnlyGetsVolumeWarnings() {
        Map<Organ, List<String>> w = AnatomyRules.warnings(normal(), body());
        assertThat(w.get(Organ.LIVER)).isEmpty();
        assertThat(w.get(Organ.SPLEEN)).isEmpty();
        // 6 x 8 x 10 voxels of 64 mm^3 = 30.7 mL: smaller than any adult kidney
        assertThat(w.get(Organ.KIDNEY_RIGHT)).singleElement().asString().contains("volume 31 mL", "60-350");
    }

    @Test
    void organsOnTheWrongSideAndAMissingKidneyAreFlagged() {
        LabelMap l = new LabelMap(GRID);
        box(l, Organ.LIVER, 34, 58, 5, 35, 15, 38);
        box(l, Organ.SPLEEN, 6, 18, 25, 37, 20, 35);
        box(l, Organ.KIDNEY_RIGHT, 14, 22, 5, 15, 5, 20);
        Map<Organ, List<String>> w = AnatomyRules.warnings(l, body());
        assertThat(w.get(Organ.LIVER)).anyMatch(s -> s.contains("patient's left"));
        assertThat(w.get(Organ.SPLEEN)).anyMatch(s -> s.contains("patient's right"));
        assertThat(w.get(Organ.KIDNEY_LEFT)).anyMatch(s -> s.contains("only the right kidney was found"));
    }

    @Test
    void nothingFoundGivesNoAnatomyWarnings() {
        assertThat(AnatomyRules.warnings(new LabelMap(GRID), body()).values()).allMatch(List::isEmpty);
    }
}
