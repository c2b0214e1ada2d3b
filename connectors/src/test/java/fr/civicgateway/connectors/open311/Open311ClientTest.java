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
}
