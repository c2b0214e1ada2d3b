package fr.civicgateway.app.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Embedding on another site: the sites listed in {@code civic.web.allowed-origins} may call the chat API from their
 * pages, other sites may not, and nothing but the chat and NLU APIs opens to any site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "civic.web.allowed-origins=https://www.annecy.fr"})
class WidgetCorsTest {

    static final String ALLOWED = "https://www.annecy.fr";
    static final String OTHER = "https://evil.example";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAllowedSitesPreflightIsAcceptedForPostWithJson() throws Exception {
        HttpResponse<String> r = preflight("/api/v1/chat", ALLOWED);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase()).contains("content-type");
        assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void anAllowedSiteReadsTheAnswerAndTheRetryAfterHeader() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/chat"))
                .header("Origin", ALLOWED).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"conversationId\":\"cors-1\",\"text\":\"Résultat du scrutin 3876\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("rejeté");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(r.headers().firstValue("Access-Control-Expose-Headers")).hasValue("Retry-After");
    }

    @Test
    void anotherSiteIsRefused() throws Exception {
        HttpResponse<String> r = preflight("/api/v1/chat", OTHER);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void nothingButTheChatAndNluApisOpensToOtherSites() throws Exception {
        assertThat(preflight("/api/v1/nlu/parse", ALLOWED).headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(ALLOWED);
        for (String path : new String[] {"/actuator/health", "/api/v1/ping", "/widget.js"}) {
            assertThat(preflight(path, ALLOWED).headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
        }
    }

    HttpResponse<String> preflight(String path, String origin) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
