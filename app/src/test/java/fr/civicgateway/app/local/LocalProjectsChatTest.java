package fr.civicgateway.app.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Local projects and worksites over {@code POST /api/v1/chat}, on the shipped Paris exports. Expected counts come
 * from a naive scan of the raw files: one CRLF per record, and the postcode column comes before any quoted field.
 */
@GatewayTest
class LocalProjectsChatTest {

    @LocalServerPort
    int port;
    ChatClient chat;
    String conversation;

    @BeforeEach
    void newConversation() {
        chat = new ChatClient(port);
        conversation = "test-" + UUID.randomUUID();
    }

    private static List<String[]> naive(String file) throws IOException {
        String raw = Files.readString(ShippedData.dataDirectory().resolve("paris/" + file), StandardCharsets.UTF_8);
        List<String> lines = List.of(raw.split("\r\n"));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(";", -1)).toList();
    }

    private BotMessage ask(String text) {
        List<BotMessage> replies = chat.say(conversation, text);
        assertThat(replies).hasSize(1);
        return replies.getFirst();
    }

    @Test
    void listsTheParticipatoryBudgetProjectsOfTheEleventhArrondissement() throws IOException {
        long expected = naive("bp_projets_gagnants.csv").stream().filter(r -> r[10].equals("75011")).count();

        BotMessage reply = ask("quels projets du budget participatif dans le 11e ?");

        assertThat(reply.text()).startsWith(expected + " résultats pour les projets dans le 75011 :")
                .contains("Source : Ville de Paris, https://opendata.paris.fr/explore/dataset/bp_projets_gagnants/,"
                        + " licence ODbL (données au 17 avril 2024).")
                .doesNotContain("chantiers-a-paris");
        assertThat(reply.text().lines().filter(l -> l.startsWith("• "))).hasSize(3).allMatch(l -> l.contains("(75011)")
                || l.endsWith("75011") || l.contains("75011"));
        assertThat(reply.payloadOf("Voir plus")).isEqualTo("projets dans le 75011 (2)");
    }

    @Test
    void theArrondissementThatAnswersWhereGetsItsResultsAndAVoirPlusThatKeepsTheWholeQuestion() throws IOException {
        long projects = naive("bp_projets_gagnants.csv").stream().filter(r -> r[10].equals("75011")).count();
        long worksites = naive("chantiers-a-paris.csv").stream().filter(r -> r[1].equals("75011")).count();

        // The web chat takes a position (docs/API.md §1 "location"): the widget's 📍 button sends it.
        assertThat(ask("des chantiers près de chez moi ?").text()).isEqualTo("Pour vous donner les chantiers les plus"
                + " proches, partagez votre position (bouton « 📍 Partager ma position »), ou dites-moi l'arrondissement"
                + " ou le code postal. Votre position ne sert qu'à cette recherche : elle n'est pas gardée dans la"
                + " conversation.");
        BotMessage first = ask("75011");
        BotMessage second = ask(first.payloadOf("Voir plus"));

        assertThat(first.text()).startsWith((projects + worksites) + " résultats pour les projets et chantiers dans le"
                + " 75011 :");
        assertThat(first.payloadOf("Voir plus")).isEqualTo("projets et chantiers dans le 75011 (2)");
        assertThat(second.text()).startsWith((projects + worksites) + " résultats pour les projets et chantiers dans le"
                + " 75011 (suite) :");
    }

    @Test
    void showsTheNextThreeWhenVoirPlusIsPressed() {
        BotMessage first = ask("chantiers dans le 75015");
        String payload = first.payloadOf("Voir plus");

        BotMessage second = ask(payload);

        assertThat(payload).isEqualTo("chantiers dans le 75015 (2)");
        assertThat(second.text()).contains("(suite) :");
        List<String> firstItems = first.text().lines().filter(l -> l.startsWith("• ")).toList();
        List<String> secondItems = second.text().lines().filter(l -> l.startsWith("• ")).toList();
        assertThat(secondItems).hasSize(3).doesNotContainAnyElementsOf(firstItems);
        assertThat(second.payloadOf("Voir plus")).isEqualTo("chantiers dans le 75015 (3)");
    }

    @Test
    void countsTheWorksitesOfAPostcodeAndNamesTheirSource() throws IOException {
        long expected = naive("chantiers-a-paris.csv").stream().filter(r -> r[1].equals("75015")).count();

        BotMessage reply = ask("chantiers dans le 75015");

        assertThat(reply.text()).startsWith(expected + " résultats pour les chantiers dans le 75015 :")
                .endsWith("Source : Ville de Paris, https://opendata.paris.fr/explore/dataset/chantiers-a-paris/,"
                        + " licence ODbL (données au 14 décembre 2025).");
        assertThat(reply.text().lines().filter(l -> l.startsWith("• "))).hasSize(3).allMatch(l -> l.contains("75015"));
    }

    @Test
    void saysHonestlyThatTheWorksiteDataHasNoStreetAndSearchesTheBudgetsAddressesInstead() throws IOException {
        String header = Files.readString(ShippedData.dataDirectory().resolve("paris/chantiers-a-paris.csv"),
                StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertThat(header.split(";")).as("no street column in the worksites export")
                .noneMatch(column -> column.toLowerCase(java.util.Locale.ROOT).contains("adresse"));
        long onRivoli = naive("bp_projets_gagnants.csv").stream()
                .filter(r -> r[9].toLowerCase(java.util.Locale.ROOT).contains("rue de rivoli")).count();
        assertThat(onRivoli).isZero();

        BotMessage reply = ask("des travaux rue de Rivoli ?");

        assertThat(reply.text()).isEqualTo("Les données des chantiers de Ville de Paris ne donnent pas la rue,"
                + " seulement l'arrondissement et la position sur la carte : je ne peux pas y chercher « rue de Rivoli »."
                + " Dites-moi plutôt l'arrondissement (par exemple « chantiers dans le 75001 »), ou partagez une"
                + " position (bouton « 📍 Partager ma position ») pour voir les chantiers les plus proches.\n"
                + "Les projets de Ville de Paris, eux, donnent une adresse : aucun n'a d'adresse « rue de Rivoli ».\n"
                + "Source : Ville de Paris, https://opendata.paris.fr/explore/dataset/chantiers-a-paris/, licence ODbL"
                + " (données au 14 décembre 2025).\n"
                + "Source : Ville de Paris, https://opendata.paris.fr/explore/dataset/bp_projets_gagnants/, licence ODbL"
                + " (données au 17 avril 2024).");
        assertThat(reply.quickReplies()).isEmpty();
    }

    @Test
    void ranksTheWorksitesNearAPositionWrittenInTheTextAndPagesOnWithIt() {
        BotMessage first = ask("chantiers près de 48.872,2.393");
        BotMessage second = ask(first.payloadOf("Voir plus"));

        assertThat(first.text()).startsWith("Les chantiers les plus proches de votre position :\n• ");
        assertThat(first.text().lines().filter(l -> l.startsWith("• "))).hasSize(3).allMatch(l -> l.matches(".*, à .* k?m$"));
        assertThat(first.payloadOf("Voir plus")).isEqualTo("chantiers près de 48.872,2.393 (2)");
        assertThat(second.text()).startsWith("Les chantiers les plus proches de votre position (suite) :");
        assertThat(second.payloadOf("Voir plus")).isEqualTo("chantiers près de 48.872,2.393 (3)");
    }

    @Test
    void answersInEnglish() throws IOException {
        long expected = naive("chantiers-a-paris.csv").stream().filter(r -> r[1].equals("75011")).count();

        BotMessage reply = ask("which worksites are there in 75011?");

        assertThat(reply.text()).startsWith(expected + " results for worksites in 75011:")
                .contains("Source: Ville de Paris, https://opendata.paris.fr/explore/dataset/chantiers-a-paris/,"
                        + " licence ODbL (data as of 14 December 2025).");
        assertThat(reply.titles()).containsExactly("See more");
    }

    @Test
    void findsTheProjectsOfAStreetByTheirAddress() throws IOException {
        long expected = naive("bp_projets_gagnants.csv").stream()
                .filter(r -> r[9].toLowerCase(java.util.Locale.ROOT).contains("rue de richelieu")).count();

        BotMessage reply = ask("des projets rue de Richelieu ?");

        assertThat(expected).isPositive();
        assertThat(reply.text()).startsWith(expected + " résultat");
        assertThat(reply.text().lines().filter(l -> l.startsWith("• ")))
                .hasSize((int) Math.min(3, expected)).allMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains("rue de richelieu"));
    }

    @Test
    void reportsEachLocalSourceInTheHealthEndpoint() throws IOException {
        var health = ChatClient.json(chat.getAsAdmin("/actuator/health").body());

        var local = health.path("components").path("localData").path("details");
        assertThat(local.path("paris-budget-participatif").path("items").asInt())
                .isEqualTo(naive("bp_projets_gagnants.csv").size());
        assertThat(local.path("paris-chantiers").path("items").asInt()).isEqualTo(naive("chantiers-a-paris.csv").size());
        assertThat(local.path("paris-chantiers").path("dataDate").asString()).isEqualTo("2025-12-14");
    }

    @Test
    void saysNothingWasFoundAndNamesTheSourceItSearched() throws IOException {
        assertThat(naive("chantiers-a-paris.csv").stream().filter(r -> r[1].equals("74000"))).isEmpty();

        BotMessage reply = ask("chantiers dans le 74000");

        assertThat(reply.text()).isEqualTo("Je n'ai trouvé aucun résultat pour les chantiers dans le 74000 dans les"
                + " données locales que je connais.\nSource : Ville de Paris,"
                + " https://opendata.paris.fr/explore/dataset/chantiers-a-paris/, licence ODbL (données au 14 décembre 2025).");
        assertThat(reply.quickReplies()).isEmpty();
    }
}
