package fr.civicgateway.app.instances;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.FakeTelegramBotApi;
import fr.civicgateway.app.support.PostgresServer;
import fr.civicgateway.opendata.testing.ShippedData;
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
 * answers the same on both. Telegram runs in webhook mode against a fake Bot API on both instances: an update
 * delivered to both (as Telegram may redeliver to another instance) is answered once, and a button whose payload
 * exceeds Telegram's 64 bytes, made on one instance, gives the right answer when pressed on the other.
 */
class TwoInstancesBehindALoadBalancerTest {

    static final String HAPROXY = "/usr/sbin/haproxy";
    static final String ADMIN_TOKEN = "two-instances-admin-token";
    static final String CONSULTATION = "budget-participatif";
    /** An option whose label, the button's payload, is over Telegram's 64 bytes of callback data. */
    static final String LONG_OPTION = "Une voie cyclable protégée tout le long de l'avenue, même si des places disparaissent";
    static final String WEBHOOK_SECRET = "two_instances_webhook_secret";

    static Path work;
    static String jdbcUrl;
    static String dbUser;
    static MockWebServer peer;
    static FakeTelegramBotApi botApi;
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
                  - id: priorite
                    kind: single-choice
                    text: { fr: "Votre priorité ?", en: "Your priority?" }
                    options:
                      - { id: voie, label: { fr: "%s", en: "A protected cycle lane" } }
                      - { id: rien, label: { fr: "Rien", en: "Nothing" } }
                """.formatted(LONG_OPTION));
        peer = new MockWebServer();
        peer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("[{\"service_request_id\":\"PEER-" + System.nanoTime() + "\"}]").build();
            }
        });
        peer.start();
        botApi = new FakeTelegramBotApi();
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
        if (botApi != null) {
            botApi.close();
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
                "--civic.open311.forward.poll-interval=200ms",
                "--civic.telegram.mode=webhook",
                "--civic.telegram.api-url=" + botApi.baseUrl(),
                "--civic.telegram.per-chat-interval=10ms")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("gateway-" + name + ".log").toFile());
        pb.environment().put("TELEGRAM_BOT_TOKEN", "123456:TWO-INSTANCES-token");
        pb.environment().put("TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET);
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
        assertThat(say(person, "oui").text()).startsWith("Question 1/2 : Votre note ?");
        assertThat(say(person, "4").text()).startsWith("Question 2/2 : Votre priorité ?");
        say(person, "Rien");
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

    @Test
    void aTelegramUpdateDeliveredToBothInstancesIsAnsweredOnce() throws Exception {
        long chat = 777_000_001L;
        long control = 777_000_002L;
        // What one delivery of the same message gives, in another chat.
        assertThat(deliverUntilAccepted(portA, textUpdate(500_001, control, "aide"))).isEqualTo(200);
        List<String> once = textsOf(messagesTo(control));
        assertThat(once).as("the answer to one delivery").isNotEmpty();

        String update = textUpdate(500_002, chat, "aide");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService deliveries = Executors.newFixedThreadPool(2)) {
            for (int port : List.of(portA, portB)) {
                statuses.add(deliveries.submit(() -> {
                    start.await();
                    return deliverUntilAccepted(port, update);
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).as("each instance finally confirms the update to Telegram").isEqualTo(200);
            }
        }

        assertThat(textsOf(messagesTo(chat))).as("messages sent for the update delivered to both instances")
                .isEqualTo(once);
    }

    @Test
    void aLongButtonMadeOnOneInstanceGivesTheRightAnswerWhenPressedOnTheOther() throws Exception {
        long chat = 777_000_011L;
        assertThat(deliverUntilAccepted(portA, textUpdate(500_011, chat, "Je veux participer à une consultation"))).isEqualTo(200);
        messagesTo(chat);
        assertThat(deliverUntilAccepted(portA, textUpdate(500_012, chat, "oui"))).isEqualTo(200);
        assertThat(textsOf(messagesTo(chat)).getLast()).startsWith("Question 1/2 : Votre note ?");
        assertThat(deliverUntilAccepted(portA, textUpdate(500_013, chat, "4"))).isEqualTo(200);
        JsonNode question = messagesTo(chat).getLast();
        assertThat(question.path("text").asString()).startsWith("Question 2/2 : Votre priorité ?");
        String data = null;
        for (JsonNode row : question.path("reply_markup").path("inline_keyboard")) {
            if (row.get(0).get("text").asString().equals(LONG_OPTION)) {
                data = row.get(0).get("callback_data").asString();
            }
        }
        assertThat(data).as("the long option's button, its payload kept in the shared database")
                .isNotNull().startsWith("t:");

        assertThat(deliverUntilAccepted(portB, """
                {"update_id": 500014, "callback_query": {"id": "cb-500014", "chat_instance": "ci",
                  "from": {"id": %d, "is_bot": false, "first_name": "Camille", "language_code": "fr"},
                  "message": {"message_id": 7, "date": 1700000000, "chat": {"id": %d, "type": "private"}, "text": "…"},
                  "data": "%s"}}""".formatted(chat, chat, data))).isEqualTo(200);

        String pressed = textsOf(messagesTo(chat)).getLast();
        assertThat(pressed).as("the other instance reads the button and records the long option")
                .contains("2. Votre priorité ? → " + LONG_OPTION)
                .doesNotContain("Ce bouton n'est plus valable");
    }

    private static String textUpdate(long updateId, long chat, String text) {
        return """
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000, "chat": {"id": %d, "type": "private"},
                  "from": {"id": %d, "is_bot": false, "first_name": "Camille", "language_code": "fr"}, "text": "%s"}}"""
                .formatted(updateId, updateId, chat, chat, text);
    }

    /** Posts an update to one instance's webhook as Telegram does: again after a 503, until it is confirmed. */
    private static int deliverUntilAccepted(int port, String update) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            int status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                            .header("Content-Type", "application/json")
                            .header("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET)
                            .POST(HttpRequest.BodyPublishers.ofString(update)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 503 || System.nanoTime() > deadline) {
                return status;
            }
            Thread.sleep(500); // Telegram's redelivery comes later; the other instance holds the update meanwhile
        }
    }

    /** The sendMessage calls to one chat, gathered until the Bot API has been quiet for three seconds. */
    private static List<JsonNode> messagesTo(long chat) throws InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            FakeTelegramBotApi.Call call = botApi.poll(out.isEmpty() ? Duration.ofSeconds(30) : Duration.ofSeconds(3));
            if (call == null) {
                break;
            }
            if (call.method().equals("sendmessage") && call.body().path("chat_id").asString("").equals(String.valueOf(chat))) {
                out.add(call.body());
            }
        }
        assertThat(out).as("messages to chat " + chat).isNotEmpty();
        return out;
    }

    private static List<String> textsOf(List<JsonNode> messages) {
        return messages.stream().map(m -> m.path("text").asString()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
