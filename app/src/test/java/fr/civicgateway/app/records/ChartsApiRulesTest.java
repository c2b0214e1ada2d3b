package fr.civicgateway.app.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The charts keep the records API's rules (issue 12's tester found they did not): the per-address rate limit, a
 * 400 for an unknown parameter or a bad value, and their operations documented in the OpenAPI document. The same
 * properties as {@link RecordsApiTest}, so that both share one application: behind a trusted proxy (the loopback
 * address), each test is a client address of its own under a small limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "civic.local.directory=${civic.repository-root}/config/adapters",
        "civic.local.base-directory=${civic.repository-root}",
        "civic.public-url=https://records.example.org",
        "server.forward-headers-strategy=native",
        "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1|0:0:0:0:0:0:0:1",
        "civic.web.address-rate-limit-burst=40",
        "civic.web.address-rate-limit-interval=1h"})
class ChartsApiRulesTest {

    private static final int BURST = 40;
    private static final String PANOT = "PA720892";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Addresses apart from RecordsApiTest's (198.51.100.x), which may run in the same application. */
    private static final AtomicInteger CLIENTS = new AtomicInteger(10);

    @LocalServerPort
    int port;

    private final String client = "203.0.113." + CLIENTS.incrementAndGet();

    private HttpResponse<String> get(String path) {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", client).GET().build();
        try {
            return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertError(HttpResponse<String> r, int status, String code, String... words) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("error").asString()).isEqualTo(code);
        if (words.length > 0) {
            assertThat(body.path("message").asString()).contains(words);
        }
    }

    @Test
    void aBurstOfPngsPastTheAddresssLimitIsAnswered429WithRetryAfter() {
        HttpResponse<String> limited = null;
        int served = 0;
        for (int i = 0; i <= BURST && limited == null; i++) {
            HttpResponse<String> r = get("/api/v1/deputies/" + PANOT + "/charts/positions.png");
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertThat(r.statusCode()).isEqualTo(200);
                served++;
            }
        }
        assertThat(limited).as("a 429 within " + (BURST + 1) + " requests").isNotNull();
        assertThat(served).isEqualTo(BURST);
        assertError(limited, 429, "rate_limited", "Too many requests");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        // The budget is the address's, whatever it asks next: a CSV and a records path are refused too.
        assertThat(get("/api/v1/scrutins/3876/charts/groups.csv").statusCode()).isEqualTo(429);
        assertThat(get("/api/v1/scrutins?size=1").statusCode()).isEqualTo(429);
    }

    @Test
    void unknownParametersAndBadValuesAreA400ThatNamesThem() {
        String chart = "/api/v1/deputies/" + PANOT + "/charts/participation.svg";
        assertError(get(chart + "?foo=1"), 400, "invalid_parameter", "Unknown parameter \"foo\"", "lang");
        assertError(get(chart + "?lang=de"), 400, "invalid_parameter", "\"lang\"", "fr or en", "\"de\"");
        assertError(get(chart + "?lang="), 400, "invalid_parameter", "\"lang\"");
        assertError(get(chart + "?lang=en&lang=fr"), 400, "invalid_parameter", "\"lang\" must be given once");
        assertError(get("/api/v1/deputies/Panot/charts/positions.png"), 400, "invalid_parameter", "PA720892");
        assertError(get("/api/v1/scrutins/abc/charts/groups.csv"), 400, "invalid_parameter", "number");
        assertError(get("/api/v1/scrutins/0/charts/groups.csv"), 400, "invalid_parameter", "number");
        assertError(get("/api/v1/groups/LFI/charts/cohesion.svg"), 400, "invalid_parameter", "PO845413");
        // Well-formed but unknown, or another format: still a 404.
        assertError(get("/api/v1/deputies/PA999999999/charts/positions.svg"), 404, "not_found");
        assertError(get("/api/v1/groups/PO1/charts/cohesion.csv"), 404, "not_found");
        assertError(get(chart.replace(".svg", ".gif")), 404, "not_found");
        // What the rules accept.
        assertThat(get(chart + "?lang=EN").headers().firstValue("Content-Language")).hasValue("en");
        assertThat(get(chart + "?lang=fr").statusCode()).isEqualTo(200);
        assertThat(get(chart).statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesTheChartsAsTheRecordsOperations() {
        HttpResponse<String> spec = get("/api/docs/openapi.json");
        assertThat(spec.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(spec.body()).path("paths");
        List<String> charts = new ArrayList<>();
        paths.propertyNames().forEach(p -> {
            if (p.contains("/charts/")) {
                charts.add(p);
            }
        });
        assertThat(charts).containsExactlyInAnyOrder("/api/v1/deputies/{uid}/charts/participation.{format}",
                "/api/v1/deputies/{uid}/charts/positions.{format}", "/api/v1/scrutins/{number}/charts/groups.{format}",
                "/api/v1/groups/{uid}/charts/cohesion.{format}");
        for (String path : charts) {
            JsonNode op = paths.path(path).path("get");
            assertThat(op.path("tags").size()).as(path).isEqualTo(1);
            assertThat(op.path("tags").get(0).asString()).as(path).isEqualTo("Charts");
            assertThat(op.path("summary").asString()).as(path).isNotBlank();
            List<String> types = new ArrayList<>();
            op.path("responses").path("200").path("content").propertyNames().forEach(types::add);
            assertThat(types).as(path).containsExactlyInAnyOrder("image/svg+xml", "image/png", "text/csv");
            List<String> codes = new ArrayList<>();
            op.path("responses").propertyNames().forEach(codes::add);
            assertThat(codes).as(path).containsExactlyInAnyOrder("200", "304", "400", "404", "429");
            for (String error : List.of("400", "404", "429")) {
                assertThat(op.path("responses").path(error).path("content").path("application/json").path("schema")
                        .path("$ref").asString()).as(path + " " + error).endsWith("/ApiError");
            }
            assertThat(op.path("responses").path("429").path("headers").has("Retry-After")).as(path).isTrue();
            assertThat(enumOf(op, "format")).as(path).containsExactly("svg", "png", "csv");
            assertThat(enumOf(op, "lang")).as(path).containsExactly("fr", "en");
        }
    }

    private static List<String> enumOf(JsonNode op, String parameter) {
        for (JsonNode p : op.path("parameters")) {
            if (p.path("name").asString().equals(parameter)) {
                List<String> values = new ArrayList<>();
                p.path("schema").path("enum").forEach(v -> values.add(v.asString()));
                return values;
            }
        }
        throw new AssertionError("no parameter " + parameter);
    }
}
