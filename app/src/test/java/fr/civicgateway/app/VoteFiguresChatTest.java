package fr.civicgateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.opendata.testing.NaiveVotes;
import fr.civicgateway.opendata.testing.ShippedData;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Est-ce que X vote comme son groupe ?", "X et Y votent-ils pareil ?", "Le groupe LFI est-il uni ?" and their
 * English forms, through {@code POST /api/v1/chat} on the shipped data: every figure the user reads is the naive
 * reading of the scrutins archive ({@link NaiveVotes}), never written in the test.
 */
@GatewayTest
class VoteFiguresChatTest {

    private static final String LFI = "PO845413";
    private static final String RN = "PO845401";
    private static NaiveVotes naive;
    private static LocalDate dataDate;

    @LocalServerPort
    int port;
    ChatClient chat;
    String conversation;

    @BeforeAll
    static void readTheArchive() {
        naive = NaiveVotes.read();
        dataDate = NaiveVotes.lastScrutinDay();
    }

    @BeforeEach
    void newConversation() {
        chat = new ChatClient(port);
        conversation = "test-" + UUID.randomUUID();
    }

    private static String frDate(LocalDate d) {
        String s = d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH));
        return d.getDayOfMonth() == 1 ? "1er" + s.substring(1) : s;
    }

    private static String enDate(LocalDate d) {
        return d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
    }

    /** API.md §3: one decimal, "98,6 %" or "98.6%". */
    private static String percent(boolean fr, int part, int whole) {
        long tenths = Math.round(1000.0 * part / whole);
        return fr ? tenths / 10 + "," + tenths % 10 + " %" : tenths / 10 + "." + tenths % 10 + "%";
    }

    private static String count(boolean fr, int n) {
        return String.format(Locale.ROOT, "%,d", n).replace(",", fr ? " " : ",");
    }

    private static String index(boolean fr, double v) {
        long h = Math.round(v * 100);
        return h / 100 + (fr ? "," : ".") + (h % 100 < 10 ? "0" : "") + h % 100;
    }

    @Test
    void saysHowOftenADeputyVotesLikeTheirGroupWithTheMethodAndTheDataDate() {
        String panot = ShippedData.sittingDeputyNamed("Mathilde", "Panot");
        NaiveVotes.Loyalty l = naive.loyalties().get(panot);

        String answer = chat.read(conversation, "Est-ce que Mathilde Panot vote comme son groupe ?");

        assertThat(answer).startsWith("Mathilde Panot a voté comme la majorité de son groupe dans "
                        + percent(true, l.same(), l.counted()) + " des scrutins où elle a voté et où ce groupe avait une "
                        + "position majoritaire : " + count(true, l.same()) + " sur " + count(true, l.counted())
                        + ", du " + frDate(l.from()) + " au " + frDate(l.to()) + ".")
                .contains("Méthode an-loyalty-1 : " + GatewayTest.PUBLIC_URL + "/methodology#an-loyalty-1")
                .contains("https://www.assemblee-nationale.fr/dyn/deputes/" + panot)
                .contains("données au " + frDate(dataDate));
    }

    @Test
    void answersTheLoyaltyQuestionInEnglish() {
        String lePen = ShippedData.sittingDeputyNamed("Marine", "Le Pen");
        NaiveVotes.Loyalty l = naive.loyalties().get(lePen);

        String answer = chat.read(conversation, "Does Marine Le Pen vote with her group?");

        assertThat(answer).startsWith("Marine Le Pen voted like the majority of her group in "
                        + percent(false, l.same(), l.counted()) + " of the votes where she voted and the group had a "
                        + "majority position: " + count(false, l.same()) + " of " + count(false, l.counted())
                        + ", from " + enDate(l.from()) + " to " + enDate(l.to()) + ".")
                .contains("Method an-loyalty-1: " + GatewayTest.PUBLIC_URL + "/methodology#an-loyalty-1")
                .contains("data as of " + enDate(dataDate));
    }

    @Test
    void comparesTwoDeputiesOfOpposedGroupsNamedInOneQuestion() {
        String panot = ShippedData.sittingDeputyNamed("Mathilde", "Panot");
        String lePen = ShippedData.sittingDeputyNamed("Marine", "Le Pen");
        NaiveVotes.Closeness c = naive.closeness(panot, lePen);

        String answer = chat.read(conversation, "Mathilde Panot et Marine Le Pen votent-ils pareil ?");

        assertThat(answer).startsWith("Mathilde Panot et Marine Le Pen ont voté de la même façon (pour, contre ou "
                        + "abstention) dans " + percent(true, c.same(), c.common()) + " des scrutins où les deux ont "
                        + "voté : " + count(true, c.same()) + " sur " + count(true, c.common()) + ", du "
                        + frDate(c.from()) + " au " + frDate(c.to()) + ".")
                .contains("Méthode an-closeness-1 : " + GatewayTest.PUBLIC_URL + "/methodology#an-closeness-1")
                .contains("https://www.assemblee-nationale.fr/dyn/deputes/" + panot + " et "
                        + "https://www.assemblee-nationale.fr/dyn/deputes/" + lePen + " (données au " + frDate(dataDate));
    }

    @Test
    void comparesTwoDeputiesInEnglish() {
        String vallaud = ShippedData.sittingDeputyNamed("Boris", "Vallaud");
        String attal = ShippedData.sittingDeputyNamed("Gabriel", "Attal");
        NaiveVotes.Closeness c = naive.closeness(vallaud, attal);

        String answer = chat.read(conversation, "Do Boris Vallaud and Gabriel Attal vote the same way?");

        assertThat(answer).startsWith("Boris Vallaud and Gabriel Attal voted the same way (for, against or abstention) "
                + "in " + percent(false, c.same(), c.common()) + " of the votes where both voted: "
                + count(false, c.same()) + " of " + count(false, c.common()) + ", from " + enDate(c.from()) + " to "
                + enDate(c.to()) + ".");
    }

    @Test
    void saysTheSameDeputyNamedTwiceCannotBeCompared() {
        String answer = chat.read(conversation, "Mathilde Panot et Panot votent-elles pareil ?");

        assertThat(answer).isEqualTo("Vous avez nommé deux fois Mathilde Panot : nommez deux députés différents pour "
                + "comparer leurs votes.");
    }

    @Test
    void givesAGroupsMeanRiceIndexWhenAskedWhetherItIsUnited() {
        NaiveVotes.Cohesion c = naive.cohesions().get(LFI);

        String answer = chat.read(conversation, "Le groupe LFI est-il uni / soudé ?");

        assertThat(answer).startsWith("Le groupe La France insoumise - Nouveau Front Populaire (LFI-NFP) a un indice de "
                        + "cohésion (indice de Rice) moyen de " + index(true, c.mean()) + " sur "
                        + count(true, c.numbers().size()) + " scrutins")
                .contains("Méthode an-cohesion-1 : " + GatewayTest.PUBLIC_URL + "/methodology#an-cohesion-1")
                .contains("les abstentions ne comptent pas dans l'indice")
                .contains("données au " + frDate(dataDate));
    }

    @Test
    void givesAGroupsCohesionInEnglish() {
        NaiveVotes.Cohesion c = naive.cohesions().get(RN);

        String answer = chat.read(conversation, "Is the RN group united?");

        assertThat(answer).startsWith("The Rassemblement National (RN) group has a mean cohesion index (Rice index) of "
                        + index(false, c.mean()) + " over " + count(false, c.numbers().size()) + " votes")
                .contains("Method an-cohesion-1: " + GatewayTest.PUBLIC_URL + "/methodology#an-cohesion-1");
    }

    @Test
    void stillListsADeputysLatestVotesWhenNoFigureIsAskedFor() {
        String answer = chat.read(conversation, "Quels sont les derniers votes de Mathilde Panot ?");

        assertThat(answer).startsWith("Les 5 derniers scrutins publics des données, et le vote de Mathilde Panot :");
    }
}
