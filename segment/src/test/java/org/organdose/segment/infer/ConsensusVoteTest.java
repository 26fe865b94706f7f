package org.organdose.segment.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConsensusVoteTest {

    @Test
    void keepsAClassWhereAtLeastTwoPlanesAgree() {
        byte[] axial = {1, 1, 0, 2, 1, 3, 0};
        byte[] coronal = {1, 0, 1, 2, 2, 3, 0};
        byte[] sagittal = {0, 1, 1, 3, 3, 1, 2};
        // xy, xz, yz, all but one, disagreeing, two of three, one vote only
        assertThat(ConsensusVote.vote(axial, coronal, sagittal)).containsExactly(1, 1, 1, 2, 0, 3, 0);
    }

    @Test
    void oneVoteIsNotEnough() {
        byte[] organ = {1, 1, 1};
        byte[] none = {0, 0, 0};
        assertThat(ConsensusVote.vote(organ, none, none)).containsExactly(0, 0, 0);
        assertThat(ConsensusVote.vote(none, organ, none)).containsExactly(0, 0, 0);
        assertThat(ConsensusVote.vote(none, none, organ)).containsExactly(0, 0, 0);
    }

    @Test
    void refusesPlanesOfDifferentSizes() {
        assertThatThrownBy(() -> ConsensusVote.vote(new byte[2], new byte[2], new byte[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
