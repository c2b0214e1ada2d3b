package fr.civicgateway.core.votes;

import static fr.civicgateway.core.votes.VoteTable.ALICE;
import static fr.civicgateway.core.votes.VoteTable.BRUNO;
import static fr.civicgateway.core.votes.VoteTable.CLARA;
import static fr.civicgateway.core.votes.VoteTable.DENIS;
import static fr.civicgateway.core.votes.VoteTable.G1;
import static fr.civicgateway.core.votes.VoteTable.NI;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.Understanding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a user reads when {@code representative_votes} answers loyalty, closeness and cohesion, word for word, on the
 * hand-checked table of {@link VoteAlignmentsTest}.
 */
class AlignmentAnswersTest {

    private static final Instant NOW = Instant.parse("2026-04-20T10:00:00Z");
    private static final VoteTable DATA = VoteAlignmentsTest.table();
    private static final RepresentativeVotesHandler HANDLER = new RepresentativeVotesHandler(DATA,
            (topic, limit) -> new TopicSearch.Matches(List.of(), 0), new VoteAlignments(DATA),
            MethodLinks.at("https://civic.example.org"));

    /** The answer's text to {@code text}, where each {@code names[i]} is a mention of {@code values[i]}. */
    private static String ask(Language lang, String text, String... mentions) {
        List<EntityMention> entities = new ArrayList<>();
        for (int i = 0; i < mentions.length; i += 3) {
            String name = mentions[i + 2];
            int at = text.indexOf(name);
            entities.add(new EntityMention(EntityType.valueOf(mentions[i]), mentions[i + 1], name, at, at + name.length()));
        }
        Turn turn = new Turn(new IncomingMessage("test", "c1", text, null, null),
                new Understanding(text, lang, List.of(new IntentScore(Intent.REPRESENTATIVE_VOTES, 0.99)), entities),
                lang, ConversationState.start(lang, NOW), NOW);
        return ((Reply.Text) HANDLER.handle(turn).replies().getFirst()).text();
    }

    @Test
    void saysTheShareOfVotesCastLikeTheGroupWithCountsPeriodMethodAndSource() {
        assertThat(ask(Language.FR, "Est-ce que Alice Arnaud vote comme son groupe ?", "DEPUTY", ALICE, "Alice Arnaud"))
                .isEqualTo("Alice Arnaud a voté comme la majorité de son groupe dans 50,0 % des scrutins où elle a voté "
                        + "et où ce groupe avait une position majoritaire : 1 sur 2, du 10 janvier 2025 au 20 janvier "
                        + "2025. Elle s'en est écartée une fois.\n"
                        + "Sont comptés les scrutins publics ordinaires et solennels où elle a voté pour, contre ou s'est "
                        + "abstenue ; la position majoritaire est celle que strictement plus de membres du groupe ont "
                        + "prise que chacune des deux autres, dans le groupe sous lequel le vote est inscrit (les "
                        + "non-inscrits ne forment pas un groupe). Méthode an-loyalty-1 : "
                        + "https://civic.example.org/methodology#an-loyalty-1\n"
                        + "Source : Assemblée nationale, https://www.assemblee-nationale.fr/dyn/deputes/PA1 (données au "
                        + "20 février 2025).");
        assertThat(ask(Language.EN, "Does Bruno Blanc vote with his group?", "DEPUTY", BRUNO, "Bruno Blanc"))
                .startsWith("Bruno Blanc voted like the majority of his group in 100.0% of the votes where he voted "
                        + "and the group had a majority position: 2 of 2, from 10 January 2025 to 20 January 2025. "
                        + "He never departed from it.\n")
                .contains("Method an-loyalty-1: https://civic.example.org/methodology#an-loyalty-1")
                .endsWith("https://www.assemblee-nationale.fr/dyn/deputes/PA2 (data as of 20 February 2025).");
    }

    @Test
    void readsAGroupNamedBesideTheDeputyAsTheirGroup() {
        assertThat(ask(Language.FR, "Alice Arnaud vote-t-elle comme G1 ?", "DEPUTY", ALICE, "Alice Arnaud",
                "GROUP", G1, "G1"))
                .startsWith("Alice Arnaud a voté comme la majorité de son groupe dans 50,0 % des scrutins");
        assertThat(ask(Language.FR, "Alice Arnaud et le groupe G1", "DEPUTY", ALICE, "Alice Arnaud", "GROUP", G1, "G1"))
                .as("no word of following: the latest votes").startsWith("Les 5 derniers scrutins");
    }

    @Test
    void saysANonInscritHasNoLoyaltyFigure() {
        assertThat(ask(Language.FR, "Denis Durand est-il loyal à son groupe ?", "DEPUTY", DENIS, "Denis Durand"))
                .startsWith("Je n'ai pas de chiffre pour Denis Durand : il n'a voté dans aucun scrutin public ordinaire "
                        + "ou solennel des données où son groupe avait une position majoritaire")
                .doesNotContain("%");
    }

    @Test
    void comparesTwoDeputiesNamedInOneMessage() {
        assertThat(ask(Language.FR, "Alice Arnaud et Clara Colin votent-elles pareil ?",
                "DEPUTY", ALICE, "Alice Arnaud", "DEPUTY", CLARA, "Clara Colin"))
                .isEqualTo("Alice Arnaud et Clara Colin ont voté de la même façon (pour, contre ou abstention) dans "
                        + "50,0 % des scrutins où les deux ont voté : 2 sur 4, du 10 janvier 2025 au 20 février 2025.\n"
                        + "Sont comptés les scrutins publics ordinaires et solennels où chacun a voté pour, contre ou "
                        + "s'est abstenu. Méthode an-closeness-1 : https://civic.example.org/methodology#an-closeness-1\n"
                        + "Source : Assemblée nationale, https://www.assemblee-nationale.fr/dyn/deputes/PA1 et "
                        + "https://www.assemblee-nationale.fr/dyn/deputes/PA3 (données au 20 février 2025).");
        assertThat(ask(Language.EN, "Do Alice Arnaud and Bruno Blanc vote the same way?",
                "DEPUTY", ALICE, "Alice Arnaud", "DEPUTY", BRUNO, "Bruno Blanc"))
                .startsWith("Alice Arnaud and Bruno Blanc voted the same way (for, against or abstention) in 33.3% of "
                        + "the votes where both voted: 1 of 3, from 10 January 2025 to 5 February 2025.");
    }

    @Test
    void asksForTwoDifferentDeputiesWhenTheSameIsNamedTwice() {
        assertThat(ask(Language.FR, "Alice Arnaud et Mme Arnaud votent-elles pareil ?",
                "DEPUTY", ALICE, "Alice Arnaud", "DEPUTY", ALICE, "Mme Arnaud"))
                .isEqualTo("Vous avez nommé deux fois Alice Arnaud : nommez deux députés différents pour comparer leurs "
                        + "votes.");
    }

    @Test
    void givesAGroupsMeanRiceIndexItsLeastUnitedMonthMethodAndSource() {
        assertThat(ask(Language.FR, "Le groupe G1 est-il uni ?", "GROUP", G1, "G1"))
                .isEqualTo("Le groupe Groupe Un (G1) a un indice de cohésion (indice de Rice) moyen de 0,44 sur 3 "
                        + "scrutins, du 10 janvier 2025 au 5 février 2025 : 1 quand tous ses membres qui ont voté pour ou "
                        + "contre ont voté de même, 0 quand ils se sont partagés à parts égales. Son mois le moins uni : "
                        + "février 2025 (0,00 sur 1 scrutin).\n"
                        + "Sont comptés les scrutins publics ordinaires et solennels où au moins un membre du groupe a "
                        + "voté pour ou contre ; les abstentions ne comptent pas dans l'indice. Méthode an-cohesion-1 : "
                        + "https://civic.example.org/methodology#an-cohesion-1\n"
                        + "Source : Assemblée nationale, https://www.assemblee-nationale.fr/dyn/17/scrutins (données au "
                        + "20 février 2025).");
        assertThat(ask(Language.EN, "Is the G1 group united?", "GROUP", G1, "G1"))
                .startsWith("The Groupe Un (G1) group has a mean cohesion index (Rice index) of 0.44 over 3 votes, "
                        + "from 10 January 2025 to 5 February 2025");
    }

    @Test
    void saysTheNonInscritsFormNoGroup() {
        assertThat(ask(Language.FR, "Les non-inscrits sont-ils unis ?", "GROUP", NI, "non-inscrits"))
                .startsWith("Les députés non inscrits ne forment pas un groupe : je ne calcule pas leur cohésion.");
    }

    @Test
    void stillGivesTheLatestVotesWhenNoFigureIsAskedFor() {
        assertThat(ask(Language.FR, "Quels sont les derniers votes d'Alice Arnaud ?", "DEPUTY", ALICE, "Alice Arnaud"))
                .startsWith("Les 5 derniers scrutins publics des données, et le vote de Alice Arnaud :");
    }
}
