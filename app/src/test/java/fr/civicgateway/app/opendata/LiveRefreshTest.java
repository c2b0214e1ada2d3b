package fr.civicgateway.app.opendata;

import static fr.civicgateway.opendata.testing.AssembleeSite.AMO10;
import static fr.civicgateway.opendata.testing.AssembleeSite.AMO30;
import static fr.civicgateway.opendata.testing.AssembleeSite.SCRUTINS;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.LiveAssembleeSite;
import fr.civicgateway.core.testing.TestClock;
import fr.civicgateway.opendata.assemblee.AssembleeRefresh;
import fr.civicgateway.opendata.assemblee.OfficialArchives;
import fr.civicgateway.opendata.http.ManualScheduler;
import fr.civicgateway.opendata.testing.AssembleeSite;
import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole gateway with live refresh on, against a fake Assemblée site that serves the real archives: a new scrutin
 * is answered without a restart, and every way the site can fail leaves the answers available and dated with the
 * last good data. Refreshes are triggered by the test (the scheduler never runs them by itself) and the clock is the
 * test's: nothing waits for a back-off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "civic.data.refresh.enabled=true",
        "civic.data.refresh.timeout=1s",
        "civic.data.refresh.initial-backoff=1m",
        "civic.data.refresh.max-backoff=5m",
        "civic.data.refresh.max-download-size=20MB",
        "civic.web.rate-limit-burst=1000",
        "CIVIC_ADMIN_TOKEN=test-admin-token"})
@Import(LiveAssembleeSite.Beans.class)
class LiveRefreshTest {

    /** The scrutins up to 14 November 2025: the shipped ones but the 63 of the 17th, the last day. */
    static final byte[] BEFORE_17_NOVEMBER = OfficialArchives.scrutins(n -> n <= 3813);
    static final LiveAssembleeSite LIVE = LiveAssembleeSite.upToScrutin(3813);
    static final AssembleeSite SITE = LIVE.site();
    static final TestClock CLOCK = LIVE.clock();
    static final ManualScheduler SCHEDULER = LIVE.scheduler();

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
    @Autowired
    LiveOpenData live;
    ChatClient chat;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger refreshLog = (Logger) LoggerFactory.getLogger(AssembleeRefresh.class);

    @BeforeEach
    void client() {
        chat = new ChatClient(port);
        logs.start();
        refreshLog.addAppender(logs);
    }

    @AfterEach
    void detachLogs() {
        refreshLog.detachAppender(logs);
    }

    /** A fresh conversation for each question: the answer depends on the data alone. */
    String ask(String text) {
        return chat.read("live-" + UUID.randomUUID(), text);
    }

    static String frenchDate(LocalDate d) {
        String s = d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH));
        return d.getDayOfMonth() == 1 ? "1er" + s.substring(1) : s;
    }

    HttpResponse<String> admin(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The admin API's view of each source, by id. */
    Map<String, JsonNode> sources() {
        return chat.adminSources();
    }

    List<String> warningsAbout(String source) {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(source)).toList();
    }

    @Test
    void answersAboutANewScrutinFromAChangedArchiveWithoutARestart() {
        SITE.serve(SCRUTINS, BEFORE_17_NOVEMBER, "\"scrutins-1\"");
        refresh.refreshNow();
        assertThat(ask("Résultat du scrutin 3876")).isEqualTo("Il n'y a pas de scrutin n° 3876 dans les données "
                + "chargées : elles vont jusqu'au scrutin n° 3813 du 14 novembre 2025.");

        SITE.serve(SCRUTINS, OfficialArchives.scrutins(), "\"scrutins-2\"");
        CLOCK.advance(Duration.ofHours(6));
        // The refresh lands in the middle of a turn: that turn ends on the data it began with, the next sees the new.
        List<String> turn = new ArrayList<>();
        live.run(() -> {
            turn.add(live.parliament().info().lastScrutinDate() + " " + live.parliament().scrutin(3876).isPresent());
            refresh.refreshNow();
            turn.add(live.parliament().info().lastScrutinDate() + " " + live.parliament().scrutin(3876).isPresent());
            return List.of();
        });
        assertThat(turn).containsExactly("2025-11-14 false", "2025-11-14 false");
        assertThat(live.parliament().scrutin(3876)).isPresent();

        JsonNode s = ShippedData.scrutin(3876);
        JsonNode counts = s.path("syntheseVote").path("decompte");
        LocalDate date = LocalDate.parse(s.path("dateScrutin").asString());
        assertThat(date).isEqualTo("2025-11-17");
        assertThat(ask("Résultat du scrutin 3876"))
                .contains(s.path("sort").path("code").asString() + " (" + counts.path("pour").asString() + " pour, "
                        + counts.path("contre").asString() + " contre, " + counts.path("abstentions").asString()
                        + " abstentions)")
                .contains("https://www.assemblee-nationale.fr/dyn/17/scrutins/3876")
                .endsWith("(données au " + frenchDate(date) + ").");
        String panot = switch (String.valueOf(ShippedData.listing(s, "PA720892"))) {
            case "pours" -> "a voté pour";
            case "contres" -> "a voté contre";
            case "abstentions" -> "s'est abstenue";
            default -> "n'a pas pris part au vote";
        };
        assertThat(ask("Comment a voté Mathilde Panot au scrutin 3876 ?"))
                .startsWith("Mathilde Panot " + panot + " lors du scrutin n° 3876 du 17 novembre 2025");
        JsonNode scrutins = sources().get("assemblee-scrutins");
        assertThat(scrutins.get("dataDate").asString()).isEqualTo("2025-11-17");
        assertThat(scrutins.get("counts").get("scrutins").asInt()).isEqualTo(3876);
        assertThat(scrutins.get("lastSuccess").asString()).isEqualTo(CLOCK.instant().toString());
    }

    /** The ways the site fails: each must leave the answers as they were, with their date. */
    enum Failure {
        SITE_DOWN("the site is down (connection refused)"),
        TOO_SLOW("the site answers slower than the timeout"),
        SERVER_ERROR("the site answers 500"),
        GARBAGE("the archive is garbage"),
        TRUNCATED("the archive is a truncated zip"),
        TOO_LARGE("the archive is over the size cap"),
        NOT_MODIFIED("nothing changed (304 Not Modified)");

        final String what;

        Failure(String what) {
            this.what = what;
        }

        @Override
        public String toString() {
            return what;
        }
    }

    static Supplier<MockResponse> response(Failure f) {
        return switch (f) {
            case TOO_SLOW -> () -> new MockResponse.Builder().headersDelay(3, java.util.concurrent.TimeUnit.SECONDS)
                    .body("late").build();
            case SERVER_ERROR -> () -> new MockResponse.Builder().code(500).body("Internal Server Error").build();
            case GARBAGE -> () -> new MockResponse.Builder().setHeader("Content-Type", "application/zip")
                    .body("<html><body>Maintenance en cours</body></html>").build();
            case TRUNCATED -> () -> new MockResponse.Builder().setHeader("ETag", "\"cut\"").body(new Buffer()
                    .write(Arrays.copyOf(OfficialArchives.scrutins(), 6_000_000))).build();
            case TOO_LARGE -> () -> new MockResponse.Builder().body(new Buffer().write(new byte[21 << 20])).build();
            case SITE_DOWN, NOT_MODIFIED -> throw new IllegalArgumentException(f.name());
        };
    }

    @ParameterizedTest(name = "when {0}")
    @EnumSource(Failure.class)
    void keepsAnsweringFromTheLastGoodDataWithItsDate(Failure failure) {
        SITE.heal();
        refresh.refreshNow();
        Map<String, JsonNode> before = sources();
        JsonNode scrutinsBefore = before.get("assemblee-scrutins");
        LocalDate dataDate = LocalDate.parse(scrutinsBefore.get("dataDate").asString());
        String answerBefore = ask("Résultat du scrutin 3800");
        assertThat(answerBefore).endsWith("(données au " + frenchDate(dataDate) + ").");

        List<Duration> waits = new ArrayList<>();
        try {
            switch (failure) {
                case SITE_DOWN -> SITE.goDown();
                case NOT_MODIFIED -> { }
                default -> SITE.fail(SCRUTINS, response(failure));
            }
            for (int attempt = 0; attempt < 3; attempt++) {
                CLOCK.advance(Duration.ofMinutes(30));
                refresh.refreshNow();
                JsonNode s = sources().get("assemblee-scrutins");
                if (failure != Failure.NOT_MODIFIED) {
                    waits.add(Duration.between(Instant.parse(s.get("lastFailure").asString()),
                            Instant.parse(s.get("nextAttempt").asString())));
                }
                assertThat(ask("Résultat du scrutin 3800")).as("attempt %d", attempt).isEqualTo(answerBefore);
            }
        } finally {
            if (failure == Failure.SITE_DOWN) {
                SITE.comeBack();
            }
        }

        JsonNode after = sources().get("assemblee-scrutins");
        assertThat(after.get("dataDate").asString()).isEqualTo(dataDate.toString());
        assertThat(after.get("counts")).isEqualTo(scrutinsBefore.get("counts"));
        if (failure == Failure.NOT_MODIFIED) {
            assertThat(after.get("lastSuccess").asString()).as("confirmed unchanged").isEqualTo(CLOCK.instant().toString());
            assertThat(after.get("lastError").isNull()).isTrue();
            assertThat(SCHEDULER.delay()).as("next check one interval later").isEqualTo(Duration.ofHours(6));
            return;
        }
        assertThat(after.get("lastSuccess").asString()).isEqualTo(scrutinsBefore.get("lastSuccess").asString());
        assertThat(after.get("lastFailure").asString()).isEqualTo(CLOCK.instant().toString());
        String url = SITE.url(SCRUTINS);
        String error = after.get("lastError").asString();
        switch (failure) {
            case SITE_DOWN -> assertThat(error).startsWith(url + ": ConnectException");
            case TOO_SLOW -> assertThat(error).startsWith(url + ": SocketTimeoutException");
            case SERVER_ERROR -> assertThat(error).isEqualTo(url + ": HTTP 500");
            case GARBAGE, TRUNCATED -> assertThat(error).isEqualTo("new Scrutins archive refused: Cannot open the "
                    + "Assemblée archive Scrutins.json.zip.new: zip END header not found");
            case TOO_LARGE -> assertThat(error).isEqualTo(url + ": announced " + (21 << 20)
                    + " bytes, more than the limit of " + (20 << 20));
            default -> throw new AssertionError(failure);
        }
        assertThat(waits).as("back-off doubling up to max-backoff")
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4));
        assertThat(warningsAbout("assemblee-scrutins")).as("logged once for the streak, not at each retry").hasSize(1)
                .first().asString().contains("answering from its data of " + dataDate);
        if (failure != Failure.SITE_DOWN) {
            assertThat(sources().get("assemblee-amo10").get("lastError").isNull()).as("AMO10 still answers 304").isTrue();
        }

        SITE.heal();
        refresh.refreshNow();
        assertThat(sources().get("assemblee-scrutins").get("lastError").isNull()).as("back at the next attempt").isTrue();
    }

    @Test
    void theAdminSourcesEndpointNeedsTheTokenAndShowsEachArchive() {
        refresh.refreshNow();

        assertThat(admin("/api/v1/admin/sources", null).statusCode()).isEqualTo(401);
        assertThat(admin("/api/v1/admin/sources", "wrong").statusCode()).isEqualTo(401);
        Map<String, JsonNode> sources = sources();

        assertThat(sources.keySet()).containsExactly("assemblee-amo10", "assemblee-amo30", "assemblee-scrutins");
        JsonNode amo10 = sources.get("assemblee-amo10");
        assertThat(amo10.get("kind").asString()).isEqualTo("assemblee");
        assertThat(amo10.get("url").asString()).isEqualTo(SITE.url(AMO10));
        assertThat(amo10.get("dataDate").asString()).isEqualTo("2026-04-11");
        assertThat(amo10.get("counts").get("sittingDeputies").asInt()).isEqualTo(577);
        assertThat(amo10.get("lastSuccess").asString()).isEqualTo(CLOCK.instant().toString());
        assertThat(amo10.get("nextAttempt").asString()).isEqualTo(CLOCK.instant().plus(Duration.ofHours(6)).toString());
        assertThat(amo10.has("lastFailure")).isTrue();
        assertThat(amo10.has("lastError")).isTrue();
        assertThat(sources.get("assemblee-amo30").get("counts").get("formerDeputies").asInt()).isEqualTo(34);
    }

    @Test
    void healthShowsTheDataAnsweredFromNow() {
        refresh.refreshNow();
        JsonNode scrutins = sources().get("assemblee-scrutins");

        JsonNode details = ChatClient.json(chat.getAsAdmin("/actuator/health").body()).path("components").path("openData")
                .path("details");

        assertThat(details.get("scrutins").asInt()).isEqualTo(scrutins.get("counts").get("scrutins").asInt());
        assertThat(details.get("lastScrutinDate").asString()).isEqualTo(scrutins.get("dataDate").asString());
        assertThat(details.get("source").asString()).isEqualTo("Assemblée nationale, open data (AMO10, AMO30, Scrutins)");
    }

    @Test
    void theCachesFiguresAreInTheMetrics() {
        String text = "Comment a voté Mathilde Panot sur le budget ?";
        ask(text);
        ask(text);

        JsonNode hits = ChatClient.json(chat.getAsAdmin("/actuator/metrics/cache.gets?tag=cache:understood-texts&tag=result:hit")
                .body());
        JsonNode topics = ChatClient.json(chat.getAsAdmin("/actuator/metrics/cache.gets?tag=cache:topic-searches").body());
        JsonNode size = ChatClient.json(chat.getAsAdmin("/actuator/metrics/cache.size?tag=cache:understood-texts").body());

        assertThat(hits.path("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(topics.path("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(size.path("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
    }
}
