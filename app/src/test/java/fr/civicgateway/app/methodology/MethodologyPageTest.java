package fr.civicgateway.app.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.core.parliament.work.Provenance;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The methodology page as a citizen's browser gets it over real HTTP, without any credential: every method the code
 * defines has its anchor (a new {@link Provenance.Method} without a section in docs/journalists/methodology.md fails
 * here), and the link a record answer gives leads to its section.
 */
@GatewayTest
class MethodologyPageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageIsPublicAccessibleHtmlWithAnAnchorForEveryMethodId() throws Exception {
        HttpResponse<String> page = get("/methodology");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        String html = page.body();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">", "<meta charset=\"utf-8\">",
                "<title>Methodology: what the answers are computed from, and how — civic-gateway</title>",
                "<h1 id=\"methodology-what-the-answers-are-computed-from-and-how\">",
                "<link rel=\"canonical\" href=\"" + GatewayTest.PUBLIC_URL + "/methodology\">",
                "<table>", "<th>method id</th>");
        assertThat(Arrays.stream(Provenance.Method.values()).map(m -> m.id))
                .as("every method's anchor").allSatisfy(id -> assertThat(html).contains("id=\"" + id + "\""));
        assertThat(html).as("the document's own links to its sections still work")
                .contains("href=\"#participation-rate\"", "<h2 id=\"participation-rate\">");
        assertThat(html).as("no script is needed, and no link leads to a repository file the gateway does not serve")
                .doesNotContain("<script", "href=\"../", ".md\"");
    }

    @Test
    void thePageIsCacheableAndRevalidatedByItsETag() throws Exception {
        HttpResponse<String> first = get("/methodology");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=3600, public");

        HttpResponse<String> again = get("/methodology", "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/methodology", "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void theFrenchAddressServesTheSamePage() throws Exception {
        HttpResponse<String> french = get("/methodologie");

        assertThat(french.statusCode()).isEqualTo(200);
        assertThat(french.body()).isEqualTo(get("/methodology").body());
    }

    @Test
    void aRecordAnswersMethodLinkIsUnderThePublicUrlAndLeadsToItsSection() throws Exception {
        String answer = new ChatClient(port).read("test-" + UUID.randomUUID(),
                "Combien de fois Mathilde Panot a pris la parole en séance ?");

        assertThat(answer).contains("Méthode an-speeches-1 : " + GatewayTest.PUBLIC_URL + "/methodology#an-speeches-1");
        Matcher link = Pattern.compile(Pattern.quote(GatewayTest.PUBLIC_URL) + "(/methodology)#([a-z0-9-]+)")
                .matcher(answer);
        assertThat(link.find()).isTrue();
        // Followed on this gateway: the path is the page, the fragment one of its ids.
        HttpResponse<String> followed = get(link.group(1));
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(followed.body()).contains("<h2 id=\"interventions-in-the-chamber\"><a id=\"" + link.group(2) + "\">");
    }
}
