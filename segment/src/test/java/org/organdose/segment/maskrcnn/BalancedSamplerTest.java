package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BalancedSamplerTest {

    /** {@code positives} anchors matched to truth 0, then {@code ignored} ignored, then negatives. */
    private static int[] matches(int positives, int ignored, int negatives) {
        int[] m = new int[positives + ignored + negatives];
        Arrays.fill(m, positives, positives + ignored, AnchorMatcher.IGNORED);
        Arrays.fill(m, positives + ignored, m.length, AnchorMatcher.NEGATIVE);
        return m;
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    @Test
    void fewPositivesAreAllTakenAndNegativesFillUp() {
        int[] m = matches(10, 50, 1000);
        BalancedSampler.Sample s = BalancedSampler.forRpn().sample(m, new Random(1));
        assertThat(boxed(s.positives())).hasSize(10).doesNotHaveDuplicates().allMatch(i -> m[i] >= 0);
        assertThat(boxed(s.negatives())).hasSize(246).doesNotHaveDuplicates().allMatch(i -> m[i] == AnchorMatcher.NEGATIVE);
    }

    @Test
    void manyPositivesAreCappedAtTheFraction() {
        int[] m = matches(500, 0, 1000);
        BalancedSampler.Sample s = BalancedSampler.forRpn().sample(m, new Random(2));
        assertThat(boxed(s.positives())).hasSize(128).doesNotHaveDuplicates().allMatch(i -> m[i] >= 0);
        assertThat(boxed(s.negatives())).hasSize(128).doesNotHaveDuplicates().allMatch(i -> m[i] == AnchorMatcher.NEGATIVE);
        assertThat(BalancedSampler.forHeads().sample(m, new Random(2)).positives()).hasSize(128);
    }

    @Test
    void fewCandidatesGiveASmallerSample() {
        int[] m = matches(3, 5, 4);
        BalancedSampler.Sample s = BalancedSampler.forRpn().sample(m, new Random(3));
        assertThat(s.positives()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(s.negatives()).containsExactlyInAnyOrder(8, 9, 10, 11);
    }

    @Test
    void drawsAreUniformAndRepeatable() {
        int[] m = matches(0, 0, 100);
        BalancedSampler sampler = new BalancedSampler(10, 0.5);
        assertThat(sampler.sample(m, new Random(7)).negatives()).containsExactly(sampler.sample(m, new Random(7)).negatives());
        int[] hits = new int[100];
        Random random = new Random(4);
        for (int r = 0; r < 2000; r++) {
            for (int i : sampler.sample(m, random).negatives()) {
                hits[i]++;
            }
        }
        // each index is drawn with probability 0.1: 200 expected, standard deviation about 13
        assertThat(boxed(hits)).allMatch(h -> h > 140 && h < 260);
    }
}
