package fr.civicgateway.opendata.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.civicgateway.core.local.LocalDataException;
import fr.civicgateway.core.local.LocalDataSource;
import fr.civicgateway.core.local.LocalItem;
import fr.civicgateway.core.sources.SourceStatus;
import fr.civicgateway.core.retry.Backoff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenDataSoft adapter against a fake portal serving real records of the shipped Paris worksites export (see
 * {@link ShippedWorksites} and {@link FakeOpenDataSoftPortal}): the requests it makes, what it reads, and how it
 * behaves when the portal is down, sends garbage or too much. Time is moved by hand; fetches run on the test's thread.
 */
class OpenDataSoftSourceTest {

    static final String WHERE = "chantier_categorie != \"" + ShippedWorksites.PRIVATE_WORKS + "\"";
    static final String PROCESSED = "2025-12-14T05:00:00+00:00";
    static final Instant START = Instant.parse("2026-01-10T09:00:00Z");

    @StartStop
    final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;

    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
    final ManualTime time = new ManualTime(START);
    List<List<String>> matching;
    FakeOpenDataSoftPortal portal;

    @BeforeEach
    void portal() throws IOException {
        // The rows of the export that the configured filter keeps: works other than private building works.
        matching = ShippedWorksites.first(700).stream().filter(r -> !r.get(4).equals(ShippedWorksites.PRIVATE_WORKS))
                .toList();
        portal = new FakeOpenDataSoftPortal(matching, PROCESSED);
        server.setDispatcher(portal);
    }

    @AfterEach
    void stopClient() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private Path adapters(String extra) throws IOException {
        Path adapters = Files.createDirectories(dir.resolve("adapters"));
        Files.writeString(adapters.resolve("paris-chantiers-live.yml"), """
                id: paris-chantiers-live
                type: opendatasoft
                kind: worksite
                portal: %s
                dataset: chantiers-a-paris
                where: '%s'
                publisher: Ville de Paris
                licence: ODbL
                url: https://opendata.paris.fr/explore/dataset/chantiers-a-paris/
                refresh: 1h
                %s
                fields:
                  id: num_emprise
                  title: chantier_synthese
                  description: moa_principal
                  postcode: cp_arrondissement
                  start: date_debut
                  end: date_fin
                  coordinates: geo_point_2d
                """.formatted(server.url("/"), WHERE, extra));
        return adapters;
    }

    private RemoteLocalDataSource load(String extra, LocalAdapters.Remote remote) throws IOException {
        List<LocalDataSource> sources = LocalAdapters.load(adapters(extra), dir, remote);
        assertThat(sources).hasSize(1);
        return (RemoteLocalDataSource) sources.getFirst();
    }

    private RemoteLocalDataSource load() throws IOException {
        return load("", TestRemote.of(http, time, dir.resolve("cache")));
    }

    private List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        for (int n = server.getRequestCount(); n > 0 && seen < n; seen++) {
            out.add(server.takeRequest());
        }
        return out;
    }

    private int seen;

    private static SourceStatus status(RemoteLocalDataSource s) {
        return s.statuses().getFirst();
    }

    private static long in(List<List<String>> rows, String postcode) {
        return rows.stream().filter(r -> r.get(1).equals(postcode)).count();
    }

    @Test
    void pagesThroughTheRecordsWithTheConfiguredFilterAndReadsTheApisFieldNames() throws Exception {
        RemoteLocalDataSource source = load();

        List<RecordedRequest> requests = requests();
        int pages = (matching.size() + 99) / 100;
        assertThat(matching.size()).isGreaterThan(200);
        assertThat(requests).hasSize(1 + pages);
        assertThat(requests.getFirst().getUrl().encodedPath()).isEqualTo(FakeOpenDataSoftPortal.BASE);
        for (int p = 0; p < pages; p++) {
            var url = requests.get(1 + p).getUrl();
            assertThat(url.encodedPath()).isEqualTo(FakeOpenDataSoftPortal.BASE + "/records");
            assertThat(url.queryParameter("limit")).isEqualTo("100");
            assertThat(url.queryParameter("offset")).isEqualTo(Integer.toString(100 * p));
            assertThat(url.queryParameter("where")).isEqualTo(WHERE);
            assertThat(url.queryParameter("order_by")).isEqualTo("num_emprise");
        }
        List<String> row = matching.getFirst();
        double[] point = ShippedWorksites.point(row);
        assertThat(source.items()).hasSize(matching.size());
        assertThat(source.items().getFirst()).isEqualTo(new LocalItem("paris-chantiers-live", LocalItem.Kind.WORKSITE,
                row.get(0), row.get(7), row.get(5), null, null, row.get(1), LocalDate.parse(row.get(2)),
                LocalDate.parse(row.get(3)), point[0], point[1], null));
        assertThat(source.description().dataDate()).isEqualTo(LocalDate.of(2025, 12, 14));
        assertThat(status(source)).isEqualTo(new SourceStatus("paris-chantiers-live", "local",
                server.url(FakeOpenDataSoftPortal.BASE + "/records").toString(), LocalDate.of(2025, 12, 14),
                Map.of("items", matching.size()), START, null, null, START.plus(Duration.ofHours(1))));
    }

    @Test
    void takesTheExportEndpointWhenMoreRecordsMatchThanTheRecordsApiServes() throws Exception {
        // The real ceiling is 10,000 records; lowered to 200 here so that the shipped rows cross it.
        AdapterConfig c = AdapterConfig.read(adapters("").resolve("paris-chantiers-live.yml"), dir);
        RemoteLocalDataSource source = LocalAdapters.remote(c, TestRemote.of(http, time, dir.resolve("cache")), 200);
        source.start();

        List<RecordedRequest> requests = requests();
        assertThat(requests).extracting(r -> r.getUrl().encodedPath()).containsExactly(FakeOpenDataSoftPortal.BASE,
                FakeOpenDataSoftPortal.BASE + "/records", FakeOpenDataSoftPortal.BASE + "/exports/json");
        assertThat(requests.getLast().getUrl().queryParameter("where")).isEqualTo(WHERE);
        assertThat(source.items()).hasSize(matching.size());
        assertThat(source.items()).extracting(LocalItem::id).containsExactlyElementsOf(
                matching.stream().map(r -> r.getFirst()).toList());
    }

    @Test
    void sendsTheApiKeyFromTheEnvironmentOnEveryCall() throws Exception {
        load("apiKeyVariable: PARIS_DATA_KEY",
                TestRemote.of(http, time, dir.resolve("cache"), 5L << 20, Map.of("PARIS_DATA_KEY", "k-0123456789")));

        assertThat(requests()).isNotEmpty().allSatisfy(r ->
                assertThat(r.getHeaders().get("Authorization")).isEqualTo("Apikey k-0123456789"));
    }

    @Test
    void refusesToStartWhenItsApiKeyVariableIsNotSet() {
        assertThatThrownBy(() -> load("apiKeyVariable: PARIS_DATA_KEY", TestRemote.of(http, time, dir.resolve("cache"))))
                .isInstanceOf(LocalDataException.class)
                .hasMessage("paris-chantiers-live.yml: apiKeyVariable names PARIS_DATA_KEY, which is not set in the"
                        + " environment");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void saysItIsUnavailableWhileDownSinceTheStartThenAnswersOnceARetrySucceeds() throws Exception {
        portal.mode = FakeOpenDataSoftPortal.Mode.DOWN;
        RemoteLocalDataSource source = load();

        var down = Turns.ask(List.of(source), "chantiers dans le 75013", time.now());

        assertThat(source.available()).isFalse();
        assertThat(down.text()).isEqualTo("Les données des chantiers de Ville de Paris"
                + " (https://opendata.paris.fr/explore/dataset/chantiers-a-paris/) sont momentanément indisponibles :"
                + " je ne peux pas y chercher pour le moment. Réessayez un peu plus tard.");
        assertThat(status(source).lastError()).isEqualTo(server.url(FakeOpenDataSoftPortal.BASE) + ": HTTP 503");
        assertThat(status(source).nextAttempt()).isEqualTo(START.plus(Duration.ofMinutes(1)));

        portal.mode = FakeOpenDataSoftPortal.Mode.UP;
        time.advance(Duration.ofSeconds(30));
        source.tick();
        assertThat(source.available()).as("not retried before its back-off").isFalse();
        time.advance(Duration.ofSeconds(30));
        source.tick();

        var up = Turns.ask(List.of(source), "chantiers dans le 75013", time.now());
        assertThat(up.text()).startsWith(in(matching, "75013") + " résultats pour les chantiers dans le 75013 :")
                .endsWith("Source : Ville de Paris, https://opendata.paris.fr/explore/dataset/chantiers-a-paris/,"
                        + " licence ODbL (données au 14 décembre 2025).");
        assertThat(status(source).lastError()).isNull();
        assertThat(status(source).lastSuccess()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    }

    @Test
    void keepsAnsweringFromTheLastGoodDataWhileARefreshFailsAndRetriesWithABackOff() throws Exception {
        RemoteLocalDataSource source = load();
        int before = requests().size();
        portal.mode = FakeOpenDataSoftPortal.Mode.DOWN;
        time.advance(Duration.ofHours(1).plusSeconds(1));

        // The first question after the refresh interval starts the refresh; the answer does not wait for it.
        var stale = Turns.ask(List.of(source), "chantiers dans le 75013", time.now());

        assertThat(stale.text()).startsWith(in(matching, "75013") + " résultats pour les chantiers dans le 75013 :")
                .endsWith("(données au 14 décembre 2025).");
        assertThat(requests()).hasSize(1);
        SourceStatus failing = status(source);
        assertThat(failing.lastSuccess()).isEqualTo(START);
        assertThat(failing.lastFailure()).isEqualTo(time.now());
        assertThat(failing.lastError()).endsWith(": HTTP 503");
        assertThat(failing.dataDate()).isEqualTo(LocalDate.of(2025, 12, 14));
        assertThat(failing.counts()).isEqualTo(Map.of("items", matching.size()));

        Turns.ask(List.of(source), "chantiers dans le 75013", time.now());
        source.tick();
        assertThat(requests()).as("no retry before the back-off, however often citizens ask").isEmpty();
        time.advance(Duration.ofMinutes(1));
        source.tick();
        assertThat(requests()).hasSize(1);
        assertThat(status(source).nextAttempt()).isEqualTo(time.now().plus(Duration.ofMinutes(2)));

        List<List<String>> newer = ShippedWorksites.first(900).stream()
                .filter(r -> !r.get(4).equals(ShippedWorksites.PRIVATE_WORKS)).toList();
        portal.rows = newer;
        portal.processed = "2025-12-15T05:00:00+00:00";
        portal.mode = FakeOpenDataSoftPortal.Mode.UP;
        time.advance(Duration.ofMinutes(2));
        source.tick();

        assertThat(before).isPositive();
        assertThat(source.items()).hasSize(newer.size());
        assertThat(source.description().dataDate()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(status(source).lastError()).isNull();
    }

    @Test
    void refusesGarbageAndKeepsThePortalsOwnErrorMessage() throws Exception {
        RemoteLocalDataSource source = load();
        portal.mode = FakeOpenDataSoftPortal.Mode.GARBAGE;
        time.advance(Duration.ofHours(1));
        source.tick();

        assertThat(status(source).lastError()).isEqualTo(server.url(FakeOpenDataSoftPortal.BASE)
                + ": the answer is not JSON");
        assertThat(source.items()).hasSize(matching.size());

        portal.mode = FakeOpenDataSoftPortal.Mode.ODSQL_ERROR;
        time.advance(Duration.ofMinutes(1));
        source.tick();

        assertThat(status(source).lastError()).isEqualTo(server.url(FakeOpenDataSoftPortal.BASE)
                + ": HTTP 400 (ODSQLError: Query is malformed: unknown field chantier_categori)");
        assertThat(source.items()).hasSize(matching.size());
    }

    @Test
    void givesUpOnAPortalTooSlowToAnswerWithinItsTimeout() throws Exception {
        RemoteLocalDataSource source = load();
        portal.mode = FakeOpenDataSoftPortal.Mode.SLOW;
        var quick = new LocalAdapters.Remote(http, Runnable::run, time.clock(), time, dir.resolve("cache"),
                new Backoff(Duration.ofMinutes(1), Duration.ofHours(1)), Duration.ofMillis(300), 5L << 20,
                Duration.ofSeconds(5), name -> null, java.time.ZoneId.of("Europe/Paris"));
        time.advance(Duration.ofHours(2));

        RemoteLocalDataSource restarted = load("", quick);
        restarted.tick();

        assertThat(status(restarted).lastError()).startsWith(server.url(FakeOpenDataSoftPortal.BASE) + ": ")
                .contains("timeout");
        assertThat(restarted.items()).as("its last good copy").hasSize(source.items().size());
    }

    @Test
    void refusesADatasetLargerThanItsSizeCap() throws Exception {
        RemoteLocalDataSource source = load("maxSize: 50KB", TestRemote.of(http, time, dir.resolve("cache")));

        assertThat(source.available()).isFalse();
        assertThat(status(source).lastError()).startsWith(server.url(FakeOpenDataSoftPortal.BASE + "/records") + ": ")
                .endsWith(" more than the 51200 bytes this source may take");
    }

    @Test
    void readsNoPageAgainWhileTheDatasetWasNotProcessedAgain() throws Exception {
        RemoteLocalDataSource source = load();
        requests();
        time.advance(Duration.ofHours(1));
        source.tick();

        assertThat(requests()).extracting(r -> r.getUrl().encodedPath()).containsExactly(FakeOpenDataSoftPortal.BASE);
        assertThat(status(source).lastSuccess()).isEqualTo(time.now());
        assertThat(source.items()).hasSize(matching.size());
    }

    @Test
    void answersFromItsLastGoodCopyAtTheNextStartWhileThePortalIsDown() throws Exception {
        load();
        int first = server.getRequestCount();
        portal.mode = FakeOpenDataSoftPortal.Mode.DOWN;
        time.advance(Duration.ofMinutes(10));

        RemoteLocalDataSource restarted = load();

        assertThat(server.getRequestCount()).as("the copy is fresh enough: no call at start-up").isEqualTo(first);
        assertThat(restarted.available()).isTrue();
        assertThat(restarted.items()).hasSize(matching.size());
        assertThat(status(restarted).dataDate()).isEqualTo(LocalDate.of(2025, 12, 14));
        assertThat(status(restarted).lastSuccess()).isEqualTo(START);
        assertThat(status(restarted).nextAttempt()).isEqualTo(START.plus(Duration.ofHours(1)));
    }
}
