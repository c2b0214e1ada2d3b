package fr.civicgateway.opendata.assemblee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.votes.VoteAlignments;
import fr.civicgateway.core.votes.VoteAlignments.Closeness;
import fr.civicgateway.core.votes.VoteAlignments.Cohesion;
import fr.civicgateway.core.votes.VoteAlignments.Loyalty;
import fr.civicgateway.opendata.testing.NaiveVotes;
import fr.civicgateway.opendata.testing.ShippedData;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loyalty, cohesion and closeness ({@link VoteAlignments}) on the shipped scrutins, against the naive reading of the
 * raw archive in {@link NaiveVotes}: each group's nominal lists (not its {@code decompteVoix}, not the loader's
 * index) give the group's majority, its Rice index and each deputy's position.
 */
class VoteAlignmentsOnRealDataTest {

    private static NaiveVotes naive;
    private static VoteAlignments alignments;

    @BeforeAll
    static void readTheArchive() {
        alignments = new VoteAlignments(ShippedData.snapshot());
        naive = NaiveVotes.read();
    }

    @Test
    void everyDeputysLoyaltyIsTheNaiveCountOfVotesCastLikeTheGroupsMajority() {
        Map<String, NaiveVotes.Loyalty> expected = naive.loyalties();
        int compared = 0;
        for (Deputy d : ShippedData.snapshot().deputies()) {
            NaiveVotes.Loyalty n = expected.get(d.uid());
            var loyalty = alignments.loyalty(d.uid());
            if (n == null) {
                assertThat(loyalty).as(d.uid()).isEmpty();
                continue;
            }
            Loyalty l = loyalty.orElseThrow();
            assertThat(List.of(l.same(), l.counted())).as(d.uid()).containsExactly(n.same(), n.counted());
            assertThat(List.of(l.from(), l.to())).as(d.uid()).containsExactly(n.from(), n.to());
            assertThat(l.months()).as(d.uid()).hasSize(n.months().size());
            l.months().forEach(m -> assertThat(new int[] {m.same(), m.counted()}).as(d.uid() + " " + m.month())
                    .containsExactly(n.months().get(m.month())));
            assertThat(l.method()).isEqualTo("an-loyalty-1");
            compared++;
        }
        assertThat(compared).isGreaterThan(570);
    }

    @Test
    void deputiesOfDifferentGroupsHaveTheNaiveShareOfVotesLikeTheirGroup() {
        Map<String, NaiveVotes.Loyalty> expected = naive.loyalties();
        for (String[] who : new String[][] {{"Mathilde", "Panot"}, {"Marine", "Le Pen"}, {"Boris", "Vallaud"},
                {"Charles", "de Courson"}, {"Gabriel", "Attal"}, {"Sandrine", "Rousseau"}}) {
            String uid = ShippedData.sittingDeputyNamed(who[0], who[1]);
            Loyalty l = alignments.loyalty(uid).orElseThrow();
            NaiveVotes.Loyalty n = expected.get(uid);
            assertThat(l.share()).as(who[1]).isCloseTo((double) n.same() / n.counted(), within(1e-12));
            assertThat(l.counted()).as(who[1]).isGreaterThan(100);
        }
    }

    @Test
    void everyGroupsCohesionIsTheMeanOfTheNaiveRiceIndexes() {
        Map<String, NaiveVotes.Cohesion> expected = naive.cohesions();
        assertThat(expected).containsKeys("PO845413", "PO845401", "PO845407", "PO845419", "PO845485");
        expected.forEach((group, n) -> {
            Cohesion c = alignments.cohesion(group).orElseThrow();
            assertThat(c.scrutins()).as(group).isEqualTo(n.numbers().size());
            assertThat(c.perScrutin().stream().map(VoteAlignments.ScrutinRice::number).toList()).as(group)
                    .isEqualTo(n.numbers());
            assertThat(c.averageRice()).as(group).isCloseTo(n.mean(), within(1e-9));
            double monthlyWeighted = c.months().stream().mapToDouble(m -> m.averageRice() * m.scrutins()).sum();
            assertThat(monthlyWeighted / c.scrutins()).as(group).isCloseTo(n.mean(), within(1e-9));
            assertThat(c.method()).isEqualTo("an-cohesion-1");
        });
        naive.nonInscrits.forEach(ni -> assertThat(alignments.cohesion(ni)).as(ni).isEmpty());
        assertThat(alignments.cohesion("PO999999999")).isEmpty();
    }

    @Test
    void closenessOfPairsInOneGroupAndInOpposedGroupsIsTheNaiveShareOfCommonScrutinsVotedAlike() {
        String panot = ShippedData.sittingDeputyNamed("Mathilde", "Panot");
        String bompard = ShippedData.sittingDeputyNamed("Manuel", "Bompard");
        String lePen = ShippedData.sittingDeputyNamed("Marine", "Le Pen");
        String vallaud = ShippedData.sittingDeputyNamed("Boris", "Vallaud");
        String attal = ShippedData.sittingDeputyNamed("Gabriel", "Attal");
        for (String[] pair : new String[][] {{panot, bompard}, {panot, lePen}, {vallaud, attal}, {lePen, attal}}) {
            NaiveVotes.Closeness n = naive.closeness(pair[0], pair[1]);
            Closeness c = alignments.closeness(pair[0], pair[1]).orElseThrow();
            assertThat(List.of(c.same(), c.common())).containsExactly(n.same(), n.common());
            assertThat(List.of(c.from(), c.to())).containsExactly(n.from(), n.to());
            assertThat(alignments.closeness(pair[1], pair[0]).orElseThrow().share()).isEqualTo(c.share());
        }
        double sameGroup = alignments.closeness(panot, bompard).orElseThrow().share();
        assertThat(sameGroup).isGreaterThan(0.9).isGreaterThan(alignments.closeness(panot, lePen).orElseThrow().share());
    }

    /** The figures docs/journalists/methodology.md gives as worked examples, so that the page stays true. */
    @Test
    void theMethodologysWorkedExamplesAreTheShippedDatasFigures() {
        String panot = ShippedData.sittingDeputyNamed("Mathilde", "Panot");
        String lePen = ShippedData.sittingDeputyNamed("Marine", "Le Pen");
        Loyalty l = alignments.loyalty(panot).orElseThrow();
        assertThat(List.of(l.same(), l.counted())).containsExactly(1407, 1409);
        assertThat(List.of(l.from().toString(), l.to().toString())).containsExactly("2024-10-09", "2025-11-17");
        Cohesion lfi = alignments.cohesion("PO845413").orElseThrow();
        assertThat(lfi.scrutins()).isEqualTo(3617);
        assertThat(Math.round(lfi.averageRice() * 100)).isEqualTo(99);
        VoteAlignments.ScrutinRice s18 = lfi.perScrutin().stream().filter(r -> r.number() == 18).findFirst().orElseThrow();
        assertThat(List.of(s18.forVotes(), s18.against())).containsExactly(26, 1);
        VoteAlignments.MonthlyRice lowest = lfi.months().stream()
                .min(java.util.Comparator.comparingDouble(VoteAlignments.MonthlyRice::averageRice)).orElseThrow();
        assertThat(lowest.month()).hasToString("2025-10");
        assertThat(lowest.scrutins()).isEqualTo(256);
        assertThat(Math.round(lowest.averageRice() * 100)).isEqualTo(98);
        Closeness c = alignments.closeness(panot, lePen).orElseThrow();
        assertThat(List.of(c.same(), c.common())).containsExactly(53, 315);
    }

    @Test
    void unknownDeputiesAndTheSameDeputyTwiceHaveNoFigure() {
        String panot = ShippedData.sittingDeputyNamed("Mathilde", "Panot");
        assertThat(alignments.loyalty("PA0")).isEmpty();
        assertThat(alignments.loyalty("not a uid")).isEmpty();
        assertThat(alignments.closeness(panot, "PA0")).isEmpty();
        assertThat(alignments.closeness(panot, panot)).isEmpty();
    }

    @Test
    void aDeputyWhoNeverVotedHasNoLoyaltyAndNoClosenessButIsKnown() {
        Set<String> voted = new HashSet<>();
        naive.scrutins.forEach(s -> s.groups().values().forEach(m -> voted.addAll(m.keySet())));
        String panot = ShippedData.sittingDeputyNamed("Mathilde", "Panot");
        List<Deputy> silent = ShippedData.snapshot().deputies().stream().filter(d -> !voted.contains(d.uid())).toList();
        assertThat(silent).as("deputies of the data never listed for, against or abstaining").isNotEmpty();
        for (Deputy d : silent) {
            assertThat(alignments.loyalty(d.uid())).as(d.uid()).isEmpty();
            assertThat(alignments.closeness(d.uid(), panot)).as(d.uid()).isEmpty();
        }
    }
}
