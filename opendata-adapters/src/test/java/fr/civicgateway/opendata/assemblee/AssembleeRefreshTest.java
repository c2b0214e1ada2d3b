package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.opendata.testing.AssembleeSite;
import fr.civicgateway.opendata.testing.ShippedData;
import static fr.civicgateway.opendata.testing.AssembleeSite.AMO10;
import static fr.civicgateway.opendata.testing.AssembleeSite.AMO30;
import static fr.civicgateway.opendata.testing.AssembleeSite.SCRUTINS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.sources.SourceStatus;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.opendata.http.ConditionalDownloader;
import fr.civicgateway.opendata.http.ManualScheduler;
import fr.civicgateway.core.testing.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refresh against a fake Assemblée site serving the real archives (the shipped files in the official zip layout):
 * what it keeps on disk, what it refuses, how it waits, and what it answers from at the next start.
 */
class AssembleeRefreshTest {

    /** The last scrutin before 17 November 2025, the last day of the shipped data. */
    static final int LAST_BEFORE_17_NOVEMBER = 3813;
    static final Instant START = Instant.parse("2026-12-03T06:00:00Z");
    static final Duration INTERVAL = Duration.ofHours(6);
    static final Backoff BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(5));

    /** Built once: zipping the legislature's 3,813 scrutins takes a second. */
    private static byte[] before17November;

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path kept;

    final TestClock clock = new TestClock(START);
    final ManualScheduler scheduler = new ManualScheduler();
    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(2)).build();
    AssembleeSite site;
    final List<AssembleeSnapshot> swapped = new ArrayList<>();

    static synchronized byte[] before17November() {
        if (before17November == null) {
            before17November = OfficialArchives.scrutins(n -> n <= LAST_BEFORE_17_NOVEMBER);
        }
        return before17November;
    }

    @BeforeEach
    void site() {
        site = new AssembleeSite(server);
        site.serve(AMO10, OfficialArchives.amo10(), "\"amo10-1\"");
        site.serve(AMO30, OfficialArchives.amo30(), "\"amo30-1\"");
        site.serve(SCRUTINS, before17November(), "\"scrutins-1\"");
    }

    @AfterEach
    void stopClient() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    AssembleeRefresh refresh() {
        return new AssembleeRefresh(new ConditionalDownloader(http, 50L << 20), site.sources(),
                ShippedData.assembleeDir(), kept, INTERVAL, BACKOFF, clock, scheduler);
    }

    /** A refresh started as the app starts it, its swaps recorded. */
    AssembleeRefresh started(AssembleeRefresh refresh) {
        refresh.start(next -> () -> swapped.add(next));
        return refresh;
    }

    static LocalDate dateOf(int scrutin) {
        return LocalDate.parse(ShippedData.scrutinTree(scrutin).path("dateScrutin").asString());
    }

    static Map<String, SourceStatus> byId(AssembleeRefresh refresh) {
        Map<String, SourceStatus> out = new java.util.LinkedHashMap<>();
        refresh.statuses().forEach(s -> out.put(s.id(), s));
        return out;
    }

    List<String> keptFiles() throws IOException {
        try (Stream<Path> files = Files.list(kept)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void startsFromTheShippedSnapshotThenKeepsTheDownloadsAndAnswersFromThemAtTheNextStart() throws Exception {
        AssembleeRefresh first = refresh();
        AssembleeSnapshot shipped = first.loadAtStart();
        assertThat(shipped.info().source()).isEqualTo("Assemblée nationale, open data (AMO10, AMO50, Scrutins)");
        assertThat(byId(first).get("assemblee-scrutins").lastSuccess()).as("nothing downloaded yet").isNull();

        started(first).refreshNow();

        assertThat(swapped).hasSize(1);
        AssembleeSnapshot live = swapped.getFirst();
        assertThat(live.info().source()).isEqualTo("Assemblée nationale, open data (AMO10, AMO30, Scrutins)");
        assertThat(live.info().scrutinCount()).isEqualTo(LAST_BEFORE_17_NOVEMBER);
        assertThat(live.info().lastScrutinDate()).isEqualTo(dateOf(LAST_BEFORE_17_NOVEMBER)).isEqualTo("2025-11-14");
        assertThat(live.contents().sittingDeputies()).isEqualTo(577);
        assertThat(live.contents().formerDeputies()).as("AMO30's sitting deputies are AMO10's").isEqualTo(34);
        assertThat(keptFiles()).containsExactly(
                "AMO10_deputes_actifs_mandats_actifs_organes.json.zip",
                "AMO10_deputes_actifs_mandats_actifs_organes.json.zip.properties",
                "AMO30_tous_acteurs_tous_mandats_tous_organes_historique.json.zip",
                "AMO30_tous_acteurs_tous_mandats_tous_organes_historique.json.zip.properties",
                "Scrutins.json.zip", "Scrutins.json.zip.properties");
        assertThat(Files.readAllBytes(kept.resolve("Scrutins.json.zip"))).isEqualTo(before17November());
        SourceStatus scrutins = byId(first).get("assemblee-scrutins");
        assertThat(scrutins.url()).isEqualTo(site.url(SCRUTINS));
        assertThat(scrutins.dataDate()).isEqualTo("2025-11-14");
        assertThat(scrutins.counts()).containsEntry("scrutins", LAST_BEFORE_17_NOVEMBER);
        assertThat(scrutins.lastSuccess()).isEqualTo(START);
        assertThat(scrutins.lastError()).isNull();
        assertThat(scrutins.nextAttempt()).isEqualTo(START.plus(INTERVAL));

        clock.advance(Duration.ofDays(1));
        AssembleeRefresh restarted = refresh();
        AssembleeSnapshot atRestart = restarted.loadAtStart();

        assertThat(atRestart.info().scrutinCount()).isEqualTo(LAST_BEFORE_17_NOVEMBER);
        assertThat(atRestart.info().source()).isEqualTo(live.info().source());
        assertThat(byId(restarted).get("assemblee-scrutins").lastSuccess()).as("when it was downloaded").isEqualTo(START);
        started(restarted).refreshNow();
        assertThat(site.lastRequest(SCRUTINS).getHeaders().get("If-None-Match")).isEqualTo("\"scrutins-1\"");
        assertThat(swapped).as("304 Not Modified for all three: nothing to swap").hasSize(1);
        assertThat(byId(restarted).get("assemblee-scrutins").lastSuccess()).isEqualTo(clock.instant());
    }

    @Test
    void takesANewScrutinFromAChangedArchive() {
        AssembleeRefresh refresh = refresh();
        refresh.loadAtStart();
        started(refresh).refreshNow();
        assertThat(swapped.getLast().scrutin(3876)).isEmpty();

        site.serve(SCRUTINS, OfficialArchives.scrutins(), "\"scrutins-2\"");
        clock.advance(Duration.ofMinutes(10));
        refresh.refreshNow();

        assertThat(swapped).hasSize(2);
        assertThat(swapped.getLast().scrutin(3876)).hasValueSatisfying(s -> assertThat(s.date()).isEqualTo("2025-11-17"));
        assertThat(byId(refresh).get("assemblee-scrutins").counts()).containsEntry("scrutins", 3876);
    }

    @Test
    void refusesAnArchiveWithFewerScrutinsThanTheLastGoodDownload() throws Exception {
        AssembleeRefresh refresh = refresh();
        refresh.loadAtStart();
        started(refresh).refreshNow();

        site.serve(SCRUTINS, OfficialArchives.scrutins(n -> n <= 3700), "\"scrutins-partial\"");
        clock.advance(Duration.ofMinutes(10));
        refresh.refreshNow();

        assertThat(swapped).hasSize(1);
        SourceStatus s = byId(refresh).get("assemblee-scrutins");
        assertThat(s.lastError()).isEqualTo("new Scrutins archive refused: 3700 scrutins, fewer than the 3813 of the "
                + "last good download");
        assertThat(s.lastFailure()).isEqualTo(clock.instant());
        assertThat(s.lastSuccess()).isEqualTo(START);
        assertThat(s.dataDate()).as("still answering from the last good data").isEqualTo("2025-11-14");
        assertThat(Files.readAllBytes(kept.resolve("Scrutins.json.zip"))).isEqualTo(before17November());
        assertThat(keptFiles()).noneMatch(n -> n.endsWith(".new") || n.endsWith(".part"));
    }

    @Test
    void refusesAPartialDeputiesExport() {
        AssembleeRefresh refresh = refresh();
        refresh.loadAtStart();
        site.serve(AMO10, OfficialArchives.amo10WithActeurs(100), "\"amo10-partial\"");

        started(refresh).refreshNow();

        assertThat(byId(refresh).get("assemblee-amo10").lastError())
                .isEqualTo("new AMO10 archive refused: only 100 sitting deputies, fewer than the 500 of a complete export");
        assertThat(swapped).as("the good AMO30 and Scrutins are not held back by the bad AMO10").hasSize(1);
        assertThat(swapped.getFirst().contents().sittingDeputies()).as("the shipped AMO10 still answers").isEqualTo(577);
        assertThat(swapped.getFirst().info().scrutinCount()).isEqualTo(LAST_BEFORE_17_NOVEMBER);
    }

    @Test
    void refusesATruncatedZipAndKeepsTheLastGoodCopy() throws Exception {
        AssembleeRefresh refresh = refresh();
        refresh.loadAtStart();
        started(refresh).refreshNow();
        byte[] full = OfficialArchives.scrutins();

        site.serve(SCRUTINS, Arrays.copyOf(full, full.length / 2), "\"scrutins-cut\"");
        refresh.refreshNow();

        assertThat(byId(refresh).get("assemblee-scrutins").lastError())
                .startsWith("new Scrutins archive refused: Cannot open the Assemblée archive Scrutins.json.zip.new: ");
        assertThat(swapped).hasSize(1);
        assertThat(Files.readAllBytes(kept.resolve("Scrutins.json.zip"))).isEqualTo(before17November());
        assertThat(keptFiles()).noneMatch(n -> n.endsWith(".new") || n.endsWith(".part"));
    }

    @Test
    void waitsTwiceAsLongAfterEachFailureUpToTheMaximumAndOneIntervalAfterASuccess() {
        AssembleeRefresh refresh = refresh();
        refresh.loadAtStart();
        started(refresh);
        site.fail(SCRUTINS, () -> new MockResponse.Builder().code(503).body("maintenance").build());

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            refresh.refreshNow();
            SourceStatus s = byId(refresh).get("assemblee-scrutins");
            waits.add(Duration.between(s.lastFailure(), s.nextAttempt()));
            assertThat(s.lastError()).isEqualTo(site.url(SCRUTINS) + ": HTTP 503");
        }
        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(5), Duration.ofMinutes(5));
        assertThat(scheduler.delay()).as("the next run is the soonest attempt: the failing source's")
                .isEqualTo(Duration.ofMinutes(5));

        site.serve(SCRUTINS, before17November(), "\"scrutins-1\"");
        refresh.refreshNow();
        SourceStatus back = byId(refresh).get("assemblee-scrutins");
        assertThat(back.lastError()).isNull();
        assertThat(back.lastFailure()).isNull();
        assertThat(back.nextAttempt()).isEqualTo(clock.instant().plus(INTERVAL));
    }

    @Test
    void runsAPlannedRefreshOnlyForTheSourcesTheClockHasMadeDue() {
        AssembleeRefresh refresh = refresh();
        refresh.loadAtStart();
        started(refresh);
        assertThat(scheduler.delay()).as("every source is due at start").isEqualTo(Duration.ZERO);
        scheduler.runPlanned();
        assertThat(site.requests(SCRUTINS)).isEqualTo(1);
        assertThat(scheduler.delay()).isEqualTo(INTERVAL);

        site.fail(AMO10, () -> new MockResponse.Builder().code(500).build());
        clock.advance(INTERVAL);
        scheduler.runPlanned();
        assertThat(site.requests(SCRUTINS)).isEqualTo(2);
        assertThat(scheduler.delay()).as("AMO10's back-off comes first").isEqualTo(Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        scheduler.runPlanned();
        assertThat(site.requests(AMO10)).isEqualTo(3);
        assertThat(site.requests(SCRUTINS)).as("not due for another interval").isEqualTo(2);
    }

    @Test
    void treatsTheSameBytesWithoutValidatorsAsUnchanged() {
        site.serve(SCRUTINS, before17November(), null);
        AssembleeRefresh refresh = refresh();
        refresh.loadAtStart();
        started(refresh).refreshNow();
        clock.advance(INTERVAL);

        refresh.refreshNow();

        assertThat(swapped).hasSize(1);
        assertThat(byId(refresh).get("assemblee-scrutins").lastSuccess()).isEqualTo(clock.instant());
    }

    @Test
    void dropsAKeptCopyThatNoLongerLoadsAndAnswersFromTheShippedSnapshot() throws Exception {
        AssembleeRefresh first = refresh();
        first.loadAtStart();
        started(first).refreshNow();
        Files.write(kept.resolve("Scrutins.json.zip"), "not a zip any more".getBytes());

        AssembleeRefresh restarted = refresh();
        AssembleeSnapshot atStart = restarted.loadAtStart();

        assertThat(atStart.info().scrutinCount()).as("the shipped scrutins").isEqualTo(3876);
        assertThat(atStart.info().source()).as("the kept AMO10 and AMO30 still answer")
                .isEqualTo("Assemblée nationale, open data (AMO10, AMO30, Scrutins)");
        assertThat(byId(restarted).get("assemblee-scrutins").lastError())
                .startsWith("kept copy of Scrutins unusable, answering from the shipped snapshot until a new download: ");
        assertThat(keptFiles()).doesNotContain("Scrutins.json.zip", "Scrutins.json.zip.properties");
        started(restarted).refreshNow();
        assertThat(site.lastRequest(SCRUTINS).getHeaders().get("If-None-Match")).as("downloaded again in full").isNull();
        assertThat(swapped.getLast().info().scrutinCount()).isEqualTo(LAST_BEFORE_17_NOVEMBER);
    }
}
