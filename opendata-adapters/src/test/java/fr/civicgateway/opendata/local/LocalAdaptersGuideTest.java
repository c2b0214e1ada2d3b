package fr.civicgateway.opendata.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.local.LocalDataSource;
import fr.civicgateway.core.local.LocalItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the municipalities' guide's "add your town's data in ten minutes" examples as written ({@link #GUIDE}): the CSV,
 * the YAML files are read from the guide itself, so the guide cannot drift from what works. The CSV is the guide's
 * fictional fixture; the OpenDataSoft example is served by MockWebServer with real records of the shipped Paris
 * worksites export, rewritten in the Explore API v2.1's shape ({@link ShippedWorksites}); only its portal's address
 * is replaced.
 */
class LocalAdaptersGuideTest {

    /** The guide, relative to the repository root. */
    static final String GUIDE = "docs/municipalities/ten-minute-guide.md";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private static Path root() {
        String property = System.getProperty("civic.repository-root");
        if (property != null) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("config"))) {
                return dir;
            }
        }
        throw new IllegalStateException("set the system property civic.repository-root");
    }

    /** The fenced block after {@code marker}, without its fences. */
    private static String block(String guide, String marker) {
        assertThat(guide).as("marker %s in %s", marker, GUIDE).contains(marker);
        String after = guide.substring(guide.indexOf(marker) + marker.length());
        String fenced = after.substring(after.indexOf("```"));
        String body = fenced.substring(fenced.indexOf('\n') + 1);
        return body.substring(0, body.indexOf("```"));
    }

    @Test
    void theGuidesCsvExampleLoadsAsDocumented(@TempDir Path workingDirectory) throws IOException {
        String guide = Files.readString(root().resolve(GUIDE), StandardCharsets.UTF_8);
        Path csv = workingDirectory.resolve("data/ma-ville/travaux.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, block(guide, "<!-- guide-csv -->"), StandardCharsets.UTF_8);
        Path adapters = Files.createDirectories(workingDirectory.resolve("config/adapters"));
        Files.writeString(adapters.resolve("ma-ville-travaux.yml"), block(guide, "<!-- guide-yml -->"));

        List<LocalDataSource> sources = LocalAdapters.load(adapters, workingDirectory);

        assertThat(sources).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("ma-ville-travaux");
            assertThat(s.description().dataDate()).isEqualTo(LocalDate.of(2026, 2, 15));
            assertThat(s.items()).containsExactly(new LocalItem("ma-ville-travaux", LocalItem.Kind.WORKSITE, "T-001",
                    "Réfection de chaussée", null, null, "12 rue de la Paix; côté pair", "74000",
                    LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), 45.899, 6.129, null));
        });
    }

    @Test
    void theGuidesOpenDataSoftExampleReadsThePortalAsDocumented(@TempDir Path workingDirectory) throws Exception {
        String guide = Files.readString(root().resolve(GUIDE), StandardCharsets.UTF_8);
        String yml = block(guide, "<!-- guide-ods-yml -->");
        String portal = "portal: https://opendata.paris.fr";
        assertThat(yml).contains(portal).contains("where: 'chantier_categorie != \"Tiers (travaux sur bâtiment)\"'");
        Path adapters = Files.createDirectories(workingDirectory.resolve("config/adapters"));
        Files.writeString(adapters.resolve("paris-chantiers-live.yml"), yml.replace(portal, "portal: " + server.url("/")));
        List<List<String>> matching = ShippedWorksites.table().subList(1, ShippedWorksites.table().size()).stream()
                .filter(r -> !r.get(4).equals(ShippedWorksites.PRIVATE_WORKS)).toList();
        server.setDispatcher(new FakeOpenDataSoftPortal(matching, "2025-12-14T05:00:00+00:00"));
        OkHttpClient http = new OkHttpClient();
        ManualTime time = new ManualTime(Instant.parse("2026-01-10T09:00:00Z"));

        try {
            List<LocalDataSource> sources = LocalAdapters.load(adapters, workingDirectory,
                    TestRemote.of(http, time, workingDirectory.resolve("var/local-data")));

            assertThat(server.getRequestCount()).isEqualTo(1 + (matching.size() + 99) / 100);
            assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(FakeOpenDataSoftPortal.BASE);
            var firstPage = server.takeRequest().getUrl();
            assertThat(firstPage.encodedPath()).isEqualTo(FakeOpenDataSoftPortal.BASE + "/records");
            assertThat(firstPage.queryParameter("where")).isEqualTo("chantier_categorie != \"Tiers (travaux sur bâtiment)\"");
            assertThat(firstPage.queryParameter("limit")).isEqualTo("100");
            assertThat(sources).singleElement().satisfies(s -> {
                assertThat(s.id()).isEqualTo("paris-chantiers-live");
                assertThat(s.items()).hasSize(matching.size());
                assertThat(s.description().dataDate()).isEqualTo(LocalDate.of(2025, 12, 14));
            });
            long in75013 = matching.stream().filter(r -> r.get(1).equals("75013")).count();
            assertThat(Turns.ask(sources, "chantiers dans le 75013", time.now()).text())
                    .startsWith(in75013 + " résultats pour les chantiers dans le 75013 :");
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
