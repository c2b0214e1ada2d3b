package fr.civicgateway.app.extension;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.opendata.testing.ShippedData;
import fr.civicgateway.core.nlu.IntentCorpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adding an intent is one handler class and its corpus files, nothing else edited (ARCHITECTURE.md, "Extension
 * points"; docs/contributing-intents.md): {@link WeatherForecastHandler} and {@code nlu/intents/weather_forecast.*.tsv}
 * live in this module's test sources only, and through the real HTTP chat API the gateway understands the new
 * intent, answers it with the new handler, and still answers the intents it had.
 */
@GatewayTest
@ActiveProfiles(AddAnIntentTest.PROFILE)
class AddAnIntentTest {

    static final String PROFILE = "add-an-intent-test";

    @LocalServerPort
    int port;
    ChatClient chat;

    @BeforeEach
    void client() {
        chat = new ChatClient(port);
    }

    @Test
    void aQuestionOfTheNewIntentReachesItsHandler() {
        assertThat(chat.read("weather-1", "Quel temps fera-t-il demain ?")).contains("Prévisions de test pour le")
                .contains("grand soleil");
        assertThat(chat.read("weather-2", "Will it rain tomorrow?")).contains("Test forecast for");
    }

    @Test
    void theNluApiNamesTheNewIntentAndRanksItWithTheOthers() {
        JsonNode body = ChatClient.json(chat.post("/api/v1/nlu/parse", "{\"text\":\"Va-t-il pleuvoir ce week-end ?\"}").body());

        assertThat(body.get("intent").get("name").asString()).isEqualTo("weather_forecast");
        List<String> ranked = new ArrayList<>();
        body.get("intentRanking").forEach(s -> ranked.add(s.get("name").asString()));
        List<String> expected = new ArrayList<>(IntentCorpus.shippedIntents().stream().map(i -> i.name()).toList());
        expected.add("weather_forecast");
        assertThat(ranked).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theIntentsItHadStillWork() {
        String first = ShippedData.name(ShippedData.sittingDeputyOf("74", "1"));
        assertThat(chat.read("weather-3", "Qui est mon député ? J'habite à Annecy"))
                .contains("partagée entre 2 circonscriptions").contains(first);
        assertThat(chat.read("weather-4", "bonjour")).startsWith("Bonjour");
        JsonNode votes = ChatClient.json(chat.post("/api/v1/nlu/parse",
                "{\"text\":\"Comment a voté Mathilde Panot au scrutin 3876 ?\"}").body());
        assertThat(votes.get("intent").get("name").asString()).isEqualTo("representative_votes");
        assertThat(chat.read("weather-5", "Qui est le maire de Paris ?")).doesNotContain("Prévisions");
    }
}
