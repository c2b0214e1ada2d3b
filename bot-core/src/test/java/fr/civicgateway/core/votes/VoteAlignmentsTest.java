package fr.civicgateway.core.votes;

import static fr.civicgateway.core.votes.VoteTable.ALICE;
import static fr.civicgateway.core.votes.VoteTable.BRUNO;
import static fr.civicgateway.core.votes.VoteTable.CLARA;
import static fr.civicgateway.core.votes.VoteTable.DENIS;
import static fr.civicgateway.core.votes.VoteTable.EMMA;
import static fr.civicgateway.core.votes.VoteTable.G1;
import static fr.civicgateway.core.votes.VoteTable.G2;
import static fr.civicgateway.core.votes.VoteTable.NI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.civicgateway.core.parliament.ScrutinType;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.votes.VoteAlignments.Closeness;
import fr.civicgateway.core.votes.VoteAlignments.Cohesion;
import fr.civicgateway.core.votes.VoteAlignments.Loyalty;
import fr.civicgateway.core.votes.VoteAlignments.MonthlyLoyalty;
import fr.civicgateway.core.votes.VoteAlignments.MonthlyRice;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of the three figures on a table written vote by vote, where each count can be checked by hand: which
 * scrutins count, ties, abstentions, censure motions, the non-inscrits, and the versions of the data. The same figures
 * on the shipped data are compared with a naive reading of the archive in opendata-adapters'
 * {@code VoteAlignmentsOnRealDataTest}.
 */
class VoteAlignmentsTest {

    /** The table of the figures' tests and of the handler's. */
    static VoteTable table() {
        return new VoteTable()
                // G1 for (2-0), G2 against
                .scrutin(1, "2025-01-10", ScrutinType.ORDINARY, "PA1:PO1:F", "PA2:PO1:F", "PA3:PO2:A", "PA4:PO9:F")
                // G1 for 2-1 (Alice against); G2 abstains only
                .scrutin(2, "2025-01-20", ScrutinType.ORDINARY, "PA1:PO1:A", "PA2:PO1:F", "PA6:PO1:F", "PA3:PO2:X")
                // G1 split 1-1: no majority, Rice 0
                .scrutin(3, "2025-02-05", ScrutinType.SOLEMN, "PA1:PO1:F", "PA2:PO1:A", "PA3:PO2:F")
                // a censure motion: left out of every figure
                .scrutin(4, "2025-02-10", ScrutinType.CENSURE_MOTION, "PA1:PO1:F", "PA3:PO2:F")
                // Alice listed under the non-inscrits; G2 split 1-1
                .scrutin(5, "2025-02-20", ScrutinType.ORDINARY, "PA1:PO9:F", "PA4:PO9:F", "PA3:PO2:F", "PA7:PO2:A");
    }

    private final VoteAlignments alignments = new VoteAlignments(table());

    @Test
    void loyaltyCountsTheVotesWhereTheListedGroupHadAMajorityAndNoCensureMotionNorNonInscrits() {
        Loyalty alice = alignments.loyalty(ALICE).orElseThrow();
        assertThat(alice).isEqualTo(new Loyalty(ALICE, 1, 2, LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 20),
                List.of(new MonthlyLoyalty(YearMonth.of(2025, 1), 1, 2)), "an-loyalty-1"));
        assertThat(alice.share()).isEqualTo(0.5);
        assertThat(alignments.loyalty(BRUNO).orElseThrow().same()).isEqualTo(2);
        assertThat(alignments.loyalty(BRUNO).orElseThrow().counted()).isEqualTo(2);
    }

    @Test
    void anAbstentionOfTheGroupsMajorityIsAVoteLikeIt() {
        Loyalty clara = alignments.loyalty(CLARA).orElseThrow();
        // 1 against alone, 2 abstention alone, 3 for alone; 5 a tie
        assertThat(List.of(clara.same(), clara.counted())).containsExactly(3, 3);
        assertThat(clara.months()).containsExactly(new MonthlyLoyalty(YearMonth.of(2025, 1), 2, 2),
                new MonthlyLoyalty(YearMonth.of(2025, 2), 1, 1));
    }

    @Test
    void aNonInscritADeputyWithoutVotesAndAnUnknownUidHaveNoLoyalty() {
        assertThat(alignments.loyalty(DENIS)).isEmpty();
        assertThat(alignments.loyalty(EMMA)).isEmpty();
        assertThat(alignments.loyalty("PA404")).isEmpty();
        assertThat(alignments.loyalty(null)).isEmpty();
    }

    @Test
    void cohesionIsTheMeanRiceIndexOverTheScrutinsWithAVoteForOrAgainstAbstentionsLeftOut() {
        Cohesion g1 = alignments.cohesion(G1).orElseThrow();
        assertThat(g1.perScrutin().stream().map(VoteAlignments.ScrutinRice::number)).containsExactly(1, 2, 3);
        assertThat(g1.perScrutin().get(1).rice()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(g1.averageRice()).isCloseTo((1 + 1.0 / 3 + 0) / 3, within(1e-12));
        assertThat(g1.months()).hasSize(2);
        assertThat(g1.months().getFirst().averageRice()).isCloseTo((1 + 1.0 / 3) / 2, within(1e-12));
        assertThat(g1.months().get(1)).isEqualTo(new MonthlyRice(YearMonth.of(2025, 2), 1, 0.0));
        assertThat(List.of(g1.from(), g1.to())).containsExactly(LocalDate.of(2025, 1, 10), LocalDate.of(2025, 2, 5));
        assertThat(g1.method()).isEqualTo("an-cohesion-1");

        Cohesion g2 = alignments.cohesion(G2).orElseThrow();
        // scrutin 2: abstentions only, no index; 5: 1-1, index 0
        assertThat(g2.perScrutin().stream().map(VoteAlignments.ScrutinRice::number)).containsExactly(1, 3, 5);
        assertThat(g2.averageRice()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void theNonInscritsAndAnUnknownGroupHaveNoCohesion() {
        assertThat(alignments.cohesion(NI)).isEmpty();
        assertThat(alignments.cohesion("PO404")).isEmpty();
        assertThat(alignments.cohesion(null)).isEmpty();
    }

    @Test
    void closenessIsTheShareOfScrutinsBothTookPartInWithTheSamePositionWhicheverGroupListsThem() {
        Closeness c = alignments.closeness(ALICE, CLARA).orElseThrow();
        // 1 for/against, 2 against/abstention, 3 for/for, 5 for/for (Alice under the non-inscrits)
        assertThat(c).isEqualTo(new Closeness(ALICE, CLARA, 2, 4, LocalDate.of(2025, 1, 10),
                LocalDate.of(2025, 2, 20), "an-closeness-1"));
        assertThat(c.share()).isEqualTo(0.5);
        Closeness reversed = alignments.closeness(CLARA, ALICE).orElseThrow();
        assertThat(List.of(reversed.same(), reversed.common())).containsExactly(2, 4);
        assertThat(alignments.closeness(ALICE, BRUNO).map(x -> List.of(x.same(), x.common()))).contains(List.of(1, 3));
    }

    @Test
    void theSameDeputyTwiceAnUnknownOneOrOneWithoutVotesHaveNoCloseness() {
        assertThat(alignments.closeness(ALICE, ALICE)).isEmpty();
        assertThat(alignments.closeness(ALICE, "PA404")).isEmpty();
        assertThat(alignments.closeness(ALICE, EMMA)).isEmpty();
        assertThat(alignments.closeness(null, ALICE)).isEmpty();
    }

    @Test
    void aNewVersionOfTheDataIsComputedAnewAndTheSameVersionIsNot() {
        VoteTable data = table();
        VoteAlignments figures = new VoteAlignments(data);
        assertThat(figures.loyalty(BRUNO).orElseThrow().counted()).isEqualTo(2);

        data.scrutin(6, "2025-03-03", ScrutinType.ORDINARY, "PA1:PO1:F", "PA2:PO1:A", "PA6:PO1:F");
        // the same version: the figures remembered for it
        assertThat(figures.loyalty(BRUNO).orElseThrow().counted()).isEqualTo(2);

        data.bump();
        Loyalty bruno = figures.loyalty(BRUNO).orElseThrow();
        assertThat(List.of(bruno.same(), bruno.counted())).containsExactly(2, 3);
        assertThat(bruno.to()).isEqualTo(LocalDate.of(2025, 3, 3));
        assertThat(figures.cohesion(G1).orElseThrow().scrutins()).isEqualTo(4);
    }

    @Test
    void theMethodIdsAreTheMethodologysOnes() {
        assertThat(VoteAlignments.LOYALTY_METHOD).isEqualTo(Provenance.Method.LOYALTY.id);
        assertThat(VoteAlignments.COHESION_METHOD).isEqualTo(Provenance.Method.COHESION.id);
        assertThat(VoteAlignments.CLOSENESS_METHOD).isEqualTo(Provenance.Method.CLOSENESS.id);
    }
}
