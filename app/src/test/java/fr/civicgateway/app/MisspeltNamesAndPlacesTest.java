package fr.civicgateway.app;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.opendata.testing.ShippedData;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's misspelt names and places, on the shipped data through {@code POST /api/v1/chat}: the deputy meant is
 * answered, or offered in a question back, never another one. Each deputy is identified by its AMO10 file, read
 * independently of the gateway's loader.
 */
@GatewayTest
class MisspeltNamesAndPlacesTest {

    @LocalServerPort
    int port;
    ChatClient chat;
    String conversation;

    @BeforeEach
    void newConversation() {
        chat = new ChatClient(port);
        conversation = "typo-" + UUID.randomUUID();
    }

    /** Whether AMO10 has a sitting deputy for that constituency (read by a scan of the acteur files). */
    private static boolean hasSittingDeputy(String departement, String circo) {
        try {
            ShippedData.sittingDeputyOf(departement, circo);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String page(String uid) {
        return "https://www.assemblee-nationale.fr/dyn/deputes/" + uid;
    }

    @Test
    void answersTheDeputyOneSwapAwayNotTheOneWhoseFamilyNameIsTheGivenName() {
        // "Thierry" is Nicolas Thierry's family name: today's main answered with his figures
        String tesson = ShippedData.sittingDeputyNamed("Thierry", "Tesson");
        String nicolasThierry = ShippedData.sittingDeputyNamed("Nicolas", "Thierry");

        String answer = chat.read(conversation, "Quel est le taux de participation de Thierry Tesosn ?");

        assertThat(answer).startsWith("Thierry Tesson a pris part à").contains(page(tesson))
                .doesNotContain(page(nicolasThierry));
    }

    @Test
    void correctsTwoLettersSwappedInAFamilyName() {
        String amrani = ShippedData.sittingDeputyNamed("Farida", "Amrani");

        String answer = chat.read(conversation, "Qui est Farida Armani ?");

        assertThat(answer).startsWith("Farida Amrani est députée").contains(page(amrani));
    }

    @Test
    void asksBackWhenOnlyTheFamilyNameIsADeputys() {
        List<BotMessage> replies = chat.say(conversation, "Qui est Jean Dupont ?");

        assertThat(replies.getFirst().text()).startsWith("Je ne trouve aucun député nommé « Jean Dupont ». "
                + "Vouliez-vous dire Stella Dupont ?");
        assertThat(replies.getFirst().text()).doesNotContain("dyn/deputes/");
        assertThat(replies.getFirst().titles()).containsExactly("Stella Dupont");

        // the offered name answers the question that was asked
        String answer = chat.read(conversation, "Stella Dupont");
        assertThat(answer).startsWith("Stella Dupont est députée")
                .contains(page(ShippedData.sittingDeputyNamed("Stella", "Dupont")));
    }

    @Test
    void neverSelectsADeputyFromAGivenNameAlone() {
        String answer = chat.read(conversation, "Qui est Mathilde ?");

        // the capability list's examples name her; no answer about her (her page, "est députée") may
        assertThat(answer).doesNotContain("dyn/deputes/").doesNotContain("Mathilde Panot est députée");
    }

    @Test
    void offersTheTownsOneTypingErrorAwayTheLargestFirst() {
        List<BotMessage> replies = chat.say(conversation, "Qui est le député d'Anecy ?");

        assertThat(replies.getFirst().text()).startsWith("Je ne trouve pas de commune nommée « Anecy ». Vouliez-vous dire");
        assertThat(replies.getFirst().titles()).first().isEqualTo("Annecy (74)");

        String answer = chat.read(conversation, "Annecy (74)");
        assertThat(answer).startsWith("Annecy est partagée entre 2 circonscriptions");
    }

    @Test
    void correctsAMisspeltCityWithOneCandidate() {
        String answer = chat.read(conversation, "Qui est le député de Marseile ?");

        assertThat(answer).startsWith("Marseille est partagée entre");
    }

    @Test
    void readsLaReunionAsTheDepartement974() {
        String first = ShippedData.sittingDeputyOf("974", "1");

        String answer = chat.read(conversation, "Qui est le député de la 1re circonscription de La Réunion ?");

        assertThat(answer).contains("1re circonscription de la Réunion").contains(page(first))
                .doesNotContain("Lot-et-Garonne");
        int constituencies = 0;
        while (hasSittingDeputy("974", String.valueOf(constituencies + 1))) {
            constituencies++;
        }
        assertThat(chat.read("reunion-" + UUID.randomUUID(), "le député de la Réunion"))
                .startsWith("Le département La Réunion compte " + constituencies + " circonscriptions")
                .doesNotContain("Lot-et-Garonne");
    }
}
