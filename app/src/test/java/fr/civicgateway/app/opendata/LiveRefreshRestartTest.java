package fr.civicgateway.app.opendata;

import static fr.civicgateway.opendata.testing.AssembleeSite.AMO10;
import static fr.civicgateway.opendata.testing.AssembleeSite.AMO30;
import static fr.civicgateway.opendata.testing.AssembleeSite.SCRUTINS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.LiveAssembleeSite;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.core.testing.TestClock;
import fr.civicgateway.opendata.assemblee.AssembleeRefresh;
import fr.civicgateway.opendata.http.ConditionalDownloader;
import fr.civicgateway.opendata.testing.AssembleeSite;
import fr.civicgateway.opendata.testing.ShippedData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A gateway started on the directory where an earlier run kept its last good archives answers from them — their
 * data and its date — not from the shipped snapshot, and keeps doing so while the site is down. The earlier run is
 * the refresh itself ({@link AssembleeRefresh}), a day before, against the same fake site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "civic.data.refresh.enabled=true",
        "civic.web.rate-limit-burst=1000",
        "CIVIC_ADMIN_TOKEN=test-admin-token"})
@Import(LiveAssembleeSite.Beans.class)
class LiveRefreshRestartTest {

    static final Instant EARLIER_RUN = LiveAssembleeSite.START.minus(Duration.ofDays(1));
    static final LiveAssembleeSite LIVE = LiveAssembleeSite.upToScrutin(3813);
    static final TestClock CLOCK = LIVE.clock();
    static final AssembleeSite SITE = LIVE.site();
    static final Path KEPT = LIVE.directory();

    static {
        OkHttpClient http = new OkHttpClient();
        AssembleeRefresh earlier = new AssembleeRefresh(new ConditionalDownloader(http, 50L << 20),
                new AssembleeRefresh.Sources(HttpUrl.get(SITE.url(AMO10)), HttpUrl.get(SITE.url(AMO30)),
                        HttpUrl.get(SITE.url(SCRUTINS))),
                ShippedData.dataDirectory().resolve("assemblee-nationale"), KEPT.resolve("assemblee-nationale"),
                Duration.ofHours(6), new Backoff(Duration.ofMinutes(1), Duration.ofHours(1)),
                Clock.fixed(EARLIER_RUN, ZoneOffset.UTC), (task, delay) -> new CompletableFuture<>());
        earlier.loadAtStart();
        earlier.start(next -> () -> { });
        earlier.refreshNow();
        http.connectionPool().evictAll();
        http.dispatcher().executorService().shutdown();
    }

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        LIVE.register(registry);
    }

    @AfterAll
    static void closeSite() {
        LIVE.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    AssembleeRefresh refresh;

    String ask(String text) {
        return new ChatClient(port).read("restart-" + UUID.randomUUID(), text);
    }

    Map<String, JsonNode> sources() {
        return new ChatClient(port).adminSources();
    }

    @Test
    void answersFromTheLastGoodDownloadOfTheEarlierRunNotFromTheShippedSnapshotEvenWhileTheSiteIsDown() {
        assertThat(ask("Résultat du scrutin 3800")).as("the shipped data goes to 17 November")
                .endsWith("(données au 14 novembre 2025).");
        assertThat(ask("Résultat du scrutin 3876")).isEqualTo("Il n'y a pas de scrutin n° 3876 dans les données "
                + "chargées : elles vont jusqu'au scrutin n° 3813 du 14 novembre 2025.");

        JsonNode scrutins = sources().get("assemblee-scrutins");
        assertThat(scrutins.get("dataDate").asString()).isEqualTo("2025-11-14");
        assertThat(scrutins.get("counts").get("scrutins").asInt()).isEqualTo(3813);
        assertThat(scrutins.get("lastSuccess").asString()).as("when the earlier run downloaded it")
                .isEqualTo(EARLIER_RUN.toString());
        assertThat(scrutins.get("nextAttempt").asString()).as("checked at once after a start")
                .isEqualTo(CLOCK.instant().toString());
        JsonNode health = ChatClient.json(new ChatClient(port).getAsAdmin("/actuator/health").body())
                .path("components").path("openData").path("details");
        assertThat(health.get("source").asString()).isEqualTo("Assemblée nationale, open data (AMO10, AMO30, Scrutins)");
        assertThat(health.get("lastScrutinDate").asString()).isEqualTo("2025-11-14");

        // Then the site is down: the same answers; back: a 304 for the kept ETag, the same data.
        SITE.goDown();
        try {
            refresh.refreshNow();
            assertThat(ask("Résultat du scrutin 3800")).endsWith("(données au 14 novembre 2025).");
            assertThat(sources().get("assemblee-scrutins").get("lastError").asString())
                    .startsWith(SITE.url(SCRUTINS) + ": ConnectException");
        } finally {
            SITE.comeBack();
        }

        CLOCK.advance(Duration.ofMinutes(1));
        refresh.refreshNow();

        assertThat(SITE.lastIfNoneMatch(SCRUTINS)).as("the validator the earlier run kept").isEqualTo("\"scrutins-1\"");
        JsonNode confirmed = sources().get("assemblee-scrutins");
        assertThat(confirmed.get("lastError").isNull()).isTrue();
        assertThat(confirmed.get("lastSuccess").asString()).isEqualTo(CLOCK.instant().toString());
        assertThat(confirmed.get("counts").get("scrutins").asInt()).isEqualTo(3813);
    }
}
