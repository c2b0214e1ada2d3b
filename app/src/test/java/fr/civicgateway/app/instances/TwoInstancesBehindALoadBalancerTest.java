package fr.civicgateway.app.instances;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.PostgresServer;
import fr.civicgateway.app.support.ShippedData;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway processes on one PostgreSQL behind a real HAProxy (Debian's {@code haproxy}), round-robin, no sticky
 * sessions: each request of a client may land on either instance, as in production. A conversation keeps its context
 * while its messages alternate between the instances, a double-submitted report is stored once and forwarded once to
 * the municipality's endpoint (a MockWebServer), a consultation is answered once per person, and the admin API
 * answers the same on both. (Telegram's webhook and buttons across instances are the Telegram connector's tests.)
 */
class TwoInstancesBehindALoadBalancerTest {

    static final String HAPROXY = "/usr/sbin/haproxy";
    static final String ADMIN_TOKEN = "two-instances-admin-token";
    static final String CONSULTATION = "budget-participatif";

    static Path work;
    static String jdbcUrl;
    static String dbUser;
    static MockWebServer peer;
    static final List<Process> processes = new ArrayList<>();
    static int portA;
    static int portB;
    static int balancer;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startEverything() throws Exception {
        if (!Files.isExecutable(Path.of(HAPROXY))) {
            String failure = "HAProxy is not installed (" + HAPROXY + "; Debian package haproxy)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(failure + " (CI=true: the two-instance test must run)");
            }
            Assumptions.abort(failure);
        }
        PostgresServer postgres = PostgresServer.shared();
        jdbcUrl = postgres.createDatabase();
        dbUser = postgres.username();
        work = Files.createTempDirectory("civic-two-instances-");
        Files.writeString(work.resolve(CONSULTATION + ".yml"), """
                id: budget-participatif
                title: { fr: Le budget participatif, en: The participatory budget }
                description: { fr: Votre avis sur le budget., en: Your opinion on the budget. }
                opens: 2026-01-01
                closes: 2099-12-31
                questions:
                  - { id: note, kind: scale, text: { fr: "Votre note ?", en: "Your rating?" }, low: { fr: mauvais }, high: { fr: excellent } }
                """);
        peer = new MockWebServer();
        peer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("[{\"service_request_id\":\"PEER-" + System.nanoTime() + "\"}]").build();
            }
        });
        peer.start();
        portA = freePort();
        portB = freePort();
        balancer = freePort();
        // The first instance migrates the fresh database alone; the second starts once it is up.
        Process a = startGateway("a", portA);
        awaitUp(portA, a);
        Process b = startGateway("b", portB);
        awaitUp(portB, b);
        Files.writeString(work.resolve("haproxy.cfg"), """
                global
                    maxconn 256
                defaults
                    mode http
                    timeout connect 5s
                    timeout client 60s
                    timeout server 60s
                frontend chat
                    bind 127.0.0.1:%d
                    default_backend gateways
                backend gateways
                    balance roundrobin
                    http-response set-header X-Served-By %%[srv_name]
                    server a 127.0.0.1:%d
                    server b 127.0.0.1:%d
                """.formatted(balancer, portA, portB));
        processes.add(new ProcessBuilder(HAPROXY, "-db", "-f", work.resolve("haproxy.cfg").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("haproxy.log").toFile()).start());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                if (get(balancer, "/api/v1/ping").statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("HAProxy listening").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (peer != null) {
            peer.close();
        }
    }

    private static Process startGateway(String name, int port) throws IOException {
        Path root = ShippedData.repositoryRoot();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                "fr.civicgateway.app.CivicGatewayApplication",
                "--server.port=" + port,
                "--civic.data.directory=" + root.resolve("data"),
                "--civic.consultations.directory=" + work,
                "--civic.open311.forward.enabled=true",
                "--civic.open311.forward.endpoint=" + peer.url("/open311/v2/"),
                "--civic.open311.forward.poll-interval=200ms")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("gateway-" + name + ".log").toFile());
        pb.environment().remove("TELEGRAM_BOT_TOKEN");
        pb.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
        pb.environment().put("SPRING_DATASOURCE_USERNAME", dbUser);
        pb.environment().put("SPRING_DATASOURCE_PASSWORD", "");
        pb.environment().put("CIVIC_PSEUDONYM_SECRET", "the same key on both instances, 16+ bytes");
        pb.environment().put("CIVIC_ADMIN_TOKEN", ADMIN_TOKEN);
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static void awaitUp(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the gateway process on port " + port + " is running").isTrue();
            try {
                if (get(port, "/api/v1/ping").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the gateway on port " + port + " did not start within 4 minutes");
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (path.startsWith("/api/v1/admin/")) {
            b.header("Authorization", "Bearer " + ADMIN_TOKEN);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One message through the load balancer: the instance that answered, and the bot's last reply. */
    record Answer(String instance, String text) {
    }

    private static Answer say(String conversation, String text) throws IOException, InterruptedException {
        String body = "{\"conversationId\":\"" + conversation + "\",\"text\":\"" + text.replace("\"", "\\\"") + "\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + balancer + "/api/v1/chat"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode messages = ChatClient.json(r.body()).get("messages");
        return new Answer(r.headers().firstValue("X-Served-By").orElse("?"), messages.get(messages.size() - 1).get("text").asString());
    }

    private static List<Answer> allAtOnce(String conversation, String text, int times) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(times)) {
            for (int i = 0; i < times; i++) {
                futures.add(senders.submit(() -> {
                    start.await();
                    return say(conversation, text);
                }));
            }
            start.countDown();
            List<Answer> out = new ArrayList<>();
            for (Future<Answer> f : futures) {
                out.add(f.get());
            }
            return out;
        }
    }

    private static long count(String sql, Object... params) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, "");
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aReportTakenAcrossBothInstancesKeepsItsContextAndIsStoredAndForwardedOnceWhenDoubleSubmitted() throws Exception {
        String conversation = "two-instances-report";
        List<Answer> steps = new ArrayList<>();
        for (String text : List.of("Je veux signaler un problème", "Nid-de-poule ou chaussée abîmée",
                "12 rue Carnot, Annecy", "Un trou profond devant le numéro 12", "non")) {
            steps.add(say(conversation, text));
        }
        List<String> served = steps.stream().map(Answer::instance).toList();
        String first = served.getFirst();
        String second = first.equals("a") ? "b" : "a";
        assertThat(served).as("round-robin: the messages alternate between the instances")
                .containsExactly(first, second, first, second, first);
        assertThat(steps.getLast().text()).as("the summary, written from the context both instances built")
                .contains("• Type : Nid-de-poule ou chaussée abîmée")
                .contains("• Lieu : 12 rue Carnot, Annecy (Annecy)")
                .contains("• Description : Un trou profond devant le numéro 12")
                .endsWith("Confirmez-vous l'envoi ?");

        List<Answer> confirmations = allAtOnce(conversation, "oui", 2);

        assertThat(confirmations).extracting(Answer::instance).containsExactlyInAnyOrder("a", "b");
        assertThat(confirmations).filteredOn(a -> a.text().startsWith("Merci, votre signalement n° ")).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM report WHERE conversation_key = ?", "web:" + conversation))
                .as("reports stored").isEqualTo(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (count("SELECT COUNT(*) FROM report WHERE conversation_key = ? AND external_id IS NOT NULL",
                "web:" + conversation) == 0) {
            assertThat(System.nanoTime()).as("the report forwarded within 20 s").isLessThan(deadline);
            Thread.sleep(100); // both instances' forwarding threads poll every 200 ms
        }
        // Delivered and recorded: it has left the outbox, so no instance can send it again.
        assertThat(peer.getRequestCount()).as("posts to the municipality's endpoint").isEqualTo(1);
    }

    @Test
    void aConsultationIsAnsweredOncePerPersonAndTheAdminApiAnswersTheSameOnBothInstances() throws Exception {
        String person = "two-instances-consultation";
        assertThat(say(person, "Je veux participer à une consultation").text()).contains("Le budget participatif");
        assertThat(say(person, "oui").text()).startsWith("Question 1/1 : Votre note ?");
        say(person, "4");
        assertThat(say(person, "envoyer").text()).startsWith("Merci, votre réponse est enregistrée.");

        say(person, "Je veux participer à une consultation");
        assertThat(say(person, "oui").text()).startsWith("Vous avez déjà répondu à la consultation « Le budget participatif »");
        assertThat(count("SELECT COUNT(*) FROM consultation_submission WHERE consultation_id = ?", CONSULTATION)).isEqualTo(1);

        for (String path : List.of("/api/v1/admin/consultations/" + CONSULTATION + "/results", "/api/v1/admin/reports/forwarding",
                "/api/v1/admin/consultations")) {
            HttpResponse<String> onA = get(portA, path);
            HttpResponse<String> onB = get(portB, path);
            assertThat(onA.statusCode()).as(path).isEqualTo(200);
            assertThat(onB.statusCode()).as(path).isEqualTo(200);
            assertThat(ChatClient.json(onB.body())).as(path + " on both instances").isEqualTo(ChatClient.json(onA.body()));
        }
        assertThat(ChatClient.json(get(portA, "/api/v1/admin/consultations/" + CONSULTATION + "/results").body())
                .get("submissions").asInt()).isEqualTo(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
