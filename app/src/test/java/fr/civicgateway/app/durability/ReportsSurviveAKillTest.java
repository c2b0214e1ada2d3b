package fr.civicgateway.app.durability;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway is killed ({@code kill -9}: SIGKILL, no shutdown hook) while citizens are submitting reports through
 * the chat; after a restart on the same database, every report the chat acknowledged is there, and none twice.
 * The gateway runs as a separate JVM from the repository root, with the operator's configuration, on a fresh H2
 * file database. The figures (reports acknowledged per second before the kill) are printed for BENCHMARKS.md.
 */
class ReportsSurviveAKillTest {

    private static final int CITIZENS = 8;
    private static final Pattern ACKNOWLEDGED = Pattern.compile("^Merci, votre signalement n° (\\d+) est enregistré");

    @Test
    void everyAcknowledgedReportIsThereAfterAKillAndNoneTwice() throws Exception {
        Path database = Files.createTempDirectory("civic-kill9-");
        int port = freePort();
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        long elapsedNanos;

        Process gateway = start(port, database);
        ExecutorService citizens = Executors.newFixedThreadPool(CITIZENS);
        try {
            ChatClient chat = awaitUp(port, gateway);
            long started = System.nanoTime();
            for (int i = 0; i < CITIZENS; i++) {
                citizens.submit(() -> {
                    while (!killed.get()) {
                        try {
                            submitOne(chat, acknowledged);
                        } catch (RuntimeException e) {
                            return; // the gateway died under this citizen: expected once it is killed
                        }
                    }
                });
            }
            // Kill while reports are in flight: after enough were acknowledged to mean something, or 30 s at most.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acknowledged.size() < 60 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            gateway.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
            killed.set(true);
            gateway.waitFor(30, TimeUnit.SECONDS);
            elapsedNanos = System.nanoTime() - started;
        } finally {
            citizens.shutdownNow();
            citizens.awaitTermination(30, TimeUnit.SECONDS);
            gateway.destroyForcibly();
        }
        Map<Long, String> seen = Map.copyOf(acknowledged);
        assertThat(seen).as("reports acknowledged before the kill").isNotEmpty();

        Process restarted = start(port, database);
        try {
            ChatClient client = awaitUp(port, restarted);
            int missing = 0;
            for (Map.Entry<Long, String> report : seen.entrySet()) {
                HttpResponse<String> r = client.get("/open311/v2/requests/" + report.getKey() + ".json");
                if (r.statusCode() != 200 || !r.body().contains(report.getValue())) {
                    missing++;
                }
            }
            Map<String, Integer> copies = new HashMap<>();
            JsonNode all = ChatClient.json(client.get("/open311/v2/requests.json?status=open").body());
            for (JsonNode request : all) {
                String description = request.path("description").asString("");
                if (description.startsWith("durability ")) {
                    copies.merge(description, 1, Integer::sum);
                }
            }
            List<String> twice = new ArrayList<>();
            copies.forEach((d, n) -> {
                if (n > 1) {
                    twice.add(d);
                }
            });
            double seconds = elapsedNanos / 1e9;
            System.out.printf("kill -9 durability: %d reports acknowledged by %d concurrent citizens in %.1f s before the "
                            + "kill (%.1f reports/s, 6 chat messages each); after restart: %d found, %d missing, %d duplicated, "
                            + "%d stored in all%n", seen.size(), CITIZENS, seconds, seen.size() / seconds,
                    seen.size() - missing, missing, twice.size(), copies.size());
            assertThat(missing).as("acknowledged reports missing after the restart").isZero();
            assertThat(twice).as("reports stored twice").isEmpty();
        } finally {
            restarted.destroy();
            restarted.waitFor(30, TimeUnit.SECONDS);
            restarted.destroyForcibly();
        }
    }

    /** One citizen reports one pothole, through the whole chat flow; an acknowledged report is recorded. */
    private static void submitOne(ChatClient chat, Map<Long, String> acknowledged) {
        String conversation = "kill9-" + UUID.randomUUID();
        String description = "durability " + UUID.randomUUID();
        List<BotMessage> first = chat.say(conversation, "Je veux signaler un problème");
        chat.say(conversation, first.getLast().payloadOf("Nid-de-poule ou chaussée abîmée"));
        chat.say(conversation, "12 rue Carnot, Annecy");
        chat.say(conversation, description);
        List<BotMessage> summary = chat.say(conversation, "non");
        String done = chat.say(conversation, summary.getLast().payloadOf("Envoyer")).getLast().text();
        Matcher m = ACKNOWLEDGED.matcher(done);
        if (m.find()) {
            acknowledged.put(Long.parseLong(m.group(1)), description);
        }
    }

    private static Process start(int port, Path database) throws IOException {
        Path root = ShippedData.repositoryRoot();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "fr.civicgateway.app.CivicGatewayApplication",
                "--server.port=" + port,
                "--civic.data.directory=" + root.resolve("data"),
                "--civic.storage.directory=" + database)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(database.resolve("gateway-" + System.nanoTime() + ".log").toFile());
        pb.environment().remove("TELEGRAM_BOT_TOKEN");
        return pb.start();
    }

    private static ChatClient awaitUp(int port, Process process) throws InterruptedException {
        ChatClient client = new ChatClient(port);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the gateway process is running").isTrue();
            try {
                if (client.get("/api/v1/ping").statusCode() == 200) {
                    return client;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the gateway did not start within 3 minutes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
