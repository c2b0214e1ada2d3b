package fr.civicgateway.app.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.opendata.assemblee.AssembleeRefresh;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Live refresh is off by default: the gateway calls nothing and the admin API lists the shipped archives, read once.
 * (The same configuration as {@code ReportsOverHttpTest}, so the two share one application context.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "CIVIC_ADMIN_TOKEN=test-admin-token",
        "CIVIC_OPEN311_API_KEY=test-open311-key"})
class ShippedSourcesTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void withoutLiveRefreshTheAdminSourcesAreTheShippedArchivesReadOnce() {
        Map<String, JsonNode> sources = new ChatClient(port).adminSources();

        assertThat(context.getBeanProvider(AssembleeRefresh.class).getIfAvailable()).isNull();
        assertThat(sources.keySet()).containsExactly("assemblee-amo10", "assemblee-amo50-extract", "assemblee-scrutins");
        JsonNode scrutins = sources.get("assemblee-scrutins");
        assertThat(scrutins.get("url").asString()).endsWith("data/assemblee-nationale/Scrutins_L17/Scrutins.json.zip");
        assertThat(scrutins.get("dataDate").asString()).isEqualTo("2025-11-17");
        assertThat(scrutins.get("counts").get("scrutins").asInt()).isEqualTo(3876);
        assertThat(scrutins.get("lastSuccess").isNull()).as("when it was read").isFalse();
        assertThat(scrutins.get("nextAttempt").isNull()).as("never refreshed").isTrue();
        assertThat(sources.get("assemblee-amo50-extract").get("counts").get("formerDeputies").asInt()).isEqualTo(34);
        assertThat(sources.get("assemblee-amo10").get("dataDate").asString()).isEqualTo("2026-04-11");
    }
}
