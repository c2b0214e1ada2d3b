package fr.civicgateway.app;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.core.text.Text;
import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's name whose first name is a commune's ("Marie Dupontel", Marie in the Alpes-Maritimes) after "qui est",
 * "c'est qui" or "who is" is a deputy asked about, not the commune; the commune itself is still read everywhere else.
 * Through {@code POST /api/v1/chat} on the shipped data.
 */
@GatewayTest
class NameVsPlaceOnRealDataTest {

    @LocalServerPort
    int port;
    ChatClient chat;

    @BeforeEach
    void client() {
        chat = new ChatClient(port);
    }

    private String fresh(String text) {
        return chat.read("name-vs-place-" + UUID.randomUUID(), text);
    }

    private String freshEn(String text) {
        return chat.say("name-vs-place-" + UUID.randomUUID(), text, "en").getFirst().text();
    }

    /** The INSEE codes of La Poste's shipped file whose commune's name is exactly {@code name}, read naively. */
    private static List<String> communesNamed(String name) throws IOException {
        return Files.readAllLines(ShippedData.repositoryRoot().resolve("data/geo/laposte-codes-postaux/019HexaSmal.csv"),
                        StandardCharsets.ISO_8859_1).stream().skip(1).map(l -> l.split(";"))
                .filter(r -> Text.foldToWords(r[1]).equals(name)).map(r -> r[0]).distinct().toList();
    }

    @Test
    void aPersonsNameStartingWithACommuneIsNoDeputyOfThatName() throws IOException {
        // the premise: one commune is named Marie, in the Alpes-Maritimes (06)
        assertThat(communesNamed("marie")).containsExactly("06080");

        for (String question : List.of("Qui est Marie Dupontel ?", "qui est Marie Dupontel", "C'est qui Marie Dupontel ?")) {
            assertThat(fresh(question)).as(question)
                    .startsWith("Je ne trouve aucun député nommé « Marie Dupontel »")
                    .doesNotContain("Marie fait partie").doesNotContain("Alpes-Maritimes");
        }
        assertThat(freshEn("Who is Marie Dupontel?")).startsWith("I find no deputy named \"Marie Dupontel\"")
                .doesNotContain("Alpes-Maritimes");
    }

    @Test
    void theCommuneIsStillReadWhereAPlaceIsMeant() throws IOException {
        String deputyOfMarie = fresh("Qui est le député de Marie ?");
        assertThat(deputyOfMarie).startsWith("Marie fait partie de la ").contains("Alpes-Maritimes")
                .isEqualTo(fresh("J'habite à Marie"));

        // another commune named like a first name, alone in its département (Gaël, Ille-et-Vilaine)
        assertThat(communesNamed("gael")).containsExactly("35117");
        assertThat(fresh("Qui est le député de Gaël ?")).startsWith("Gaël fait partie de la ").contains("Ille-et-Vilaine")
                .isEqualTo(fresh("J'habite à Gaël"));
        assertThat(fresh("Qui est Gaël Dupontel ?")).startsWith("Je ne trouve aucun député nommé « Gaël Dupontel »");
    }

    @Test
    void sittingDeputiesAreStillFound() {
        assertThat(fresh("Qui est Mathilde Panot ?")).startsWith("Mathilde Panot est députée");
        assertThat(fresh("Qui est Marine Le Pen ?")).startsWith("Marine Le Pen est députée");
    }
}
