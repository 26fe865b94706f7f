package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProposalsTest {
    // level 0: A0, A1 (IoU 0.68 with A0), A2 (= A0); level 1: B0 (= A0), B1 (over the image corner), B2 (outside)
    private static final float[] ANCHORS = {
        0, 0, 10, 10, 1, 1, 11, 11, 0, 0, 10, 10,
        0, 0, 10, 10, 90, 90, 130, 130, 200, 200, 210, 210,
    };
    private static final int[] PER_LEVEL = {3, 3};
    private static final float[] LOGITS = {2, 1, 0.5f, -1, 3, 4};

    private static float sigmoid(double x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }

    private static Proposals.Result select(Proposals proposals, float[] deltas) {
        return proposals.select(ANCHORS, PER_LEVEL, LOGITS, deltas, 100, 100);
    }

    @Test
    void suppressesPerLevelClipsDropsEmptyAndSortsByScore() {
        Proposals.Result r = select(new Proposals(10, 0.7, 10, 1e-3f), new float[24]);
        assertThat(r.count()).isEqualTo(4);
        assertThat(r.scores()).containsExactly(new float[] {sigmoid(3), sigmoid(2), sigmoid(1), sigmoid(-1)}, within(1e-6f));
        assertThat(r.boxes()).containsExactly(90, 90, 100, 100, 0, 0, 10, 10, 1, 1, 11, 11, 0, 0, 10, 10);
    }

    @Test
    void keepsTheBestPerLevelBeforeAndOverallAfter() {
        // level 1's best anchor is B2, outside the image: the top-1 is taken before empty boxes go
        assertThat(select(new Proposals(1, 0.7, 10, 1e-3f), new float[24]).boxes()).containsExactly(0, 0, 10, 10);
        assertThat(select(new Proposals(2, 0.7, 10, 1e-3f), new float[24]).boxes())
                .containsExactly(90, 90, 100, 100, 0, 0, 10, 10, 1, 1, 11, 11);
        assertThat(select(new Proposals(10, 0.7, 2, 1e-3f), new float[24]).scores())
                .containsExactly(new float[] {sigmoid(3), sigmoid(2)}, within(1e-6f));
    }

    @Test
    void decodesTheDeltas() {
        float[] deltas = new float[24];
        deltas[0] = 0.1f; // A0 one pixel to the right
        deltas[3] = (float) Math.log(2); // and twice as tall
        Proposals.Result r = select(new Proposals(10, 0.7, 10, 1e-3f), deltas);
        assertThat(new float[] {r.boxes()[4], r.boxes()[5], r.boxes()[6], r.boxes()[7]})
                .containsExactly(new float[] {1, 0, 11, 15}, within(1e-5f)); // y from -5 clipped to 0
    }
}
