package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.organdose.segment.maskrcnn.AnchorMatcher.IGNORED;
import static org.organdose.segment.maskrcnn.AnchorMatcher.NEGATIVE;

import org.junit.jupiter.api.Test;

class AnchorMatcherTest {
    // ground truth 0: a 10 x 10 square at the origin; ground truth 1: a 10 x 10 square at (50, 50)
    private static final float[] TRUTH = {0, 0, 10, 10, 50, 50, 60, 60};
    private static final float[] ANCHORS = {
        0, 0, 10, 10, // IoU 1 with truth 0
        0, 0, 10, 7, // IoU 0.7 exactly: positive
        0, 0, 10, 5, // IoU 0.5: ignored
        0, 0, 10, 2.9f, // IoU 0.29: negative
        0, 0, 10, 3, // IoU 0.3 exactly: ignored (negative is strictly below)
        100, 100, 110, 110, // overlaps nothing: negative
        50, 50, 70, 70, // IoU 0.25 with truth 1, its best anchor
    };

    @Test
    void rpnThresholdsWithBestAnchorKept() {
        int[] m = AnchorMatcher.forRpn().match(ANCHORS, TRUTH);
        assertThat(m).containsExactly(0, 0, IGNORED, NEGATIVE, IGNORED, NEGATIVE, 1);
    }

    @Test
    void withoutLowQualityMatchesAWeakBestAnchorStaysNegative() {
        int[] m = new AnchorMatcher(0.7, 0.3, false).match(ANCHORS, TRUTH);
        assertThat(m).containsExactly(0, 0, IGNORED, NEGATIVE, IGNORED, NEGATIVE, NEGATIVE);
    }

    @Test
    void headsSplitAtOneHalf() {
        int[] m = AnchorMatcher.forHeads().match(ANCHORS, TRUTH);
        assertThat(m).containsExactly(0, 0, 0, NEGATIVE, NEGATIVE, NEGATIVE, NEGATIVE);
    }

    @Test
    void tiedBestAnchorsAreAllKept() {
        float[] anchors = {0, 0, 10, 20, 0, -10, 10, 10, 40, 40, 50, 50};
        int[] m = AnchorMatcher.forRpn().match(anchors, new float[] {0, 0, 10, 10});
        assertThat(m).containsExactly(0, 0, NEGATIVE);
    }

    @Test
    void aKeptBestAnchorGoesToItsOwnBestTruth() {
        // the anchor is truth 1's best (IoU 0.5) but matches truth 0 (IoU 1), as in torchvision
        int[] m = AnchorMatcher.forRpn().match(new float[] {0, 0, 10, 10}, new float[] {0, 0, 10, 10, 0, 0, 10, 20});
        assertThat(m).containsExactly(0);
    }

    @Test
    void truthOverlappingNoAnchorClaimsNone() {
        int[] m = AnchorMatcher.forRpn().match(new float[] {0, 0, 10, 10, 20, 20, 30, 30}, new float[] {100, 100, 110, 110});
        assertThat(m).containsExactly(NEGATIVE, NEGATIVE);
    }

    @Test
    void noTruthMakesEverythingBackground() {
        assertThat(AnchorMatcher.forRpn().match(ANCHORS, new float[0])).containsOnly(NEGATIVE);
    }
}
