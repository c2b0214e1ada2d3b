package fr.civicgateway.app.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The widget's script and stylesheet as every page of a town's site fetches them: compressed, under 30 KB together,
 * cacheable and revalidated by their ETag with a 304 and no body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "civic.data.directory=${civic.repository-root}/data")
class WidgetAssetsTest {

    static final int BUDGET_BYTES = 30 * 1024;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theScriptAndTheStylesheetTravelCompressedUnder30KilobytesTogether() throws Exception {
        long total = 0;
        for (String asset : new String[] {"/widget.js", "/widget.css"}) {
            HttpResponse<byte[]> r = get(asset, "gzip, deflate, br", null);
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Encoding")).as(asset).hasValue("gzip");
            // What was served is the file itself once unzipped.
            assertThat(gunzip(r.body())).as(asset).isEqualTo(classpath("static" + asset));
            total += r.body().length;
        }
        assertThat(total).as("compressed bytes of widget.js + widget.css").isPositive().isLessThanOrEqualTo(BUDGET_BYTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/widget.js", "/widget.css"})
    void eachIsCacheableAndAnUnchangedCopyIsConfirmedWithA304WithoutBody(String asset) throws Exception {
        HttpResponse<byte[]> first = get(asset, "gzip", null);
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("max-age=3600").contains("public");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = get(asset, "gzip", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get(asset, "gzip", "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity", "gzip;q=0, identity", "br"})
    void aClientThatAcceptsNoGzipGetsThePlainFile(String acceptEncoding) throws Exception {
        HttpResponse<byte[]> r = get("/widget.js", acceptEncoding, null);
        assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(r.headers().firstValue("Vary").orElse("")).contains("Accept-Encoding");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(r.body()).isEqualTo(classpath("static/widget.js"));
    }

    HttpResponse<byte[]> get(String path, String acceptEncoding, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    static byte[] classpath(String name) throws IOException {
        try (InputStream in = WidgetAssetsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
