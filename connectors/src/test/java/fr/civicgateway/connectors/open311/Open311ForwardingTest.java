package fr.civicgateway.connectors.open311;

import fr.civicgateway.core.reports.InMemoryReportStore;
import fr.civicgateway.core.reports.NewReport;
import fr.civicgateway.core.reports.Report;
import fr.civicgateway.core.reports.ReportLocation;
import fr.civicgateway.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox against a municipality's endpoint that is down, then slow, then failing, then up: the report is kept
 * throughout, retried with a doubling back-off, delivered once the peer accepts it, and the peer's id recorded.
 */
class Open311ForwardingTest {

    final TestClock clock = new TestClock(Instant.parse("2026-11-24T08:00:00Z"));
    final InMemoryReportStore store = new InMemoryReportStore();
    final OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofMillis(500))
            .readTimeout(Duration.ofMillis(500)).writeTimeout(Duration.ofMillis(500)).build();
    MockWebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void keepsTheReportWhileThePeerIsDownSlowOrFailingAndDeliversItOnceItIsUp() throws Exception {
        Report report = store.submit(new NewReport("voirie-nid-de-poule", "Un trou profond devant l'école",
                new ReportLocation(45.8992, 6.1294, null, "74010"), "AgADBAADq6cxG", "marie@example.org", "web", "web:c1"),
                clock.instant());
        store.submit(new NewReport("graffiti", "posted by the town's own tool", new ReportLocation(null, null, "Mairie", null),
                null, null, "open311", null), clock.instant());
        // Down: nothing listens on the port.
        MockWebServer probe = new MockWebServer();
        probe.start();
        int port = probe.getPort();
        probe.close();
        Open311Client client = new Open311Client(http, HttpUrl.get("http://localhost:" + port + "/v2/"), "annecy.fr",
                "peer-key");
        Open311Forwarding outbox = new Open311Forwarding(store, client, clock, Duration.ofSeconds(30),
                Duration.ofHours(1), 50, Map.of("voirie-nid-de-poule", "POTHOLE"));

        assertThat(outbox.forwardDue()).isZero();
        assertThat(store.awaitingForward(10)).extracting(Report::id).containsExactly(report.id());

        server = new MockWebServer();
        server.start(port);
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS)
                .body("[{\"service_request_id\":\"TOO-LATE\"}]").build());
        server.enqueue(new MockResponse.Builder().code(500).body("[{\"code\":500,\"description\":\"Database down\"}]").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("[{\"service_request_id\":\"FMS-981\",\"service_notice\":null}]").build());

        clock.advance(Duration.ofSeconds(29));
        assertThat(outbox.forwardDue()).as("still backing off after the first failure").isZero();
        assertThat(server.getRequestCount()).isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.forwardDue()).as("slow: timed out").isZero();
        clock.advance(Duration.ofSeconds(60));
        assertThat(outbox.forwardDue()).as("500").isZero();
        assertThat(store.awaitingForward(10)).extracting(Report::id).containsExactly(report.id());
        clock.advance(Duration.ofSeconds(119));
        assertThat(outbox.forwardDue()).as("back-off doubled to 120 s").isZero();
        assertThat(server.getRequestCount()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.forwardDue()).isEqualTo(1);
        assertThat(store.find(report.id()).orElseThrow().externalId()).isEqualTo("FMS-981");
        assertThat(store.awaitingForward(10)).isEmpty();
        clock.advance(Duration.ofHours(2));
        assertThat(outbox.forwardDue()).isZero();
        assertThat(server.getRequestCount()).isEqualTo(3);

        server.takeRequest();
        server.takeRequest();
        RecordedRequest delivered = server.takeRequest();
        assertThat(delivered.getMethod()).isEqualTo("POST");
        assertThat(delivered.getUrl().encodedPath()).isEqualTo("/v2/requests.json");
        assertThat(delivered.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(delivered.getBody().utf8()).isEqualTo("jurisdiction_id=annecy.fr&api_key=peer-key"
                + "&service_code=POTHOLE&lat=45.8992&long=6.1294"
                + "&description=Un+trou+profond+devant+l%27%C3%A9cole&email=marie%40example.org");
    }

    @Test
    void theBackOffDoublesUpToItsMaximum() {
        Open311Forwarding outbox = new Open311Forwarding(store, null, clock, Duration.ofSeconds(30), Duration.ofMinutes(5),
                50, Map.of());
        assertThat(outbox.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(outbox.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(outbox.backoff(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(outbox.backoff(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(outbox.backoff(60)).isEqualTo(Duration.ofMinutes(5));
    }

}
