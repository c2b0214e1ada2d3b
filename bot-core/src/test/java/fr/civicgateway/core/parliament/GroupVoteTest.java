package fr.civicgateway.core.parliament;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupVoteTest {

    private static GroupVote published(Position published, int forVotes, int against, int abstentions) {
        return new GroupVote("PO845413", 71, published, new VoteCounts(0, 0, 0, forVotes, against, abstentions, 0));
    }

    @Test
    void theMajorityIsThePositionMostMembersTookWhateverThePublishedOneSays() {
        assertThat(published(Position.FOR, 7, 21, 0).majority()).contains(Position.AGAINST);
        assertThat(published(Position.AGAINST, 14, 2, 1).majority()).contains(Position.FOR);
        assertThat(published(Position.FOR, 8, 2, 26).majority()).contains(Position.ABSTENTION);
    }

    @Test
    void aGroupNobodyOfWhichVotedHasNoMajorityEvenWhenPublishedAsPour() {
        GroupVote none = published(Position.FOR, 0, 0, 0);

        assertThat(none.noneTookPart()).isTrue();
        assertThat(none.majority()).isEmpty();
    }

    @Test
    void aTieHasNoMajority() {
        GroupVote tie = published(Position.FOR, 3, 3, 1);

        assertThat(tie.noneTookPart()).isFalse();
        assertThat(tie.majority()).isEmpty();
    }
}
