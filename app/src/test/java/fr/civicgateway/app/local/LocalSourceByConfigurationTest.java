package fr.civicgateway.app.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A municipality's data added by configuration only: one YAML file in an otherwise empty {@code civic.local.directory},
 * an OpenDataSoft dataset on MockWebServer, and the whole gateway answering from it through {@code POST /api/v1/chat},
 * listing it in the admin sources and publishing its cache figures.
 *
 * <p>The portal serves real records: the rows of the shipped Paris worksites export whose "Responsable du chantier"
 * is not private building works (the configured {@code where}), rewritten as the Explore API v2.1 writes them (its
 * field names for this dataset, {@code geo_point_2d} as {@code {lon, lat}}). The expected figures are counted here
 * from the raw file, split naively (one CRLF per record, no {@code ;} inside a field).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "CIVIC_ADMIN_TOKEN=test-admin-token"})
class LocalSourceByConfigurationTest {

    static final String PRIVATE_WORKS = "Tiers (travaux sur bâtiment)";
    static final tools.jackson.databind.ObjectMapper JSON = JsonMapper.builder().build();
    static final String BASE = "/api/explore/v2.1/catalog/datasets/chantiers-a-paris";
    static final MockWebServer PORTAL = new MockWebServer();
    static Path directory;

    @LocalServerPort
    int port;

    /** The rows the configured filter keeps, as naive columns. */
    static List<String[]> matching() throws IOException {
        String raw = Files.readString(ShippedData.dataDirectory().resolve("paris/chantiers-a-paris.csv"),
                StandardCharsets.UTF_8);
        List<String> lines = List.of(raw.split("\r\n"));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(";", -1))
                .filter(r -> !r[4].equals(PRIVATE_WORKS)).toList();
    }

    static ObjectNode record(String[] r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("num_emprise", r[0]);
        o.put("cp_arrondissement", r[1].isEmpty() ? null : r[1]);
        o.put("date_debut", r[2].isEmpty() ? null : r[2]);
        o.put("date_fin", r[3].isEmpty() ? null : r[3]);
        o.put("chantier_categorie", r[4]);
        o.put("moa_principal", r[5].isEmpty() ? null : r[5]);
        o.put("chantier_synthese", r[7].isEmpty() ? null : r[7]);
        if (r[13].isEmpty()) {
            o.putNull("geo_point_2d");
        } else {
            String[] latLon = r[13].split(",");
            o.putObject("geo_point_2d").put("lon", Double.parseDouble(latLon[1].strip()))
                    .put("lat", Double.parseDouble(latLon[0].strip()));
        }
        return o;
    }

    @DynamicPropertySource
    static void municipality(DynamicPropertyRegistry registry) throws IOException {
        List<String[]> rows = matching();
        PORTAL.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                HttpUrl url = request.getUrl();
                if (url.encodedPath().equals(BASE)) {
                    return json("{\"dataset_id\": \"chantiers-a-paris\", \"metas\": {\"default\":"
                            + " {\"data_processed\": \"2025-12-14T05:00:00+00:00\"}}}");
                }
                if (url.encodedPath().equals(BASE + "/records")) {
                    int offset = Integer.parseInt(url.queryParameter("offset"));
                    int limit = Integer.parseInt(url.queryParameter("limit"));
                    ObjectNode page = JSON.createObjectNode().put("total_count", rows.size());
                    ArrayNode results = page.putArray("results");
                    rows.subList(Math.min(offset, rows.size()), Math.min(rows.size(), offset + limit))
                            .forEach(r -> results.add(record(r)));
                    return json(page.toString());
                }
                return new MockResponse.Builder().code(404).build();
            }
        });
        PORTAL.start();
        directory = Files.createTempDirectory("civic-local-");
        Path adapters = Files.createDirectories(directory.resolve("adapters"));
        Files.writeString(adapters.resolve("paris-chantiers-live.yml"), """
                id: paris-chantiers-live
                type: opendatasoft
                kind: worksite
                portal: %s
                dataset: chantiers-a-paris
                where: 'chantier_categorie != "%s"'
                publisher: Ville de Paris
                licence: ODbL
                url: https://opendata.paris.fr/explore/dataset/chantiers-a-paris/
                fields:
                  id: num_emprise
                  title: chantier_synthese
                  description: moa_principal
                  postcode: cp_arrondissement
                  start: date_debut
                  end: date_fin
                  coordinates: geo_point_2d
                """.formatted(PORTAL.url("/"), PRIVATE_WORKS));
        registry.add("civic.local.directory", adapters::toString);
        registry.add("civic.local.cache-directory", () -> directory.resolve("cache").toString());
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
    }

    @AfterAll
    static void stopThePortal() throws IOException {
        PORTAL.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersAWorksiteQuestionFromTheDatasetItWasConfiguredWith() throws IOException {
        long expected = matching().stream().filter(r -> r[1].equals("75013")).count();

        List<BotMessage> replies = new ChatClient(port).say("test-" + UUID.randomUUID(), "chantiers dans le 75013");

        assertThat(replies).singleElement().satisfies(reply -> {
            assertThat(reply.text()).startsWith(expected + " résultats pour les chantiers dans le 75013 :")
                    .endsWith("\nSource : Ville de Paris, https://opendata.paris.fr/explore/dataset/chantiers-a-paris/,"
                            + " licence ODbL (données au 14 décembre 2025).");
            assertThat(reply.text().lines().filter(l -> l.startsWith("Source"))).hasSize(1);
            assertThat(reply.titles()).containsExactly("Voir plus");
        });
    }

    @Test
    void listsItInTheAdminSourcesWithItsCountsDateAndNextRefreshButOnlyWithTheToken() throws Exception {
        HttpResponse<String> refused = get("/api/v1/admin/sources");
        HttpResponse<String> listed = get("/api/v1/admin/sources", "Authorization", "Bearer test-admin-token");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("paris-chantiers-live");
        assertThat(listed.statusCode()).isEqualTo(200);
        List<JsonNode> local = new ArrayList<>();
        ChatClient.json(listed.body()).forEach(s -> {
            if (s.path("kind").asString().equals("local")) {
                local.add(s);
            }
        });
        assertThat(local).singleElement().satisfies(s -> {
            assertThat(s.path("id").asString()).isEqualTo("paris-chantiers-live");
            assertThat(s.path("url").asString()).isEqualTo(PORTAL.url(BASE + "/records").toString());
            assertThat(s.path("dataDate").asString()).isEqualTo("2025-12-14");
            assertThat(s.path("counts").path("items").asInt()).isEqualTo(matching().size());
            assertThat(s.path("lastError").isNull()).isTrue();
            Instant success = Instant.parse(s.path("lastSuccess").asString());
            assertThat(Instant.parse(s.path("nextAttempt").asString())).isEqualTo(success.plusSeconds(3600));
        });
    }

    @Test
    void publishesItsCacheFiguresInActuatorMetricsAndItsCountInHealth() throws Exception {
        new ChatClient(port).say("test-" + UUID.randomUUID(), "chantiers dans le 75015");

        String admin = "Bearer " + ChatClient.ADMIN_TOKEN;
        HttpResponse<String> gets = get("/actuator/metrics/cache.gets?tag=cache:local-data"
                + "&tag=source:paris-chantiers-live&tag=result:hit", "Authorization", admin);
        HttpResponse<String> health = get("/actuator/health", "Authorization", admin);

        assertThat(gets.statusCode()).isEqualTo(200);
        assertThat(ChatClient.json(gets.body()).path("measurements").get(0).path("value").asDouble()).isPositive();
        JsonNode detail = ChatClient.json(health.body()).path("components").path("localData").path("details")
                .path("paris-chantiers-live");
        assertThat(detail.path("items").asInt()).isEqualTo(matching().size());
        assertThat(detail.path("dataDate").asString()).isEqualTo("2025-12-14");
        assertThat(detail.path("available").asBoolean()).isTrue();
    }
}
