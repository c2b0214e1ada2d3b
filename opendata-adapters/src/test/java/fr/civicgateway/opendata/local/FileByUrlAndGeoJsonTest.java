package fr.civicgateway.opendata.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.local.LocalDataSource;
import fr.civicgateway.core.local.LocalItem;
import fr.civicgateway.core.sources.SourceStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GeoJSON files and files by URL, on the shipped Paris worksites: the export itself served unchanged, and its first
 * records as a GeoJSON FeatureCollection ({@link ShippedWorksites#geoJson}: each row's own {@code geo_shape} as the
 * geometry, its columns as properties).
 */
class FileByUrlAndGeoJsonTest {

    static final Instant START = Instant.parse("2026-01-10T09:00:00Z");
    static final String LAST_MODIFIED = "Sun, 14 Dec 2025 06:00:00 GMT";

    @StartStop
    final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;

    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
    final ManualTime time = new ManualTime(START);

    @AfterEach
    void stopClient() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private LocalDataSource load(String yml) throws IOException {
        Path adapters = Files.createDirectories(dir.resolve("adapters"));
        Files.writeString(adapters.resolve("source.yml"), yml);
        List<LocalDataSource> sources = LocalAdapters.load(adapters, dir, TestRemote.of(http, time, dir.resolve("cache")));
        assertThat(sources).hasSize(1);
        return sources.getFirst();
    }

    private static final String GEOJSON_FIELDS = """
            fields:
              id: Référence Chantier
              title: Synthèse - Nature du chantier
              postcode: Code postal arrondissement - Commune
              start: Date début du chantier
              end: Date fin du chantier
            """;

    private static final String CSV_FIELDS = """
            separator: ";"
            fields:
              id: Référence Chantier
              title: Synthèse - Nature du chantier
              postcode: Code postal arrondissement - Commune
              coordinates: geo_point_2d
            """;

    /** Great-circle distance, written here once more so that the test does not lean on the code it checks. */
    private static double metres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double h = Math.pow(Math.sin((p2 - p1) / 2), 2)
                + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
    }

    private static SourceStatus status(LocalDataSource s) {
        return ((RemoteLocalDataSource) s).statuses().getFirst();
    }

    @Test
    void readsAGeoJsonFileItsPropertiesByNameAndEachPositionFromItsGeometry() throws Exception {
        List<List<String>> rows = ShippedWorksites.first(60);
        Path file = Files.createDirectories(dir.resolve("data")).resolve("chantiers.geojson");
        Files.writeString(file, ShippedWorksites.geoJson(rows));

        LocalDataSource source = load("""
                id: paris-chantiers-geojson
                type: geojson
                kind: worksite
                file: data/chantiers.geojson
                dataDate: 2025-12-14
                publisher: Ville de Paris
                licence: ODbL
                url: https://opendata.paris.fr/explore/dataset/chantiers-a-paris/
                """ + GEOJSON_FIELDS);

        assertThat(source).isInstanceOf(FileLocalDataSource.class);
        assertThat(source.items()).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            LocalItem item = source.items().get(i);
            assertThat(item.id()).isEqualTo(row.get(0));
            // A few real rows have no title or no postcode: the title falls back on the id, a blank is no postcode.
            assertThat(item.title()).isEqualTo(row.get(7).isEmpty() ? "#" + row.get(0) : row.get(7));
            assertThat(item.postcode()).isEqualTo(row.get(1).isEmpty() ? null : row.get(1));
            assertThat(item.start()).isEqualTo(LocalDate.parse(row.get(2)));
            // The footprint's centre, from its polygon, lies where the publisher's own point for it does.
            double[] published = ShippedWorksites.point(row);
            assertThat(metres(item.latitude(), item.longitude(), published[0], published[1]))
                    .as("distance of %s from its published point", item.id()).isLessThan(15);
        }
    }

    @Test
    void downloadsAGeoJsonByUrlThenOnlyAsksWhetherItChanged() throws Exception {
        List<List<String>> rows = ShippedWorksites.first(40);
        server.enqueue(new MockResponse.Builder().body(ShippedWorksites.geoJson(rows)).setHeader("ETag", "\"v1\"")
                .setHeader("Last-Modified", LAST_MODIFIED).build());
        server.enqueue(new MockResponse.Builder().code(304).build());

        LocalDataSource source = load("""
                id: paris-chantiers-geojson
                type: geojson
                kind: worksite
                file: %s
                refresh: 2h
                publisher: Ville de Paris
                licence: ODbL
                url: https://opendata.paris.fr/explore/dataset/chantiers-a-paris/
                """.formatted(server.url("/api/explore/v2.1/catalog/datasets/chantiers-a-paris/exports/geojson"))
                + GEOJSON_FIELDS);

        assertThat(source.items()).extracting(LocalItem::id).containsExactlyElementsOf(rows.stream().map(List::getFirst).toList());
        assertThat(source.description().dataDate()).as("from Last-Modified").isEqualTo(LocalDate.of(2025, 12, 14));

        time.advance(Duration.ofHours(2));
        ((RemoteLocalDataSource) source).tick();

        server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(second.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(second.getHeaders().get("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
        assertThat(status(source).lastSuccess()).isEqualTo(time.now());
        assertThat(source.items()).hasSize(rows.size());
    }

    @Test
    void readsTheShippedExportServedByUrlAsItReadsTheLocalFile() throws Exception {
        byte[] export = Files.readAllBytes(ShippedWorksites.root().resolve("data/paris/chantiers-a-paris.csv"));
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(export)).build());

        LocalDataSource source = load("""
                id: paris-chantiers-url
                kind: worksite
                file: %s
                publisher: Ville de Paris
                licence: ODbL
                url: https://opendata.paris.fr/explore/dataset/chantiers-a-paris/
                """.formatted(server.url("/exports/csv")) + CSV_FIELDS);

        assertThat(source.items()).hasSize(ShippedWorksites.table().size() - 1).hasSize(4710);
        assertThat(source.description().dataDate()).as("no Last-Modified: the day of the download")
                .isEqualTo(LocalDate.of(2026, 1, 10));
        assertThat(Files.readAllBytes(dir.resolve("cache/paris-chantiers-url/data"))).as("the last good copy")
                .isEqualTo(export);
    }

    @Test
    void refusesAFileOverItsSizeCapAndSaysSoInItsStatus() throws Exception {
        byte[] export = Files.readAllBytes(ShippedWorksites.root().resolve("data/paris/chantiers-a-paris.csv"));
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(export)).build());

        LocalDataSource source = load("""
                id: paris-chantiers-url
                kind: worksite
                file: %s
                maxSize: 1MB
                publisher: Ville de Paris
                licence: ODbL
                url: https://opendata.paris.fr/explore/dataset/chantiers-a-paris/
                """.formatted(server.url("/exports/csv")) + CSV_FIELDS);

        assertThat(source.available()).isFalse();
        assertThat(status(source).lastError()).isEqualTo(server.url("/exports/csv") + ": announced " + export.length
                + " bytes, more than the limit of 1048576");
        assertThat(dir.resolve("cache/paris-chantiers-url")).isEmptyDirectory();
    }

    @Test
    void keepsThePreviousVersionWhenADownloadIsNotTheConfiguredFormatOrHoldsNoRecord() throws Exception {
        byte[] export = Files.readAllBytes(ShippedWorksites.root().resolve("data/paris/chantiers-a-paris.csv"));
        String header = ShippedWorksites.table().getFirst().stream().reduce((a, b) -> a + ";" + b).orElseThrow();
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(export)).build());
        server.enqueue(new MockResponse.Builder().body("<html><body>Maintenance</body></html>").build());
        server.enqueue(new MockResponse.Builder().body(header + "\r\n").build());
        LocalDataSource source = load("""
                id: paris-chantiers-url
                kind: worksite
                file: %s
                publisher: Ville de Paris
                licence: ODbL
                url: https://opendata.paris.fr/explore/dataset/chantiers-a-paris/
                """.formatted(server.url("/exports/csv")) + CSV_FIELDS);
        RemoteLocalDataSource remote = (RemoteLocalDataSource) source;

        time.advance(Duration.ofHours(1));
        remote.tick();

        assertThat(status(source).lastError()).isEqualTo("source.yml: key 'fields.id' names column 'Référence"
                + " Chantier', which is not in the header of " + server.url("/exports/csv"));
        assertThat(source.items()).hasSize(4710);

        time.advance(Duration.ofMinutes(1));
        remote.tick();

        assertThat(status(source).lastError()).isEqualTo(server.url("/exports/csv")
                + ": no record (an empty download is taken for a broken one)");
        assertThat(source.items()).hasSize(4710);
        assertThat(Files.readAllBytes(dir.resolve("cache/paris-chantiers-url/data"))).isEqualTo(export);
    }
}
