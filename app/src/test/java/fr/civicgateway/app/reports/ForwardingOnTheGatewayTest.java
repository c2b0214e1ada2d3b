package fr.civicgateway.app.reports;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.core.reports.Report;
import fr.civicgateway.core.reports.ReportStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** With forwarding switched on, a report taken in the chat reaches the municipality's Open311 endpoint. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "civic.open311.forward.enabled=true",
        "civic.open311.forward.jurisdiction-id=annecy.fr",
        "civic.open311.forward.poll-interval=200ms",
        "civic.open311.forward.service-codes.eclairage-public=STREETLIGHT",
        "CIVIC_OPEN311_FORWARD_API_KEY=peer-key",
        "CIVIC_ADMIN_TOKEN=test-admin-token"})
class ForwardingOnTheGatewayTest {

    static final MockWebServer PEER = new MockWebServer();

    static {
        try {
            PEER.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("civic.open311.forward.endpoint", () -> PEER.url("/open311/v2/").toString());
    }

    @AfterAll
    static void stop() {
        PEER.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    ReportStore store;

    @Test
    void aChatReportIsForwardedWithTheKeyAndThePeersIdIsRecorded() throws Exception {
        PEER.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("[{\"service_request_id\":\"FMS-1234\"}]").build());
        ChatClient chat = new ChatClient(port);
        for (String text : new String[] {"un lampadaire est en panne", "oui", "Place de la Mairie, Annecy",
                "Le lampadaire ne s'allume plus le soir", "non"}) {
            chat.say("forward-1", text);
        }
        String done = chat.say("forward-1", "oui").getLast().text();
        long id = Long.parseLong(done.replaceAll("^Merci, votre signalement n° (\\d+) .*$", "$1"));

        RecordedRequest posted = PEER.takeRequest(10, TimeUnit.SECONDS);
        assertThat(posted).isNotNull();
        assertThat(posted.getUrl().encodedPath()).isEqualTo("/open311/v2/requests.json");
        assertThat(posted.getBody().utf8()).startsWith("jurisdiction_id=annecy.fr&api_key=peer-key&service_code=STREETLIGHT"
                + "&address_string=Place+de+la+Mairie%2C+Annecy&description=Le+lampadaire");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        Report stored = store.find(id).orElseThrow();
        while (stored.externalId() == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(50); // the forwarding thread records the id just after the answer
            stored = store.find(id).orElseThrow();
        }
        assertThat(stored.externalId()).isEqualTo("FMS-1234");
    }

    @Test
    void aReportTheEndpointRefusesIsSentOnceAndShownRefusedWithItsReasonInTheAdminApi() throws Exception {
        PEER.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                .body("[{\"code\":400,\"description\":\"service_code STREETLIGHT is not a known service\"}]").build());
        ChatClient chat = new ChatClient(port);
        for (String text : new String[] {"un lampadaire est en panne", "oui", "Place de la Mairie, Annecy",
                "Le lampadaire ne s'allume plus", "non"}) {
            chat.say("forward-2", text);
        }
        String done = chat.say("forward-2", "oui").getLast().text();
        long id = Long.parseLong(done.replaceAll("^Merci, votre signalement n° (\\d+) .*$", "$1"));
        assertThat(PEER.takeRequest(10, TimeUnit.SECONDS)).isNotNull();

        HttpClient http = HttpClient.newHttpClient();
        HttpRequest list = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/admin/reports/forwarding"))
                .header("Authorization", "Bearer test-admin-token").build();
        JsonNode refused = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (refused == null && Instant.now().isBefore(deadline)) {
            for (JsonNode r : ChatClient.json(http.send(list, HttpResponse.BodyHandlers.ofString()).body()).get("refused")) {
                if (r.get("id").asLong() == id) {
                    refused = r;
                }
            }
            if (refused == null) {
                Thread.sleep(50); // the forwarding thread records the refusal just after the answer
            }
        }
        assertThat(refused).as("report " + id + " in the refused list").isNotNull();
        assertThat(refused.get("serviceCode").asString()).isEqualTo("eclairage-public");
        assertThat(refused.get("attempts").asInt()).isEqualTo(1);
        assertThat(refused.get("reason").asString()).isEqualTo("refused by the municipality's endpoint: HTTP 400 "
                + "service_code STREETLIGHT is not a known service");
        assertThat(http.send(HttpRequest.newBuilder(list.uri()).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("without the token").isEqualTo(401);
    }
}
