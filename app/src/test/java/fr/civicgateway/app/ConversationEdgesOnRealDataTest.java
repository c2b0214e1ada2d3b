package fr.civicgateway.app;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.app.support.GatewayTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import fr.civicgateway.core.text.Text;
import fr.civicgateway.opendata.testing.ShippedData;
import tools.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edges of a conversation, through {@code POST /api/v1/chat} on the shipped data: a follow-up naming only another
 * deputy or a place asks the previous question about them; a second name waits through « lequel ? »; a place the
 * tables do not know keeps the question waiting. Each continued answer is compared with the same question asked
 * directly in a fresh conversation, which the handlers compute from the data on their own.
 */
@GatewayTest
class ConversationEdgesOnRealDataTest {

    /** The profile's opening for Marine Le Pen: what a follow-up wrongly answered before. */
    private static final String LE_PEN_PROFILE = "Marine Le Pen est députée de la 11e circonscription du Pas-de-Calais";

    @LocalServerPort
    int port;
    ChatClient chat;
    String conversation;

    @BeforeEach
    void newConversation() {
        chat = new ChatClient(port);
        conversation = "dialogue-edges-" + UUID.randomUUID();
    }

    private String fresh(String text) {
        return chat.read("dialogue-edges-" + UUID.randomUUID(), text);
    }

    @Test
    void aFollowUpNamingAnotherDeputyAsksHerTheLoyaltyQuestion() {
        chat.read(conversation, "Est-ce que Boris Vallaud vote comme son groupe ?");
        String answer = chat.read(conversation, "et Marine Le Pen ?");

        assertThat(answer).startsWith("Marine Le Pen a voté comme la majorité de son groupe dans ")
                .isEqualTo(fresh("Est-ce que Marine Le Pen vote comme son groupe ?"));
    }

    @Test
    void aFollowUpNamingAnotherDeputyAsksHerEveryRecordQuestion() {
        String[][] cases = {
                {"Quel est le taux de participation de Boris Vallaud ?", "Quel est le taux de participation de Marine Le Pen ?"},
                {"Combien de questions a posé Boris Vallaud ?", "Combien de questions a posé Marine Le Pen ?"},
                {"Combien de fois Boris Vallaud a-t-il pris la parole ?", "Combien de fois Marine Le Pen a-t-elle pris la parole ?"},
                {"Quelles propositions de loi a déposées Boris Vallaud ?", "Quelles propositions de loi a déposées Marine Le Pen ?"},
                {"Quelle est la déclaration d'intérêts de Boris Vallaud ?", "Quelle est la déclaration d'intérêts de Marine Le Pen ?"},
                {"Boris Vallaud est-il présent en commission ?", "Marine Le Pen est-elle présente en commission ?"},
                {"Comment contacter Boris Vallaud ?", "Comment contacter Marine Le Pen ?"},
                {"Montre-moi les votes de Boris Vallaud", "Montre-moi les votes de Marine Le Pen"}};
        SoftAssertions.assertSoftly(soft -> {
            for (String[] c : cases) {
                String id = "dialogue-edges-" + UUID.randomUUID();
                chat.read(id, c[0]);
                String followUp = chat.read(id, "et Marine Le Pen ?");
                String direct = fresh(c[1]);

                soft.assertThat(direct).as(c[1]).doesNotStartWith(LE_PEN_PROFILE).contains("Marine Le Pen");
                soft.assertThat(followUp).as(c[0] + " → et Marine Le Pen ?").isEqualTo(direct);
            }
        });
    }

    @Test
    void aFollowUpAfterACloseQuestionComparesTheFirstDeputyWithTheNewName() {
        chat.read(conversation, "Boris Vallaud et Marine Le Pen votent-ils pareil ?");
        String answer = chat.read(conversation, "et Mathilde Panot ?");

        assertThat(answer).startsWith("Boris Vallaud et Mathilde Panot ont voté de la même façon")
                .isEqualTo(fresh("Boris Vallaud et Mathilde Panot votent-ils pareil ?"));
    }

    @Test
    void aFollowUpNamingAPlaceAsksThePreviousQuestionOfItsDeputy() {
        chat.read(conversation, "Comment contacter le député de Tulle ?");
        String answer = chat.read(conversation, "et à Brive-la-Gaillarde ?");

        assertThat(answer).startsWith("Brive-la-Gaillarde fait partie de la 2e circonscription de la Corrèze.")
                .contains("Les coordonnées de ")
                .isEqualTo(fresh("Comment contacter le député de Brive-la-Gaillarde ?"));
    }

    @Test
    void leavesAloneWhatIsNoBareFollowUp() {
        // A question of its own, a follow-up about the same deputy, a scrutin's follow-up: as before.
        chat.read(conversation, "Est-ce que Boris Vallaud vote comme son groupe ?");
        assertThat(chat.read(conversation, "Qui est Marine Le Pen ?")).startsWith(LE_PEN_PROFILE);

        String other = "dialogue-edges-" + UUID.randomUUID();
        chat.read(other, "Est-ce que Boris Vallaud vote comme son groupe ?");
        assertThat(chat.read(other, "et son taux de participation ?"))
                .isEqualTo(fresh("Quel est le taux de participation de Boris Vallaud ?"));

        String scrutin = "dialogue-edges-" + UUID.randomUUID();
        chat.read(scrutin, "Le scrutin 3612 a-t-il été adopté ?");
        assertThat(chat.read(scrutin, "et Marine Le Pen ?")).startsWith("Marine Le Pen ")
                .contains(" lors du scrutin n° 3612 du ");
    }

    @Test
    void keepsTheSecondNameThroughTheChoiceOfTheFirst() {
        List<BotMessage> asked = chat.say(conversation, "Rousseau et Marine Le Pen votent-ils pareil ?");
        assertThat(asked.getFirst().titles()).containsExactlyInAnyOrder("Sandrine Rousseau", "Aurélien Rousseau");

        String answer = chat.read(conversation, asked.getFirst().payloadOf("Sandrine Rousseau"));

        assertThat(answer).startsWith("Sandrine Rousseau et Marine Le Pen ont voté de la même façon")
                .isEqualTo(fresh("Sandrine Rousseau et Marine Le Pen votent-ils pareil ?"));
    }

    @Test
    void aChoiceWithoutSecondNameAnswersTheChosenDeputyAlone() {
        List<BotMessage> asked = chat.say(conversation, "Montre-moi les votes de Rousseau");

        String answer = chat.read(conversation, asked.getFirst().payloadOf("Aurélien Rousseau"));

        assertThat(answer).startsWith("Les 5 derniers scrutins publics des données, et le vote de Aurélien Rousseau :")
                .isEqualTo(fresh("Montre-moi les votes de Aurélien Rousseau"));
    }

    @Test
    void anUnknownPlaceKeepsTheQuestionWaitingForARightOne() {
        chat.read(conversation, "Mon député participe-t-il aux votes ?");

        String unknown = chat.read(conversation, "Trifouillis-les-Oies");
        String answer = chat.read(conversation, "Tulle");

        assertThat(unknown).startsWith("Je ne trouve « Trifouillis-les-Oies » ni parmi les communes des tables"
                + " géographiques (").contains("votre question attend la réponse");
        assertThat(answer).startsWith("Tulle fait partie de la 1re circonscription de la Corrèze. Votre député est"
                + " François Hollande.\n").endsWith(fresh("Quel est le taux de participation de François Hollande ?"));
    }

    @Test
    void aMisspeltPlaceOffersSuggestionsAndKeepsTheQuestionWaiting() {
        chat.read(conversation, "Mon député participe-t-il aux votes ?");

        List<BotMessage> guessed = chat.say(conversation, "Anecy");
        String answer = chat.read(conversation, "Tulle");

        assertThat(guessed.getFirst().text()).startsWith("Je ne trouve pas de commune nommée « Anecy ».");
        assertThat(guessed.getFirst().titles()).contains("Annecy (74)");
        assertThat(answer).endsWith(fresh("Quel est le taux de participation de François Hollande ?"));
    }

    @Test
    void aWordThatIsNoNameIsNotTakenForAnUnknownPlace() {
        chat.read(conversation, "Mon député participe-t-il aux votes ?");

        assertThat(chat.read(conversation, "merci")).doesNotContain("ni parmi les communes");
    }

    /** The communes of La Poste's shipped file whose name's first word is {@code head}, read naively. */
    private static List<String> communesHeadedBy(String head) throws IOException {
        return Files.readAllLines(ShippedData.repositoryRoot().resolve("data/geo/laposte-codes-postaux/019HexaSmal.csv"),
                        StandardCharsets.ISO_8859_1).stream().skip(1).map(l -> l.split(";"))
                .filter(r -> Text.foldToWords(r[1]).startsWith(head + " ")).map(r -> r[0]).distinct().toList();
    }

    @Test
    void aCommunesShortNameAloneIsThatCommune() throws IOException {
        assertThat(communesHeadedBy("brive")).as("one commune is named Brive-…").hasSize(1);
        String direct = fresh("Brive-la-Gaillarde");

        assertThat(direct).startsWith("Brive-la-Gaillarde fait partie de la 2e circonscription de la Corrèze.");
        assertThat(fresh("Brive")).isEqualTo(direct);
        assertThat(fresh("brive")).isEqualTo(direct);
        assertThat(fresh("Qui est le député de Brive ?")).startsWith(direct.lines().findFirst().orElseThrow());
    }

    @Test
    void aShortNameSeveralCommunesShareIsAskedBackWithTheirNames() throws IOException {
        List<String> issys = communesHeadedBy("issy");
        assertThat(issys).as("Issy-les-Moulineaux, Issy-l'Évêque").hasSizeGreaterThan(1);

        List<BotMessage> asked = chat.say(conversation, "Issy");

        assertThat(asked.getFirst().text()).startsWith("Plusieurs communes s'appellent « Issy ».");
        assertThat(asked.getFirst().titles()).hasSize(issys.size()).allMatch(t -> t.startsWith("Issy-"))
                .contains("Issy-les-Moulineaux (92)");
        assertThat(chat.read(conversation, "Issy-les-Moulineaux (92)")).isEqualTo(fresh("Issy-les-Moulineaux"));
    }

    @Test
    void aDeputysNameIsNoTownsShortName() {
        // Boulogne-Billancourt, Boulogne-sur-Mer… and the deputy Anthony Boulogne: the deputy's name wins.
        assertThat(fresh("Boulogne")).startsWith("Anthony Boulogne est député de la 6e circonscription de la"
                + " Meurthe-et-Moselle");
    }

    @Test
    void theLoyaltyQuestionWaitsThroughTheChoiceOfTheDeputy() {
        List<BotMessage> asked = chat.say(conversation, "Rousseau vote-t-il comme son groupe ?");

        String answer = chat.read(conversation, asked.getFirst().payloadOf("Aurélien Rousseau"));

        assertThat(answer).startsWith("Aurélien Rousseau a voté comme la majorité de son groupe dans ")
                .isEqualTo(fresh("Aurélien Rousseau vote-t-il comme son groupe ?"));
    }

    @Test
    void theLoyaltyQuestionWaitsForThePlaceOfTheCitizensDeputy() {
        chat.read(conversation, "Mon député vote-t-il comme son groupe ?");

        String answer = chat.read(conversation, "Tulle");

        assertThat(answer).startsWith("Tulle fait partie de la 1re circonscription de la Corrèze. Votre député est"
                + " François Hollande.\n").endsWith(fresh("François Hollande vote-t-il comme son groupe ?"));
    }

    @Test
    void ordinaryWordsAndFirstWordsOfManyTownsAreNoPlace() {
        List<String> sentences = List.of("Sept députés ont voté contre", "Neuf scrutins cette semaine ?",
                "Le chef du groupe socialiste", "sur la rive gauche", "Chef de file", "Rive droite",
                "Trois questions au gouvernement", "La porte est fermée", "Grand merci", "Petit rappel",
                "Pont fermé", "Sept", "Neuf", "chef", "rive", "Bourg et village", "Port de pêche",
                "Bois de chauffage", "Fort bien", "Haute trahison", "Champ libre", "Pierre qui roule",
                "Le vote solennel", "Quel est le résultat ?",
                "Qui est mon député ?", "Merci beaucoup", "Bonjour", "les dernières lois votées",
                "Comment fonctionne l'Assemblée ?", "Quand est la prochaine séance ?", "Quelles questions écrites ?",
                "Il fait beau", "Voter pour le budget", "La santé et l'école", "Grande cause", "Nouvelle loi",
                "Deux amendements");
        SoftAssertions.assertSoftly(soft -> {
            for (String text : sentences) {
                JsonNode body = ChatClient.json(chat.post("/api/v1/nlu/parse",
                        "{\"text\":\"" + text + "\"}").body());
                for (JsonNode e : body.get("entities")) {
                    soft.assertThat(e.get("entity").asString()).as(text + " → " + e).isNotEqualTo("commune");
                }
            }
        });
    }
}
