package fr.civicgateway.app.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A second town, configured exactly as the town halls' guide (docs/municipalities/ten-minute-guide.md) says, and nothing of Paris:
 * the guide's CSV and YAML (its fictional "Ma-Ville", postcode 74000), its {@code civic.town} block, all read from the
 * guide itself, plus one more dataset written the guide's way (a FICTIONAL participatory budget of two projects, a
 * test fixture: no such data exists). The whole gateway then answers over {@code POST /api/v1/chat}: its citizens are
 * asked for a postcode, never a Paris arrondissement; its answers name its own sources and links; the wording's
 * examples are its own postcode.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "civic.data.directory=${civic.repository-root}/data")
class SecondTownChatTest {

    /** FICTIONAL test fixture, written as the guide says: a second dataset of the same town, with links, no street. */
    static final String PROJECTS_CSV = """
            Numéro;Projet;Code postal;Lien
            BP-1;Jardin partagé des Fins (fictif);74000;https://data.ma-ville.fr/projets/bp-1
            BP-2;Fontaine à eau potable (fictif);74000;https://data.ma-ville.fr/projets/bp-2
            """;
    static final String PROJECTS_YML = """
            id: ma-ville-projets
            kind: project
            file: data/ma-ville/projets.csv
            separator: ";"
            publisher: Ville de Ma-Ville
            licence: Licence Ouverte 2.0
            url: https://data.ma-ville.fr/explore/dataset/projets/
            dataDate: 2026-01-31
            fields:
              id: Numéro
              title: Projet
              postcode: Code postal
              link: Lien
            """;

    @LocalServerPort
    int port;
    ChatClient chat;
    String conversation;

    /** The fenced block after {@code marker} in the guide, without its fences (as LocalAdaptersGuideTest reads it). */
    static String guideBlock(String marker) throws IOException {
        String readme = Files.readString(ShippedData.repositoryRoot().resolve("docs/municipalities/ten-minute-guide.md"),
                StandardCharsets.UTF_8);
        String after = readme.substring(readme.indexOf(marker) + marker.length());
        String fenced = after.substring(after.indexOf("```"));
        String body = fenced.substring(fenced.indexOf('\n') + 1);
        return body.substring(0, body.indexOf("```"));
    }

    @DynamicPropertySource
    static void theGuidesTown(DynamicPropertyRegistry registry) throws IOException {
        Path work = Files.createTempDirectory("civic-second-town-");
        Path data = Files.createDirectories(work.resolve("data/ma-ville"));
        Files.writeString(data.resolve("travaux.csv"), guideBlock("<!-- guide-csv -->"), StandardCharsets.UTF_8);
        Files.writeString(data.resolve("projets.csv"), PROJECTS_CSV, StandardCharsets.UTF_8);
        Path adapters = Files.createDirectories(work.resolve("config/adapters"));
        Files.writeString(adapters.resolve("ma-ville-travaux.yml"), guideBlock("<!-- guide-yml -->"));
        Files.writeString(adapters.resolve("ma-ville-projets.yml"), PROJECTS_YML);
        registry.add("civic.local.directory", adapters::toString);
        registry.add("civic.local.base-directory", work::toString);
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ByteArrayResource(guideBlock("<!-- guide-town -->").getBytes(StandardCharsets.UTF_8)));
        Properties town = yaml.getObject();
        assertThat(town).containsKeys("civic.town.name", "civic.town.time-zone", "civic.town.places");
        town.forEach((key, value) -> registry.add((String) key, () -> value));
    }

    @BeforeEach
    void newConversation() {
        chat = new ChatClient(port);
        conversation = "town-" + UUID.randomUUID();
    }

    private BotMessage ask(String text) {
        return ask(text, "fr");
    }

    private BotMessage ask(String text, String locale) {
        List<BotMessage> replies = chat.say(conversation, text, locale);
        assertThat(replies).hasSize(1);
        BotMessage reply = replies.getFirst();
        // Nothing of Paris, ever: no arrondissement, no Paris postcode, no Paris source.
        assertThat(reply.text()).doesNotContainIgnoringCase("arrondissement").doesNotContain("750")
                .doesNotContainIgnoringCase("Paris");
        return reply;
    }

    @Test
    void aCitizenWithoutAPositionIsAskedForAPositionOrThePostcodeOfThisTown() {
        // The web chat takes a position (docs/API.md §1 "location"); a town without arrondissements asks a postcode.
        assertThat(ask("des chantiers près de chez moi ?").text()).isEqualTo("Pour vous donner les chantiers les plus"
                + " proches, partagez votre position (bouton « 📍 Partager ma position »), ou dites-moi le code postal."
                + " Votre position ne sert qu'à cette recherche : elle n'est pas gardée dans la conversation.");

        BotMessage answer = ask("74000");

        assertThat(answer.text()).startsWith("""
                3 résultats pour les projets et chantiers dans le 74000 :
                • Réfection de chaussée — du 01/03/2026 au 30/04/2026, 12 rue de la Paix; côté pair (74000)
                • Jardin partagé des Fins (fictif) — 74000 https://data.ma-ville.fr/projets/bp-1
                • Fontaine à eau potable (fictif) — 74000 https://data.ma-ville.fr/projets/bp-2
                """)
                .contains("Source : Ville de Ma-Ville, https://data.ma-ville.fr/explore/dataset/travaux/, licence Licence"
                        + " Ouverte 2.0 (données au 15 février 2026).")
                .contains("Source : Ville de Ma-Ville, https://data.ma-ville.fr/explore/dataset/projets/, licence Licence"
                        + " Ouverte 2.0 (données au 31 janvier 2026).");
        assertThat(answer.titles()).doesNotContain("Voir plus");
    }

    @Test
    void inEnglishToo() {
        assertThat(ask("worksites near me", "en").text()).isEqualTo("To give you the nearest worksites, share your"
                + " location (button \"📍 Share my location\"), or tell me the postcode. Your location serves this search"
                + " only: it is not kept in the conversation.");
    }

    @Test
    void projectsNameTheTownsSourceAndLinks() {
        BotMessage answer = ask("quels projets du budget participatif ?");

        assertThat(answer.text()).startsWith("2 résultats pour les projets :")
                .contains("Jardin partagé des Fins (fictif) — 74000 https://data.ma-ville.fr/projets/bp-1")
                .endsWith("Source : Ville de Ma-Ville, https://data.ma-ville.fr/explore/dataset/projets/, licence"
                        + " Licence Ouverte 2.0 (données au 31 janvier 2026).")
                .doesNotContain("travaux");
    }

    @Test
    void aStreetTheProjectsCannotAnswerSuggestsTheTownsPostcodeAndFindsTheWorksiteThere() {
        BotMessage answer = ask("des projets rue de la Paix ?");

        assertThat(answer.text()).startsWith("Les données des projets de Ville de Ma-Ville ne donnent pas la rue,"
                + " seulement le code postal : je ne peux pas y chercher « rue de la Paix ». Dites-moi plutôt le code"
                + " postal, par exemple « projets dans le 74000 ».\n"
                + "Les chantiers de Ville de Ma-Ville, eux, donnent une adresse : 1 a son adresse « rue de la Paix ».");
        assertThat(answer.payloadOf("Voir ces chantiers")).isEqualTo("chantiers rue de la Paix");
    }

    @Test
    void anOrdinalIsNoPlaceInATownWithoutArrondissements() {
        BotMessage answer = ask("des chantiers dans le 11e ?");

        assertThat(answer.text()).startsWith("1 résultat pour les chantiers :\n• Réfection de chaussée");
    }
}
