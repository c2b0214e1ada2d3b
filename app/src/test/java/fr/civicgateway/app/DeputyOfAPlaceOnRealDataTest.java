package fr.civicgateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.opendata.testing.ShippedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A question about the citizen's own deputy that names the place in the same message ("Comment contacter mon
 * député ? J'habite à Tulle"), through {@code POST /api/v1/chat} on the shipped data: the place gives the deputy and
 * the question asked is answered about them, as in the two-message form. The constituency of a town is read here
 * from the Ministry's table, its deputy from the AMO10 acteur files, the e-mails from the acteur's published
 * addresses and the participation by the naive count of {@link ShippedData#participation}.
 */
@GatewayTest
class DeputyOfAPlaceOnRealDataTest {

    @LocalServerPort
    int port;
    ChatClient chat;
    String conversation;

    @BeforeEach
    void newConversation() {
        chat = new ChatClient(port);
        conversation = "test-" + UUID.randomUUID();
    }

    /** The sitting deputy of a town in one constituency, by the Ministry's table and the AMO10 acteur files. */
    private static String deputyOfTown(String departement, String town) {
        Set<String> circos = ShippedData.constituenciesIn2017Table(departement, town);
        assertThat(circos).as(town + " lies in one constituency").hasSize(1);
        String[] circo = circos.iterator().next().split("-");
        return ShippedData.sittingDeputyOf(circo[0], circo[1]);
    }

    /** The e-mail addresses the acteur's file publishes ("Mèl"). */
    private static List<String> mails(String uid) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : ShippedData.many(ShippedData.acteur(uid).path("adresses").path("adresse"))) {
            if ("Mèl".equals(a.path("typeLibelle").asString()) && a.hasNonNull("valElec")) {
                out.add(a.get("valElec").asString().trim());
            }
        }
        return out;
    }

    /** "a pris part à 575 des 3 864", the naive count written as the bot writes French numbers. */
    private static String tookPart(String uid) {
        int[] c = ShippedData.participation(uid);
        return "a pris part à " + String.format(Locale.ROOT, "%,d", c[0]).replace(',', ' ') + " des "
                + String.format(Locale.ROOT, "%,d", c[1]).replace(',', ' ');
    }

    @Test
    void aContactQuestionThatNamesTheTownGetsThatTownsDeputysContactsInOneTurn() {
        String uid = deputyOfTown("19", "Tulle");
        String name = ShippedData.name(uid);
        assertThat(mails(uid)).isNotEmpty();

        String answer = chat.read(conversation, "Comment contacter mon député ? J'habite à Tulle");

        assertThat(answer).startsWith("Tulle fait partie de la 1re circonscription de la Corrèze. Votre député")
                .contains(" est " + name + ".\n")
                .contains("Les coordonnées de " + name + " publiées par l'Assemblée nationale :")
                .contains("\n• e-mail : " + mails(uid).getFirst() + "\n")
                .contains("Source : Assemblée nationale, https://www.assemblee-nationale.fr/dyn/deputes/" + uid)
                .as("the place says which deputy; the contacts are the answer, not the deputy's profile")
                .doesNotContain("De quel député", "siège au groupe");
    }

    @Test
    void theOneMessageAndTheTwoMessageFormsGiveTheSameAnswer() {
        String oneMessage = chat.read(conversation, "Comment contacter mon député ? J'habite à Tulle");

        String other = "test-" + UUID.randomUUID();
        assertThat(chat.read(other, "Comment contacter mon député ?")).startsWith("De quel député parlez-vous ?");
        String twoMessages = chat.read(other, "Tulle");

        assertThat(twoMessages).isEqualTo(oneMessage);
    }

    @Test
    void thePlaceWinsOverTheDeputyTheConversationWasAbout() {
        String uid = deputyOfTown("19", "Tulle");
        chat.read(conversation, "Qui est Mathilde Panot ?");

        String answer = chat.read(conversation, "Comment contacter mon député ? J'habite à Tulle");

        assertThat(answer).contains("Les coordonnées de " + ShippedData.name(uid) + " publiées")
                .doesNotContain("Panot");
    }

    @Test
    void asksInEnglishTooAndForTheSameDeputyTwice() {
        String uid = deputyOfTown("19", "Tulle");
        String name = ShippedData.name(uid);

        String contact = chat.read(conversation, "How do I contact my MP? I live in Tulle");
        assertThat(contact).startsWith("Tulle is in the 1st constituency of Corrèze. Your deputy is " + name + ".\n")
                .contains(name + "'s contact details as published by the Assemblée nationale:")
                .contains("\n• e-mail: " + mails(uid).getFirst() + "\n");

        // the deputy found is already the conversation's: the question is answered all the same
        String votes = chat.read(conversation, "How often does my MP vote? I live in Tulle");
        int[] c = ShippedData.participation(uid);
        assertThat(votes).startsWith("Tulle is in the 1st constituency of Corrèze. Your deputy is " + name + ".\n")
                .contains(name + " took part in " + String.format(Locale.ROOT, "%,d", c[0]) + " of the "
                        + String.format(Locale.ROOT, "%,d", c[1]));
    }

    @Test
    void attendanceQuestionsAndBillsAskedWithATownOrAPostcodeAreAnsweredForItsDeputy() {
        String brive = deputyOfTown("19", "Brive-la-Gaillarde");
        String attendance = chat.read(conversation,
                "Quel est le taux de participation de mon député ? J'habite à Brive-la-Gaillarde");
        assertThat(attendance).startsWith("Brive-la-Gaillarde fait partie de la 2e circonscription de la Corrèze.")
                .contains(" est " + ShippedData.name(brive) + ".\n")
                .contains(ShippedData.name(brive) + " " + tookPart(brive))
                .contains("Méthode an-participation-1 : " + GatewayTest.PUBLIC_URL + "/methodology#an-participation-1");

        String sameWithJeSuis = chat.read("test-" + UUID.randomUUID(),
                "Est-ce que mon député participe aux votes ? Je suis à Brive-la-Gaillarde");
        assertThat(sameWithJeSuis).isEqualTo(attendance);

        // 19000: Tulle and Les Angles-sur-Corrèze, both in the 1st constituency of Corrèze
        String tulle = deputyOfTown("19", "Tulle");
        assertThat(deputyOfTown("19", "Les Angles-sur-Corrèze")).isEqualTo(tulle);
        String questions = chat.read(conversation, "Quelles questions a posé mon député ? 19000");
        assertThat(questions).startsWith("Ce code postal couvre 2 communes (Les Angles-sur-Corrèze, Tulle), toutes dans "
                        + "la 1re circonscription de la Corrèze.")
                .contains(" est " + ShippedData.name(tulle) + ".\n")
                .contains("Méthode an-questions-1 : " + GatewayTest.PUBLIC_URL + "/methodology#an-questions-1")
                .doesNotContain("De quel député");

        String bills = chat.read(conversation, "Quelles propositions de loi a déposées mon député ? J'habite à Tulle");
        assertThat(bills).startsWith("Tulle fait partie de la 1re circonscription de la Corrèze.")
                .contains(ShippedData.name(tulle) + " est ")
                .contains("Méthode an-bills-1 : " + GatewayTest.PUBLIC_URL + "/methodology#an-bills-1");
    }

    @Test
    void everyKindOfQuestionAboutTheDeputyIsAnsweredBesideATownAPostcodeAConstituencyOrADepartement() {
        String name = ShippedData.name(deputyOfTown("19", "Tulle"));
        String tulle = "Tulle fait partie de la 1re circonscription de la Corrèze. Votre député";
        String[][] asked = {
                {"Mon député a-t-il pris la parole en séance ? J'habite à Tulle", tulle, "Méthode an-speeches-1"},
                {"Quelles déclarations d'intérêts a faites mon député ? 19000", "Ce code postal couvre 2 communes",
                        "https://www.hatvp.fr/"},
                {"Mon député est-il présent en commission ? J'habite à Tulle", tulle, "Méthode an-committee-presence-1"},
                {"Je voudrais contacter mon député, j'habite à Tulle", tulle, "Les coordonnées de " + name},
                {"Comment joindre mon député ? Je vis à Tulle", tulle, "Les coordonnées de " + name},
                {"Comment contacter mon député ? J'habite dans la 1re circonscription de la Corrèze",
                        "Circonscription : 1re circonscription de la Corrèze. Votre député", "Les coordonnées de " + name},
                {"Le député de Tulle vote-t-il souvent ?", tulle, name + " " + tookPart(deputyOfTown("19", "Tulle"))},
                {"What are my MP's latest votes? I live in Tulle", "Tulle is in the 1st constituency of Corrèze. Your "
                        + "deputy is " + name + ".", "and " + name + "'s vote"},
                {"I'm in Tulle, how do I contact my MP?", "Tulle is in the 1st constituency of Corrèze.",
                        name + "'s contact details"}};
        for (String[] a : asked) {
            String answer = chat.read("test-" + UUID.randomUUID(), a[0]);
            assertThat(answer).as(a[0]).startsWith(a[1]).contains(name + ".\n").contains(a[2])
                    .doesNotContain("siège au groupe", "De quel député", "sits with");
        }
        // Lozère: one constituency for the whole département
        String lozere = ShippedData.name(ShippedData.sittingDeputyOf("48", "1"));
        assertThat(chat.read(conversation, "Comment contacter mon député ? J'habite en Lozère"))
                .startsWith("Lozère forme la 1re circonscription de la Lozère. Votre député")
                .contains(" est " + lozere + ".\n").contains("Les coordonnées de " + lozere);
    }

    @Test
    void theVotesAskedKeepTheirTopicBesideThePlace() {
        String name = ShippedData.name(deputyOfTown("19", "Tulle"));

        String answer = chat.read(conversation,
                "Comment a voté mon député sur la réforme des retraites ? J'habite à Tulle");

        assertThat(answer).startsWith("Tulle fait partie de la 1re circonscription de la Corrèze.")
                .contains("correspondent à « réforme des retraites »")
                .contains("Votes de " + name);
    }

    @Test
    void whoIsMyDeputyWithATownStaysTheDeputysProfile() {
        String name = ShippedData.name(deputyOfTown("19", "Tulle"));

        assertThat(chat.read(conversation, "Qui est mon député ? J'habite à Tulle"))
                .startsWith("Tulle fait partie de la 1re circonscription de la Corrèze.\n" + name + " est député")
                .contains("siège au groupe")
                .doesNotContain("coordonnées", "Votre député");
        assertThat(chat.read("test-" + UUID.randomUUID(), "Who is my MP? I live in Tulle"))
                .startsWith("Tulle is in the 1st constituency of Corrèze.\n" + name + " has been the deputy for");
    }

    @Test
    void aTownOfSeveralConstituenciesAsksWhichAndThenAnswersTheQuestionAsked() {
        // Lyon: the Ministry's table places it (whole) in several constituencies of the Rhône
        Set<String> lyon = ShippedData.constituenciesIn2017Table("69", "Lyon");
        assertThat(lyon).hasSizeGreaterThan(1).contains("69-4");
        BotMessage asked = chat.say(conversation, "Comment contacter mon député ? J'habite à Lyon").getFirst();
        assertThat(asked.text()).startsWith("Lyon est partagée entre " + lyon.size() + " circonscriptions ; votre "
                + "député dépend de votre adresse. Laquelle est la vôtre ?").doesNotContain("coordonnées");
        assertThat(asked.titles()).contains("4e circonscription du Rhône");

        String uid = ShippedData.sittingDeputyOf("69", "4");
        String answer = chat.read(conversation, asked.payloadOf("4e circonscription du Rhône"));
        assertThat(answer).startsWith("Circonscription : 4e circonscription du Rhône. Votre députée est "
                        + ShippedData.name(uid) + ".\n")
                .contains("Les coordonnées de " + ShippedData.name(uid) + " publiées");

        // Annecy: split between two constituencies; the participation asked waits for the typed one
        Set<String> annecy = ShippedData.constituenciesIn2017Table("74", "Annecy");
        assertThat(annecy).containsExactly("74-1", "74-2");
        String other = "test-" + UUID.randomUUID();
        assertThat(chat.read(other, "Mon député participe-t-il aux votes ? J'habite à Annecy"))
                .startsWith("Annecy est partagée entre 2 circonscriptions").doesNotContain("a pris part");
        String annecy2 = ShippedData.sittingDeputyOf("74", "2");
        assertThat(chat.read(other, "2e circonscription de la Haute-Savoie"))
                .contains(ShippedData.name(annecy2) + " " + tookPart(annecy2));
    }

    @Test
    void parisAsksWhichConstituencyAndAnswersTheQuestionAskedForTheOneTyped() {
        BotMessage asked = chat.say(conversation,
                "Quel est le taux de participation de mon député ? J'habite à Paris").getFirst();
        assertThat(asked.text()).startsWith("Paris est partagée entre 18 circonscriptions").doesNotContain("a pris part");

        // the first Paris constituency whose deputy sat before the votes of the data's last year
        int n = 1;
        while (ShippedData.tookOffice(ShippedData.sittingDeputyOf("75", Integer.toString(n)))
                .isAfter(java.time.LocalDate.of(2025, 1, 1))) {
            n++;
        }
        String uid = ShippedData.sittingDeputyOf("75", Integer.toString(n));
        assertThat(chat.read(conversation, n + (n == 1 ? "re" : "e") + " circonscription de Paris"))
                .contains(" est " + ShippedData.name(uid) + ".\n")
                .contains(ShippedData.name(uid) + " " + tookPart(uid));
    }

    @Test
    void anUnknownPlaceIsSaidUnknownAndNeverAnsweredWithAnotherDeputy() {
        chat.read(conversation, "Qui est Mathilde Panot ?");

        String contact = chat.read(conversation, "Comment contacter mon député ? J'habite à Xyzville");
        assertThat(contact).startsWith("Je ne trouve pas « Xyzville » dans les tables géographiques")
                .doesNotContain("Panot", "coordonnées");

        String attendance = chat.read(conversation, "Est-ce que mon député participe aux votes ? Je suis à Xyzville");
        assertThat(attendance).contains("« Xyzville »").doesNotContain("Panot", "a pris part");

        String english = chat.read(conversation, "How do I contact my MP? I live in Xyzville");
        assertThat(english).contains("\"Xyzville\"").doesNotContain("Panot", "contact details");
    }
}
