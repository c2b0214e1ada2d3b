package fr.civicgateway.connectors.open311;

import fr.civicgateway.core.reports.InMemoryReportStore;
import fr.civicgateway.core.reports.NewReport;
import fr.civicgateway.core.reports.Report;
import fr.civicgateway.core.reports.ReportLocation;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
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

    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

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
        Open311Forwarding outbox = new Open311Forwarding(store, client, clock, BACKOFF, 50,
                Map.of("voirie-nid-de-poule", "POTHOLE"));

        assertThat(outbox.forwardDue()).isZero();
        assertThat(waiting()).containsExactly(report.id());

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
        assertThat(waiting()).containsExactly(report.id());
        clock.advance(Duration.ofSeconds(119));
        assertThat(outbox.forwardDue()).as("back-off doubled to 120 s").isZero();
        assertThat(server.getRequestCount()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.forwardDue()).isEqualTo(1);
        assertThat(store.find(report.id()).orElseThrow().externalId()).isEqualTo("FMS-981");
        assertThat(store.undelivered(10)).isEmpty();
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

    List<Long> waiting() {
        return store.undelivered(100).stream().filter(f -> !f.refused()).map(f -> f.report().id()).toList();
    }

    static Report pothole(InMemoryReportStore store, String description, Instant at) {
        return store.submit(new NewReport("voirie-nid-de-poule", description, new ReportLocation(45.8992, 6.1294, null, "74010"),
                null, null, "web", "web:c-" + description.hashCode()), at);
    }

    Open311Client client() throws Exception {
        server = new MockWebServer();
        server.start();
        return new Open311Client(http, server.url("/v2/"), null, null);
    }

    @Test
    void sixtyReportsThatKeepFailingDoNotHoldUpANewerOne() throws Exception {
        Open311Client client = client();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getBody().utf8().contains("description=broken")
                        ? new MockResponse.Builder().code(503).body("[{\"code\":503,\"description\":\"Maintenance\"}]").build()
                        : new MockResponse.Builder().code(200).body("[{\"service_request_id\":\"FMS-1\"}]").build();
            }
        });
        for (int i = 0; i < 60; i++) {
            pothole(store, "broken " + i, clock.instant());
        }
        clock.advance(Duration.ofMinutes(1));
        Report newer = pothole(store, "a good one", clock.instant());
        Open311Forwarding outbox = new Open311Forwarding(store, client, clock, BACKOFF, 50, Map.of());

        outbox.forwardDue();
        outbox.forwardDue();

        assertThat(store.find(newer.id()).orElseThrow().externalId()).isEqualTo("FMS-1");
        assertThat(waiting()).hasSize(60).doesNotContain(newer.id());
        assertThat(server.getRequestCount()).as("each failing report tried once, the good one once").isEqualTo(61);
    }

    @Test
    void aReportTheEndpointRefusesIsNotRetriedAndItsReasonIsKept() throws Exception {
        Open311Client client = client();
        server.enqueue(new MockResponse.Builder().code(400)
                .body("[{\"code\":400,\"description\":\"service_code POTHOLE is not a known service\"}]").build());
        Report refused = pothole(store, "un trou", clock.instant());
        Open311Forwarding outbox = new Open311Forwarding(store, client, clock, BACKOFF, 50, Map.of());

        assertThat(outbox.forwardDue()).isZero();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofHours(2));
            outbox.forwardDue();
        }

        assertThat(server.getRequestCount()).as("sent once, never again").isEqualTo(1);
        assertThat(store.undelivered(10)).singleElement().satisfies(f -> {
            assertThat(f.report().id()).isEqualTo(refused.id());
            assertThat(f.refused()).isTrue();
            assertThat(f.attempts()).isEqualTo(1);
            assertThat(f.refusedReason()).isEqualTo("refused by the municipality's endpoint: HTTP 400 service_code POTHOLE "
                    + "is not a known service");
        });
    }

    @Test
    void aReportThatGot503WaitsItsBackOffEvenAfterARestart() throws Exception {
        Open311Client client = client();
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).body("[{\"service_request_id\":\"FMS-7\"}]").build());
        Report report = pothole(store, "un trou", clock.instant());

        new Open311Forwarding(store, client, clock, BACKOFF, 50, Map.of()).forwardDue();
        // A restart: a new forwarding over the same store knows nothing but what the store holds.
        Open311Forwarding restarted = new Open311Forwarding(store, client, clock, BACKOFF, 50, Map.of());
        restarted.forwardDue();
        clock.advance(Duration.ofSeconds(29));
        restarted.forwardDue();
        assertThat(server.getRequestCount()).as("not before 30 s").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        restarted.forwardDue();
        assertThat(server.getRequestCount()).isEqualTo(2);
        Open311Forwarding again = new Open311Forwarding(store, client, clock, BACKOFF, 50, Map.of());
        clock.advance(Duration.ofSeconds(59));
        again.forwardDue();
        assertThat(server.getRequestCount()).as("doubled to 60 s").isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(again.forwardDue()).isEqualTo(1);
        assertThat(store.find(report.id()).orElseThrow().externalId()).isEqualTo("FMS-7");
    }
}
