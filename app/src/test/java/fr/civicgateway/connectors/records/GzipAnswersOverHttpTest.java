package fr.civicgateway.connectors.records;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.CivicGatewayApplication;
import fr.civicgateway.app.opendata.LiveOpenData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The answers that are the same bytes for a version of the data, served gzipped to the clients that take it: a
 * deputy's vote lists (JSON, CSV, whole or paged) and the charts (SVG, CSV; never PNG). On the shipped data, through
 * HTTP, with a client that decodes nothing by itself ({@code java.net.http}), so the bytes on the wire are seen.
 */
@SpringBootTest(classes = CivicGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "civic.local.directory=${civic.repository-root}/config/adapters",
        "civic.local.base-directory=${civic.repository-root}",
        "civic.public-url=https://records.example.org",
        "civic.web.address-rate-limit-burst=1000"})
class GzipAnswersOverHttpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String WHOLE_JSON = "/api/v1/deputies/PA720892/votes?size=5000";
    private static final String WHOLE_CSV = "/api/v1/deputies/PA720892/votes?size=5000&format=csv";
    private static final String PAGE = "/api/v1/deputies/PA719930/votes?page=2";
    private static final String CHART_SVG = "/api/v1/scrutins/3876/charts/groups.svg";
    private static final String CHART_CSV = "/api/v1/scrutins/3876/charts/groups.csv";
    private static final String CHART_PNG = "/api/v1/scrutins/3876/charts/groups.png";

    @LocalServerPort
    int port;
    @Autowired
    LiveOpenData live;

    private HttpResponse<byte[]> send(String method, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    private static byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    /** Every {@code Vary} field as one list (CORS adds its own {@code Vary: Origin…} field). */
    private static java.util.List<String> vary(HttpResponse<?> r) {
        return r.headers().allValues("Vary").stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {WHOLE_JSON, WHOLE_CSV, PAGE, CHART_SVG, CHART_CSV})
    void aClientThatDecodesGzipGetsExactlyTheIdentityBytes(String path) {
        HttpResponse<byte[]> plain = get(path);
        HttpResponse<byte[]> gzipped = get(path, "Accept-Encoding", "gzip, deflate, br");

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(header(plain, "Content-Encoding")).isNull();
        assertThat(header(gzipped, "Content-Encoding")).isEqualTo("gzip");
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
        // What is sent is what Content-Length says, and much smaller (a whole JSON list: about 1 MB → 70 KB).
        assertThat(header(gzipped, "Content-Length")).isEqualTo(Integer.toString(gzipped.body().length));
        assertThat(header(plain, "Content-Length")).isEqualTo(Integer.toString(plain.body().length));
        // A chart's CSV is a few hundred bytes: smaller gzipped, not much; the rest shrinks well.
        assertThat(gzipped.body().length).isLessThan(path.equals(CHART_CSV) ? plain.body().length
                : plain.body().length / 4);
        assertThat(header(gzipped, "Content-Type")).isEqualTo(header(plain, "Content-Type"));
        // Again: the same bytes (kept), not a second compression that might differ.
        assertThat(get(path, "Accept-Encoding", "gzip").body()).isEqualTo(gzipped.body());
    }

    @Test
    void aWholeListIsTheDeputysVotesOnceDecoded() {
        String csv = new String(gunzip(get(WHOLE_CSV, "Accept-Encoding", "gzip").body()), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("scrutin,date,type,title,outcome,position,by_proxy,non_voting_cause,group_uid,group,scrutin_url\r\n");
        assertThat(csv.split("\r\n").length - 1L).isEqualTo(Long.parseLong(header(get(WHOLE_CSV), "X-Total-Count")));
    }

    @Test
    void bothVariantsVaryByAcceptEncodingAndCarryTheirOwnEntityTag() {
        for (String path : new String[] {WHOLE_JSON, WHOLE_CSV}) {
            HttpResponse<byte[]> plain = get(path);
            HttpResponse<byte[]> gzipped = get(path, "Accept-Encoding", "gzip");

            assertThat(vary(plain)).contains("Accept", "Accept-Encoding");
            assertThat(vary(gzipped)).isEqualTo(vary(plain));
            String tag = header(plain, "ETag");
            assertThat(tag).matches("\"[0-9a-f]{20}-(json|csv)\"");
            assertThat(header(gzipped, "ETag")).isEqualTo(tag.substring(0, tag.length() - 1) + "-gzip\"");
        }
        for (String path : new String[] {CHART_SVG, CHART_CSV}) {
            HttpResponse<byte[]> plain = get(path);
            HttpResponse<byte[]> gzipped = get(path, "Accept-Encoding", "gzip");

            assertThat(vary(plain)).contains("Accept-Encoding");
            assertThat(vary(gzipped)).isEqualTo(vary(plain));
            String tag = header(plain, "ETag");
            assertThat(header(gzipped, "ETag")).isEqualTo(tag.substring(0, tag.length() - 1) + "-gzip\"");
        }
        assertThat(vary(get(CHART_SVG))).contains("Accept-Language", "Accept-Encoding");
        assertThat(vary(get(CHART_CSV))).contains("Accept-Encoding").doesNotContain("Accept-Language");
    }

    @ParameterizedTest
    @ValueSource(strings = {WHOLE_JSON, WHOLE_CSV, CHART_SVG, CHART_CSV})
    void eitherVariantsTagIsA304CarryingTheTagItMatched(String path) {
        String plainTag = header(get(path), "ETag");
        String gzipTag = header(get(path, "Accept-Encoding", "gzip"), "ETag");

        HttpResponse<byte[]> same = get(path, "Accept-Encoding", "gzip", "If-None-Match", gzipTag);
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(header(same, "ETag")).isEqualTo(gzipTag);
        HttpResponse<byte[]> other = get(path, "Accept-Encoding", "gzip", "If-None-Match", plainTag);
        assertThat(other.statusCode()).isEqualTo(304);
        assertThat(header(other, "ETag")).isEqualTo(plainTag);
        assertThat(get(path, "If-None-Match", "W/" + gzipTag).statusCode()).isEqualTo(304);
        assertThat(get(path, "Accept-Encoding", "gzip", "If-None-Match", "\"something-else\"").statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity", "gzip;q=0", "gzip;q=0.000, identity", "*;q=0", "br", "gzip;q=0.5, identity;q=1",
            "gzip;q=2", "gzip;q=abc", "gzip;;", "g zip", "\"gzip\"", ";q=1"})
    void aClientThatRefusesGzipOrSendsGarbageGetsIdentity(String acceptEncoding) {
        for (String path : new String[] {WHOLE_JSON, CHART_SVG}) {
            HttpResponse<byte[]> r = get(path, "Accept-Encoding", acceptEncoding);

            assertThat(r.statusCode()).as(acceptEncoding).isEqualTo(200);
            assertThat(header(r, "Content-Encoding")).as(acceptEncoding).isNull();
            assertThat(header(r, "ETag")).as(acceptEncoding).doesNotEndWith("-gzip\"");
            assertThat(r.body()).as(acceptEncoding).isEqualTo(get(path).body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GZIP", "x-gzip", "*", "deflate;q=1, gzip;q=0.1", "identity;q=0.5, *;q=0.8", "gzip ; Q=1.0"})
    void gzipIsServedWheneverTheClientPrefersOrAcceptsIt(String acceptEncoding) {
        HttpResponse<byte[]> r = get(WHOLE_CSV, "Accept-Encoding", acceptEncoding);

        assertThat(header(r, "Content-Encoding")).as(acceptEncoding).isEqualTo("gzip");
        assertThat(gunzip(r.body())).isEqualTo(get(WHOLE_CSV).body());
    }

    @Test
    void aPngIsNeverGzippedNorVariesByAcceptEncoding() {
        HttpResponse<byte[]> plain = get(CHART_PNG);
        HttpResponse<byte[]> asked = get(CHART_PNG, "Accept-Encoding", "gzip");

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(header(asked, "Content-Encoding")).isNull();
        assertThat(header(asked, "Content-Type")).isEqualTo("image/png");
        assertThat(asked.body()).isEqualTo(plain.body());
        assertThat(asked.body()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(header(asked, "ETag")).isEqualTo(header(plain, "ETag")).doesNotContain("gzip");
        assertThat(vary(asked)).contains("Accept-Language").doesNotContain("Accept-Encoding");
    }

    @Test
    void headTellsTheLengthOfWhatAGetWouldSendWithoutBody() {
        for (String path : new String[] {WHOLE_JSON, CHART_SVG}) {
            HttpResponse<byte[]> get = get(path, "Accept-Encoding", "gzip");
            HttpResponse<byte[]> head = send("HEAD", path, "Accept-Encoding", "gzip");

            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(header(head, "Content-Encoding")).isEqualTo("gzip");
            assertThat(header(head, "Content-Length")).isEqualTo(Integer.toString(get.body().length));
            assertThat(header(head, "ETag")).isEqualTo(header(get, "ETag"));
        }
    }

    @Test
    void aNewVersionOfTheDataIsANewTagAndItsOwnCompressedBytes() {
        HttpResponse<byte[]> before = get(WHOLE_JSON, "Accept-Encoding", "gzip");
        HttpResponse<byte[]> chartBefore = get(CHART_SVG, "Accept-Encoding", "gzip");

        // The same snapshot swapped in again: a new version of the data, as a refresh makes it.
        live.prepare(live.snapshot()).run();

        HttpResponse<byte[]> after = get(WHOLE_JSON, "Accept-Encoding", "gzip");
        assertThat(header(after, "ETag")).isNotEqualTo(header(before, "ETag")).endsWith("-gzip\"");
        assertThat(get(WHOLE_JSON, "Accept-Encoding", "gzip", "If-None-Match", header(before, "ETag")).statusCode())
                .isEqualTo(200);
        assertThat(gunzip(after.body())).isEqualTo(get(WHOLE_JSON).body());
        HttpResponse<byte[]> chartAfter = get(CHART_SVG, "Accept-Encoding", "gzip");
        assertThat(header(chartAfter, "ETag")).isNotEqualTo(header(chartBefore, "ETag"));
        assertThat(get(CHART_SVG, "Accept-Encoding", "gzip", "If-None-Match", header(chartBefore, "ETag")).statusCode())
                .isEqualTo(200);
        assertThat(gunzip(chartAfter.body())).isEqualTo(get(CHART_SVG).body());
    }

    @Test
    void theFourChartOperationsAreDocumentedAlikeWithTheirResponsesInCodeOrder() {
        JsonNode paths = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(get("/api/docs/openapi.json").body()).get("paths");
        java.util.Map<String, String> notFound = java.util.Map.of(
                "/api/v1/deputies/{uid}/charts/participation.{format}", "No such deputy in the data, or another format",
                "/api/v1/deputies/{uid}/charts/positions.{format}", "No such deputy in the data, or another format",
                "/api/v1/scrutins/{number}/charts/groups.{format}", "No such scrutin in the data, or another format",
                "/api/v1/groups/{uid}/charts/cohesion.{format}", "No such group in the data, or another format");
        JsonNode first = null;
        for (var e : notFound.entrySet()) {
            JsonNode responses = paths.get(e.getKey()).get("get").get("responses");
            assertThat(responses.propertyNames()).as(e.getKey()).containsExactly("200", "304", "400", "404", "429");
            assertThat(responses.get("404").get("description").asString()).isEqualTo(e.getValue());
            assertThat(responses.get("200").get("content").propertyNames())
                    .containsExactlyInAnyOrder("image/svg+xml", "image/png", "text/csv");
            assertThat(responses.get("429").get("headers").has("Retry-After")).isTrue();
            JsonNode shared = ((tools.jackson.databind.node.ObjectNode) responses.deepCopy()).without("404");
            if (first != null) {
                assertThat(shared).as(e.getKey()).isEqualTo(first);
            }
            first = shared;
        }
    }
}
