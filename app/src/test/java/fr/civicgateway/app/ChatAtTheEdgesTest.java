package fr.civicgateway.app;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.opendata.testing.ShippedData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Questions at the edges of what the gateway knows (issue 8), through {@code POST /api/v1/chat} on the shipped data:
 * a question it has no answer for gets the honest "not yet" or out-of-scope answer, never the nearest intent's;
 * a follow-up keeps the conversation's scrutin; a scrutin the data does not hold is said not to exist; a place after
 * "sur" in a question about votes is a topic. Expected positions are read from the raw files by {@link ShippedData}.
 */
@GatewayTest
class ChatAtTheEdgesTest {

    private static final String PANOT = "PA720892";
    private static final String VALLAUD = "PA719930";
    private static final String ATTAL = "PA722190";
    /** The opening of the capability list, as every "I can't answer" answer gives it. */

    @LocalServerPort
    int port;
    ChatClient chat;
    String conversation;

    @BeforeEach
    void newConversation() {
        chat = new ChatClient(port);
        conversation = "edges-" + UUID.randomUUID();
    }

    private String fresh(String text) {
        return chat.read("edges-" + UUID.randomUUID(), text);
    }

    private static String frenchPosition(String listing) {
        return switch (listing == null ? "" : listing) {
            case "pours" -> "a voté pour";
            case "contres" -> "a voté contre";
            case "abstentions" -> "s'est abstenu";
            default -> "n'a pas pris part au vote";
        };
    }

    private static String frenchDate(LocalDate d) {
        String s = d.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH));
        return d.getDayOfMonth() == 1 ? "1er" + s.substring(1) : s;
    }

    private static int newestScrutin() {
        int[] newest = {0};
        ShippedData.forEachScrutin(s -> newest[0] = Math.max(newest[0], Integer.parseInt(s.path("numero").asString())));
        return newest[0];
    }

    @Test
    void saysPlainlyTheTownHasNoNewsFeedRatherThanAnsweringAnotherIntent() {
        // The shipped configuration's feed is off (no internet assumed): local_news says so, never another answer.
        String answer = fresh("Quoi de neuf à la mairie ?");

        assertThat(answer).isEqualTo("Votre commune n'a pas encore branché ses actualités sur ce service : je ne peux"
                + " pas vous dire ce qu'elle publie. Consultez son site ou son journal municipal.");
    }

    @Test
    void reportsTheNewIntentNamesInTheParseEndpoint() {
        String[][] cases = {
                {"Combien de fois Mathilde Panot a-t-elle pris la parole ?", "representative_speeches"},
                {"Quelles propositions de loi a déposées Gabriel Attal ?", "representative_bills"},
                {"Quels sont les travaux parlementaires en cours ?", "legislative_work"},
                {"Comment fonctionne l'Assemblée ?", "assembly_info"},
                {"Quoi de neuf à la mairie ?", "local_news"},
                {"Comment contacter Mathilde Panot ?", "contact_representative"},
                {"Where does the immigration bill stand?", "bill_status"},
                // API.md §2: legislative_work is "which texts it adopted lately", "which bills it is working on"
                {"Quels textes ont été adoptés récemment ?", "legislative_work"},
                {"What texts were adopted recently?", "legislative_work"},
                {"What is the Assembly working on this week?", "legislative_work"}};
        SoftAssertions.assertSoftly(soft -> {
            for (String[] c : cases) {
                JsonNode body = ChatClient.json(chat.post("/api/v1/nlu/parse", "{\"text\":\"" + c[0] + "\"}").body());

                soft.assertThat(body.get("intent").get("name").asString()).as(c[0]).isEqualTo(c[1]);
            }
        });
    }

    @Test
    void givesTheOutOfScopeAnswerToEverydayQuestionsItHasNoIntentFor() {
        List<String> questions = List.of(
                "Quelles aides pour les associations ?",
                "Quelqu'un vient à la réunion ce soir ?",
                "Comment obtenir un permis de construire pour une véranda ?",
                "Où puis-je promener mon chien sans laisse ?",
                "La cantine sert-elle des repas végétariens ?",
                "Est-ce que le musée est gratuit le dimanche ?",
                "Comment devenir bénévole pour la banque alimentaire ?");
        SoftAssertions.assertSoftly(soft -> {
            for (String q : questions) {
                String answer = fresh(q);

                soft.assertThat(answer).as(q).startsWith("Je ne sais pas répondre à cela. Je peux vous dire, d'après"
                        + " les données ouvertes de l'Assemblée nationale :");
            }
        });
    }

    @Test
    void keepsTheConversationsScrutinWhenAFollowUpNamesAnotherDeputy() {
        assertThat(ShippedData.name(VALLAUD)).isEqualTo("Boris Vallaud");
        String expected = frenchPosition(ShippedData.listing(ShippedData.scrutin(3612), VALLAUD));

        chat.read(conversation, "Le scrutin 3612 a-t-il été adopté ?");
        String answer = chat.read(conversation, "et Boris Vallaud, il a voté quoi ?");

        assertThat(answer).startsWith("Boris Vallaud " + expected + " lors du scrutin n° 3612 du ");
    }

    @Test
    void saysAScrutinFarBeyondTheDataDoesNotExist() {
        int newest = newestScrutin();
        LocalDate date = LocalDate.parse(ShippedData.scrutin(newest).path("dateScrutin").asString());

        String answer = fresh("Le scrutin 5000 a-t-il été adopté ?");

        assertThat(answer).isEqualTo("Il n'y a pas de scrutin n° 5000 dans les données chargées : elles vont jusqu'au "
                + "scrutin n° " + newest + " du " + frenchDate(date) + ".");
        assertThat(fresh("Comment a voté Mathilde Panot au scrutin 5000 ?"))
                .startsWith("Il n'y a pas de scrutin n° 5000 dans les données chargées");
    }

    @Test
    void searchesAPlaceNameAfterSurAsTheTopicOfTheVotes() {
        String answer = fresh("Comment a voté Mathilde Panot sur Mayotte ?");

        assertThat(answer).contains("à « Mayotte ». Votes de Mathilde Panot sur les plus importants :")
                .doesNotContain("derniers scrutins");
        Matcher m = Pattern.compile("• Scrutin n° (\\d+) [^\\n]*? : Mathilde Panot ([^;]+);").matcher(answer);
        List<Integer> listed = new ArrayList<>();
        while (m.find()) {
            int number = Integer.parseInt(m.group(1));
            listed.add(number);
            JsonNode s = ShippedData.scrutin(number);
            assertThat(s.path("titre").asString() + " " + s.path("objet").path("libelle").asString())
                    .containsIgnoringCase("mayotte");
            assertThat(m.group(2)).startsWith(frenchPosition(ShippedData.listing(s, PANOT)));
        }
        assertThat(listed).isNotEmpty();
    }

    @Test
    void answersHowADeputyVotedWhateverTheWordingAroundTheScrutin() {
        String expected = "Mathilde Panot " + frenchPosition(ShippedData.listing(ShippedData.scrutin(3876), PANOT))
                + " lors du scrutin n° 3876 du ";
        List<String> wordings = List.of(
                "Mathilde Panot s'est-elle prononcée lors du scrutin 3876 ?",
                "Comment a voté Mathilde Panot lors du vote 3876 ?",
                "Qu'a fait Mathilde Panot pendant le scrutin 3876 ?",
                "Mathilde Panot s'est prononcée sur le scrutin 3876 ?",
                "Lors du scrutin 3876, qu'a voté Mathilde Panot ?",
                "Le scrutin 3876 : Mathilde Panot était pour ?",
                "Pendant le scrutin n° 3876, Mathilde Panot a fait quoi ?");
        SoftAssertions.assertSoftly(soft -> {
            for (String w : wordings) {
                soft.assertThat(fresh(w)).as(w).startsWith(expected);
            }
        });
    }

    private static String englishPosition(String listing) {
        return switch (listing == null ? "" : listing) {
            case "pours" -> "voted for";
            case "contres" -> "voted against";
            case "abstentions" -> "abstained";
            default -> "did not take part in the vote";
        };
    }

    @Test
    void aBareFollowUpNamingADeputyAfterAScrutinIsTheirVoteOnIt() {
        assertThat(ShippedData.name(PANOT)).isEqualTo("Mathilde Panot");
        assertThat(ShippedData.name(ATTAL)).isEqualTo("Gabriel Attal");
        JsonNode s3612 = ShippedData.scrutin(3612);

        chat.read(conversation, "Le scrutin 3612 a-t-il été adopté ?");
        assertThat(chat.read(conversation, "et Mathilde Panot ?"))
                .startsWith("Mathilde Panot " + frenchPosition(ShippedData.listing(s3612, PANOT)) + " lors du scrutin n° 3612 du ");

        String afterAVote = "edges-" + UUID.randomUUID();
        chat.read(afterAVote, "Comment a voté Boris Vallaud au scrutin 3612 ?");
        assertThat(chat.read(afterAVote, "et Mathilde Panot ?"))
                .startsWith("Mathilde Panot " + frenchPosition(ShippedData.listing(s3612, PANOT)) + " lors du scrutin n° 3612 du ");

        String english = "edges-" + UUID.randomUUID();
        chat.read(english, "Résultat du scrutin 3612");
        assertThat(chat.say(english, "what about Gabriel Attal?", "en").getFirst().text())
                .startsWith("Gabriel Attal " + englishPosition(ShippedData.listing(s3612, ATTAL)) + " in scrutin ");
    }

    @Test
    void aDeputyNamedWithVoteWordsAndNoScrutinGetsTheirLatestVotes() {
        List<String[]> cases = List.of(
                new String[] {"Quels sont les derniers votes de Gabriel Attal ?", "et le vote de Gabriel Attal :"},
                new String[] {"Montre-moi les votes de Boris Vallaud", "et le vote de Boris Vallaud :"},
                new String[] {"Donne-moi les votes de Mathilde Panot", "et le vote de Mathilde Panot :"});
        SoftAssertions.assertSoftly(soft -> {
            for (String[] c : cases) {
                soft.assertThat(fresh(c[0])).as(c[0]).contains("Les 5 derniers scrutins publics des données", c[1]);
            }
            for (String[] c : List.of(new String[] {"What are the latest votes of Gabriel Attal?", "Gabriel Attal's vote:"},
                    new String[] {"Show me Boris Vallaud's votes", "Boris Vallaud's vote:"})) {
                String answer = chat.say("edges-" + UUID.randomUUID(), c[0], "en").getFirst().text();
                soft.assertThat(answer).as(c[0]).contains("The latest 5 public votes in the data", c[1]);
            }
        });
    }

    @Test
    void givesTheOutOfScopeAnswerToQuestionsAboutOtherOfficesOrWhatNoDataHolds() {
        List<String> french = List.of(
                "Comment voter par procuration ?",
                "Qui est le maire de Paris ?",
                "Combien coûte l'Assemblée nationale ?",
                "Combien gagne un député ?",
                "Quel âge a Marine Le Pen ?",
                "Quelle est l'ancienneté de Gabriel Attal ?",
                "Qui est le sénateur du Gard ?");
        SoftAssertions.assertSoftly(soft -> {
            for (String q : french) {
                soft.assertThat(fresh(q)).as(q).startsWith("Je ne sais pas répondre à cela. Je peux vous dire, d'après"
                        + " les données ouvertes de l'Assemblée nationale :");
            }
            for (String q : List.of("Who is the mayor of Lyon?", "How old is Marine Le Pen?",
                    "how much does an MP earn?", "What are an MP's expenses?")) {
                soft.assertThat(chat.say("edges-" + UUID.randomUUID(), q, "en").getFirst().text()).as(q)
                        .startsWith("I can't answer that. From the Assemblée nationale's open data, I can tell you:");
            }
        });
    }
}
