package fr.civicgateway.app.storage;

import fr.civicgateway.app.support.ChatClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's start command: the embedded database and no {@code CIVIC_PSEUDONYM_SECRET}. Consultation answers are
 * taken (under the key generated into the data directory) instead of refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "civic.consultations.directory=${civic.repository-root}/config/consultations"})
class EmbeddedDefaultConsultationsTest {

    static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("embedded-default");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("civic.storage.directory", DATA::toString);
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void aConsultationIsAnsweredWithoutAnyVariableSet() {
        ChatClient chat = new ChatClient(port);
        String c = "embedded-default-1";
        chat.say(c, "Je veux participer à une consultation");
        chat.say(c, "piste-cyclable-avenue-des-alpes");
        chat.say(c, "À vélo");
        chat.say(c, "La sécurité des cyclistes");
        chat.say(c, "valider");
        chat.say(c, "5");
        chat.say(c, "passer");
        assertThat(chat.say(c, "envoyer").getLast().text()).startsWith("Merci, votre réponse est enregistrée.");
        assertThat(DATA.resolve("pseudonym-secret")).exists();
    }
}
