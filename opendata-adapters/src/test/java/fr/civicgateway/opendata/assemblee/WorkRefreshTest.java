package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.opendata.testing.AssembleeSite;
import fr.civicgateway.opendata.testing.ShippedData;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.parliament.work.Amendments;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.core.sources.SourceStatus;
import fr.civicgateway.core.testing.TestClock;
import fr.civicgateway.opendata.http.ConditionalDownloader;
import fr.civicgateway.opendata.http.ManualScheduler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refresh of the deputies' record and the Assemblée's work against the fake Assemblée site serving the real
 * shipped archives: a new archive is validated, kept and swapped in; a 304 changes nothing; a truncated or partial
 * archive, or a page that is not the HATVP's index, is refused and the old generation keeps answering.
 */
class WorkRefreshTest {

    static final String CR = "/static/openData/repository/17/vp/syceronbrut/syseron.xml.zip";
    static final String DOSSIERS = "/static/openData/repository/17/loi/dossiers_legislatifs/Dossiers_Legislatifs.json.zip";
    static final String AGENDA = "/static/openData/repository/17/vp/reunions/Agenda.json.zip";
    static final String HATVP = "/livraison/opendata/liste.csv";
    static final String AMENDEMENTS = "/static/openData/repository/17/loi/amendements_div_legis/Amendements.json.zip";
    static final Instant START = Instant.parse("2026-12-07T06:00:00Z");

    private static WorkLoader.Paths shipped;

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path kept;

    final TestClock clock = new TestClock(START);
    final ManualScheduler scheduler = new ManualScheduler();
    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
    final List<WorkSnapshot> swapped = new ArrayList<>();
    AssembleeSite site;
    WorkRefresh refresh;
    WorkSnapshot first;

    @BeforeAll
    static void paths() {
        shipped = WorkLoader.ofShippedLayout(ShippedData.repositoryRoot().resolve("data")).paths();
    }

    @BeforeEach
    void start() throws IOException {
        startWith(null);
    }

    /** The refresh, with or without the Amendements archive's source ({@code null}: the amendments not available). */
    private void startWith(String amendementsPath) throws IOException {
        if (refresh != null) {
            refresh.stop();
        }
        swapped.clear();
        site = new AssembleeSite(server);
        site.serve(CR, Files.readAllBytes(shipped.comptesRendus()), "\"cr-1\"");
        site.serve(DOSSIERS, Files.readAllBytes(shipped.dossiers()), "\"dl-1\"");
        site.serve(AGENDA, Files.readAllBytes(shipped.agenda()), "\"ag-1\"");
        site.serve(HATVP, Files.readAllBytes(shipped.hatvp()), "\"hv-1\"");
        refresh = new WorkRefresh(new ConditionalDownloader(http, 200L * 1024 * 1024),
                new WorkRefresh.Sources(site.httpUrl(CR), site.httpUrl(DOSSIERS), site.httpUrl(AGENDA), site.httpUrl(HATVP),
                        amendementsPath == null ? null : site.httpUrl(amendementsPath)),
                shipped, kept, ShippedData::snapshot, Duration.ofHours(6),
                new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(5)), clock, scheduler);
        first = refresh.loadAtStart();
        refresh.start(swapped::add);
    }

    @AfterEach
    void stop() {
        refresh.stop();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void aNewHatvpIndexIsKeptAndSwappedInAndA304ChangesNothing() throws IOException {
        // One more publication for Mathilde Panot in the live index.
        String csv = Files.readString(shipped.hatvp());
        String extra = "Mme;Mathilde;PANOT;PANOT Mathilde;depute;Députée du Val-de-Marne;dia;94;2026-06-01;2026-05-20;"
                + "panot-mathilde-dia99999-depute-94.pdf;/pages_nominatives/panot-mathilde;"
                + "panot-mathilde-dia99999-depute-94.xml;Livrée;720892;\n";
        site.serve(HATVP, (csv + extra).getBytes(StandardCharsets.UTF_8), "\"hv-2\"");
        site.fail(CR, () -> new mockwebserver3.MockResponse.Builder().code(304).build());
        site.fail(DOSSIERS, () -> new mockwebserver3.MockResponse.Builder().code(304).build());
        site.fail(AGENDA, () -> new mockwebserver3.MockResponse.Builder().code(304).build());

        refresh.refreshNow();

        assertThat(swapped).hasSize(1);
        WorkSnapshot now = swapped.get(0);
        assertThat(now.declarations("PA720892").filed())
                .hasSize(first.declarations("PA720892").filed().size() + 1);
        assertThat(now.declarations("PA720892").filed().get(0).published()).hasToString("2026-06-01");
        // The comptes rendus were not read again: the same figures.
        assertThat(now.speeches("PA720892")).isEqualTo(first.speeches("PA720892"));
        assertThat(kept.resolve("liste.csv")).hasContent(csv + extra);

        refresh.refreshNow();
        assertThat(site.lastRequest(HATVP).getHeaders().get("If-None-Match")).isEqualTo("\"hv-2\"");
        assertThat(swapped).hasSize(1);
        assertThat(status("hatvp-declarations").lastError()).isNull();
    }

    @Test
    void aTruncatedComptesRendusArchiveIsRefusedAndTheOldGenerationKeepsAnswering() throws IOException {
        byte[] whole = Files.readAllBytes(shipped.comptesRendus());
        site.serve(CR, Arrays.copyOf(whole, whole.length / 3), "\"cr-2\"");
        notModifiedExcept(CR);

        refresh.refreshNow();

        assertThat(swapped).isEmpty();
        assertThat(kept.resolve("syseron.xml.zip")).doesNotExist();
        assertThat(status("assemblee-comptes-rendus").lastError()).startsWith("new Comptes rendus archive refused");
        try (var files = Files.list(kept)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("syseron"));
        }
    }

    @Test
    void aComptesRendusArchiveWithFewerSittingsIsRefused() throws IOException {
        site.serve(CR, firstEntries(shipped.comptesRendus(), 3), "\"cr-3\"");
        notModifiedExcept(CR);

        refresh.refreshNow();

        assertThat(swapped).isEmpty();
        assertThat(status("assemblee-comptes-rendus").lastError())
                .contains("3 sittings, fewer than the 486 answered from now");
    }

    @Test
    void aPageThatIsNotTheHatvpIndexIsRefused() {
        site.serve(HATVP, "<html><body>Maintenance</body></html>".getBytes(StandardCharsets.UTF_8), "\"hv-x\"");
        notModifiedExcept(HATVP);

        refresh.refreshNow();

        assertThat(swapped).isEmpty();
        assertThat(status("hatvp-declarations").lastError()).contains("not the HATVP's index");
    }

    @Test
    void theAmendementsArchiveIsStreamedIntoCountsThatMatchANaiveReadingOfTheSampleAndA304ChangesNothing()
            throws IOException {
        assertThat(first.amendments("PA720892")).as("refresh without the Amendements source").isEmpty();
        startWith(AMENDEMENTS);
        assertThat(first.amendments("PA720892")).as("not loaded before its first download").isEmpty();
        assertThat(status("assemblee-amendements").dataDate()).isNull();
        byte[] zip = AmendementsReaderTest.officialZip();

        newVersionOnly(AMENDEMENTS, zip, "\"am-1\"");

        assertThat(swapped).hasSize(1);
        WorkSnapshot now = swapped.get(0);
        Map<String, int[]> naive = AmendementsReaderTest.naive();
        assertThat(naive).hasSizeGreaterThan(70);
        naive.forEach((uid, c) -> assertThat(now.amendments(uid)).as(uid).hasValueSatisfying(a ->
                assertThat(new int[] {a.authored(), a.cosigned(), a.adopted()}).containsExactly(c)));
        LocalDate[] period = AmendementsReaderTest.naiveDepositPeriod();
        Amendments panot = now.amendments("PA720892").orElseThrow();
        assertThat(panot.provenance().from()).isEqualTo(period[0]);
        assertThat(panot.provenance().dataDate()).isEqualTo(period[1]);
        assertThat(panot.provenance().method().id).isEqualTo("an-amendments-1");
        // A deputy the archive never names: zero, a fact of the loaded archive.
        assertThat(now.amendments("PA0")).hasValueSatisfying(a -> assertThat(a.authored() + a.cosigned()).isZero());
        // The other archives were not read again.
        assertThat(now.speeches("PA720892")).isEqualTo(first.speeches("PA720892"));
        assertThat(kept.resolve("Amendements.json.zip")).hasBinaryContent(zip);
        assertThat(status("assemblee-amendements").dataDate()).isEqualTo(period[1]);
        assertThat(status("assemblee-amendements").counts()).containsEntry("amendements", 23);

        refresh.refreshNow();

        assertThat(site.lastIfNoneMatch(AMENDEMENTS)).isEqualTo("\"am-1\"");
        assertThat(swapped).hasSize(1);
        assertThat(status("assemblee-amendements").lastError()).isNull();
    }

    @Test
    void aTruncatedOrGarbageAmendementsArchiveIsRefusedAndThePreviousGenerationKeepsAnswering() throws IOException {
        startWith(AMENDEMENTS);
        byte[] zip = AmendementsReaderTest.officialZip();
        newVersionOnly(AMENDEMENTS, zip, "\"am-1\"");
        assertThat(swapped).hasSize(1);
        WorkSnapshot good = swapped.get(0);

        newVersionOnly(AMENDEMENTS, Arrays.copyOf(zip, zip.length / 2), "\"am-2\"");
        assertThat(status("assemblee-amendements").lastError()).startsWith("new Amendements archive refused");

        newVersionOnly(AMENDEMENTS, "<html><body>Maintenance</body></html>".getBytes(StandardCharsets.UTF_8),
                "\"am-3\"");
        assertThat(status("assemblee-amendements").lastError())
                .startsWith("new Amendements archive refused: not a zip archive");

        assertThat(swapped).containsExactly(good);
        assertThat(kept.resolve("Amendements.json.zip")).hasBinaryContent(zip);
        assertThat(status("assemblee-amendements").counts()).containsEntry("amendements", 23);
        try (var files = Files.list(kept)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .filteredOn(n -> n.startsWith("Amendements")).containsOnly("Amendements.json.zip",
                            "Amendements.json.zip.properties");
        }
        // A restart answers from the good copy kept.
        startWith(AMENDEMENTS);
        assertThat(first.amendments("PA720892")).isEqualTo(good.amendments("PA720892"));
    }

    /** The site publishes a new version of that archive only (the others answer 304), and a refresh runs. */
    private void newVersionOnly(String path, byte[] bytes, String etag) {
        site.serve(path, bytes, etag);
        notModifiedExcept(path);
        refresh.refreshNow();
    }

    private void notModifiedExcept(String path) {
        for (String p : List.of(CR, DOSSIERS, AGENDA, HATVP, AMENDEMENTS)) {
            if (!p.equals(path)) {
                site.fail(p, () -> new mockwebserver3.MockResponse.Builder().code(304).build());
            }
        }
    }

    private SourceStatus status(String id) {
        return refresh.statuses().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static byte[] firstEntries(Path zipPath, int n) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipFile zip = new ZipFile(zipPath.toFile()); ZipOutputStream out = new ZipOutputStream(bytes)) {
            int i = 0;
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (i++ >= n) {
                    break;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(zip.getInputStream(e).readAllBytes());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
