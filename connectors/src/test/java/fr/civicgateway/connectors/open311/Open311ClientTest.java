package fr.civicgateway.connectors.open311;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Open311 client reads a real peer's service list: the City of Bloomington's, as it answered. */
class Open311ClientTest {

    final MockWebServer server = new MockWebServer();
    final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        http.dispatcher().executorService().shutdown();
    }

    static String bloomington() throws IOException {
        try (InputStream in = Open311ClientTest.class.getResourceAsStream("/open311/bloomington_services.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheBloomingtonServiceListAsThePeerServesIt() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(bloomington()).build());
        Open311Client client = new Open311Client(http, server.url("/crm/open311/v2/"), "bloomington.in.gov", null);

        List<Open311Client.Service> services = client.services();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/crm/open311/v2/services.json");
        assertThat(request.getUrl().queryParameter("jurisdiction_id")).isEqualTo("bloomington.in.gov");
        assertThat(services).hasSize(46);
        assertThat(services.getFirst()).isEqualTo(new Open311Client.Service("4e09c863992b94b915000000",
                "City Performance", "Report issues or concerns about the City of Bloomington's performance in serving "
                + "the public.", false, "realtime", List.of(), "Most Popular"));
        assertThat(services.get(1).name()).isEqualTo("Graffiti");
        assertThat(services.get(1).metadata()).isTrue();
        assertThat(services).filteredOn(Open311Client.Service::metadata).hasSize(11);
        assertThat(services).extracting(Open311Client.Service::group).containsOnly("Cleanup & Sanitation", "Hazards",
                "Miscellaneous", "Most Popular", "Parks & Recreation", "Streets, Parking & Traffic", "Water & Sewage Utility");
    }

    @Test
    void saysWhatThePeerAnsweredWhenItRefuses() {
        server.enqueue(new MockResponse.Builder().code(403).body("[{\"code\":403,\"description\":\"Invalid api_key\"}]").build());
        Open311Client client = new Open311Client(http, server.url("/v2/"), null, null);

        assertThatThrownBy(client::services).isInstanceOf(Open311Client.Open311ClientException.class)
                .hasMessage("HTTP 403 Invalid api_key");
    }

    private static fr.civicgateway.core.reports.Report withPhoto(String photoReference) {
        java.time.Instant t = java.time.Instant.parse("2026-12-07T10:00:00Z");
        return new fr.civicgateway.core.reports.Report(7, "eclairage", "Lampadaire éteint",
                new fr.civicgateway.core.reports.ReportLocation(45.8992, 6.1294, null, null), photoReference, null,
                fr.civicgateway.core.reports.ReportStatus.OPEN, null, t, t, "web", "web:c1", null);
    }

    private String postedForm(Open311Client client, fr.civicgateway.core.reports.Report r) throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).body("[{\"service_request_id\":\"88\"}]").build());
        assertThat(client.post(r, "LIGHT")).isEqualTo("88");
        RecordedRequest request = server.takeRequest();
        return request.getBody().utf8();
    }

    @Test
    void forwardsAWebPhotoAsItsHttpsAddressUnderThePublicUrl() throws Exception {
        String id = "A".repeat(43);
        Open311Client https = new Open311Client(http, server.url("/v2/"), null, null, "https://civic.example.org");
        Open311Client plain = new Open311Client(http, server.url("/v2/"), null, null, "http://localhost:8080");

        assertThat(postedForm(https, withPhoto("attachment:" + id)))
                .contains("media_url=https%3A%2F%2Fcivic.example.org%2Fapi%2Fv1%2Fattachments%2F" + id);
        // A peer cannot fetch what is not https from outside, nor a Telegram file id.
        assertThat(postedForm(plain, withPhoto("attachment:" + id))).doesNotContain("media_url");
        assertThat(postedForm(https, withPhoto("AgADBAADq6cxG"))).doesNotContain("media_url");
    }
}
