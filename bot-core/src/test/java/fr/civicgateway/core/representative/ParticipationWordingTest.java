package fr.civicgateway.core.representative;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.Understanding;
import fr.civicgateway.core.parliament.DataInfo;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.NonVotingCause;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.PoliticalGroup;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The participation answer says its counts in whole, agreeing sentences (issue 10: "1 votes where…" was said): one
 * scrutin left out is singular in both languages, several are plural, and the pronoun follows the deputy's gender.
 */
class ParticipationWordingTest {

    /** The fixture's parliament, where the given deputy chaired the sitting of the given scrutins and voted for the others. */
    private static ParliamentData chairing(String deputyUid, Set<Integer> chaired) {
        FakeParliamentData fake = new FakeParliamentData();
        return new ParliamentData() {
            public DataInfo info() {
                return fake.info();
            }

            public Collection<Deputy> deputies() {
                return fake.deputies();
            }

            public Optional<Deputy> deputy(String uid) {
                return fake.deputy(uid);
            }

            public Optional<Deputy> deputyOf(String constituencyId) {
                return fake.deputyOf(constituencyId);
            }

            public Optional<PoliticalGroup> group(String organeUid) {
                return fake.group(organeUid);
            }

            public Collection<PoliticalGroup> groups() {
                return fake.groups();
            }

            public Optional<Scrutin> scrutin(int number) {
                return fake.scrutin(number);
            }

            public List<Scrutin> scrutins() {
                return fake.scrutins();
            }

            public DeputyVote vote(String uid, int number) {
                if (!uid.equals(deputyUid)) {
                    return DeputyVote.NOT_LISTED;
                }
                return chaired.contains(number)
                        ? new DeputyVote(Position.NON_VOTING, false, NonVotingCause.SESSION_CHAIR, null)
                        : new DeputyVote(Position.FOR, false, NonVotingCause.NONE, null);
            }
        };
    }

    private static String attendance(ParliamentData data, String deputyUid, Language language) {
        return ((Reply.Text) answer(data, deputyUid, language).replies().getFirst()).text();
    }

    private static fr.civicgateway.core.dialogue.Answer answer(ParliamentData data, String deputyUid, Language language) {
        String text = language == Language.EN ? "How often does she vote?" : "Participe-t-elle aux votes ?";
        Understanding u = new Understanding(text, language,
                List.of(new IntentScore(Intent.REPRESENTATIVE_ATTENDANCE, 1.0)),
                List.of(new EntityMention(EntityType.DEPUTY, deputyUid, "elle", 0, 4)));
        Turn turn = new Turn(new IncomingMessage("test", "c1", text, language, null), u, language,
                ConversationState.start(language, Instant.EPOCH), Instant.parse("2025-11-22T10:00:00Z"));
        return AttendanceHandler.computingOnFirstQuestion(data, MethodLinks.at("https://civic.example.org")).handle(turn);
    }

    @Test
    void oneScrutinLeftOutIsSingularAndAgreesWithTheDeputy() {
        ParliamentData data = chairing(FakeParliamentData.PANOT, Set.of(700));

        assertThat(attendance(data, FakeParliamentData.PANOT, Language.EN))
                .contains(" 1 vote where she could not vote (chairing the sitting, presiding the Assemblée or in"
                        + " government) is left out.")
                .doesNotContain("1 votes");
        assertThat(attendance(data, FakeParliamentData.PANOT, Language.FR))
                .contains(" 1 scrutin où elle ne pouvait pas voter (présidence de séance, présidence de l'Assemblée ou"
                        + " fonctions gouvernementales) n'est pas compté.");
    }

    @Test
    void severalScrutinsLeftOutArePlural() {
        ParliamentData data = chairing(FakeParliamentData.RUFFIN, Set.of(700, 2100));

        assertThat(attendance(data, FakeParliamentData.RUFFIN, Language.EN))
                .contains(" 2 votes where he could not vote (chairing the sitting, presiding the Assemblée or in"
                        + " government) are left out.");
        assertThat(attendance(data, FakeParliamentData.RUFFIN, Language.FR))
                .contains(" 2 scrutins où il ne pouvait pas voter (présidence de séance, présidence de l'Assemblée ou"
                        + " fonctions gouvernementales) ne sont pas comptés.")
                .contains("François Ruffin a pris part à ");
    }

    @Test
    void theMethodSentenceLinksTheMethodsSectionOfThePublicMethodologyPage() {
        ParliamentData data = chairing(FakeParliamentData.RUFFIN, Set.of(700));

        assertThat(attendance(data, FakeParliamentData.RUFFIN, Language.FR)).contains("Compté à partir de la prise de "
                + "fonction (18 juillet 2024). Méthode an-participation-1 : "
                + "https://civic.example.org/methodology#an-participation-1\nSource : ");
        assertThat(attendance(data, FakeParliamentData.RUFFIN, Language.EN)).contains(". Method an-participation-1: "
                + "https://civic.example.org/methodology#an-participation-1\nSource: ");
    }

    @Test
    void theChartAfterTheAnswerStatesTheAnswersFiguresInBothLanguages() {
        ParliamentData data = chairing(FakeParliamentData.PANOT, Set.of(700));

        var fr = answer(data, FakeParliamentData.PANOT, Language.FR).replies();
        var en = answer(data, FakeParliamentData.PANOT, Language.EN).replies();

        assertThat(fr).hasSize(2);
        java.util.regex.Matcher counts = java.util.regex.Pattern.compile("a pris part à (\\d+) des (\\d+) scrutins.*soit ([\\d,]+\\h%)")
                .matcher(((Reply.Text) fr.getFirst()).text());
        assertThat(counts.find()).isTrue();
        Reply.Chart chart = (Reply.Chart) fr.getLast();
        assertThat(chart.path()).isEqualTo("/api/v1/deputies/PA720892/charts/participation");
        assertThat(chart.locale().getLanguage()).isEqualTo("fr");
        assertThat(chart.caption()).startsWith("Participation de Mathilde Panot aux scrutins publics ordinaires et solennels, mois par mois, du ")
                .endsWith(" : " + counts.group(1) + " sur " + counts.group(2) + " sur toute la période, soit " + counts.group(3) + ".");
        assertThat(chart.alt()).contains("Sur toute la période : " + counts.group(1) + " scrutins sur " + counts.group(2));
        Reply.Chart english = (Reply.Chart) en.getLast();
        assertThat(english.locale().getLanguage()).isEqualTo("en");
        assertThat(english.caption()).startsWith("Mathilde Panot's participation in ordinary and solemn public votes, month by month, from ")
                .contains(": " + counts.group(1) + " of " + counts.group(2) + " over the whole period, ");
    }

    @Test
    void noChartWhenNoScrutinIsCounted() {
        Set<Integer> all = new java.util.HashSet<>();
        new FakeParliamentData().scrutins().forEach(s -> all.add(s.number()));
        ParliamentData data = chairing(FakeParliamentData.PANOT, all);

        var replies = answer(data, FakeParliamentData.PANOT, Language.FR).replies();

        assertThat(replies).singleElement().isInstanceOf(Reply.Text.class);
        assertThat(((Reply.Text) replies.getFirst()).text()).startsWith("Aucun scrutin public ordinaire ou solennel");
    }
}
