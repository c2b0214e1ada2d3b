package fr.civicgateway.app.durability;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway is killed ({@code kill -9}) several times while it owes answers to many Telegram chats, in long
 * polling mode and in webhook mode; after the last restart on the same database, every update the gateway confirmed
 * to Telegram (a {@code getUpdates} offset past it, or a webhook {@code 200}) has had its answer. The fake Bot API
 * acknowledges each message slowly (half a second), so that answers are waiting in the queue at each kill. The
 * figures are printed for BENCHMARKS.md.
 */
class TelegramAnswersSurviveAKillTest {

    private static final String TOKEN = "123456:KILL-test";
    private static final String WEBHOOK_SECRET = "kill_test_secret";
    private static final int CYCLES = 3;
    private static final int UPDATES_PER_CYCLE = 150;
    /** Each update comes from its own chat, so an answer names its update by its chat id. */
    private static final long FIRST_CHAT = 5_000_000L;

    @Test
    void noConfirmedUpdateLosesItsAnswerOverKillsInPollingMode() throws Exception {
        try (SlowBotApi api = new SlowBotApi()) {
            Path database = Files.createTempDirectory("civic-tg-kill9-");
            int port = freePort();
            int next = 0;
            int queuedAtKills = 0;
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                Process gateway = start(port, database, api, "polling");
                try {
                    awaitUp(port, gateway);
                    for (int i = 0; i < UPDATES_PER_CYCLE; i++) {
                        api.offer(next++);
                    }
                    // Kill once most of the batch is confirmed, while answers are still going out.
                    int killAt = next - UPDATES_PER_CYCLE / 3;
                    awaitUntil(() -> api.confirmedBelow() >= killAt, Duration.ofSeconds(60));
                    queuedAtKills += api.confirmedBelow() - api.answeredChats().size();
                } finally {
                    gateway.destroyForcibly();
                    gateway.waitFor(30, TimeUnit.SECONDS);
                }
            }
            int total = next;
            Process last = start(port, database, api, "polling");
            try {
                awaitUp(port, last);
                awaitUntil(() -> api.confirmedBelow() >= total && api.answeredChats().size() >= total, Duration.ofSeconds(90));
            } finally {
                stop(last);
            }
            report("polling", total, api.confirmedBelow(), queuedAtKills, api);
            assertThat(lost(api, api.confirmedUpdates(total))).as("confirmed updates never answered").isEmpty();
        }
    }

    @Test
    void noAcknowledgedWebhookUpdateLosesItsAnswerOverKills() throws Exception {
        try (SlowBotApi api = new SlowBotApi()) {
            Path database = Files.createTempDirectory("civic-tg-kill9-webhook-");
            int port = freePort();
            Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
            int next = 0;
            int queuedAtKills = 0;
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                Process gateway = start(port, database, api, "webhook");
                ExecutorService telegram = Executors.newFixedThreadPool(8);
                try {
                    awaitUp(port, gateway);
                    int from = next;
                    next += UPDATES_PER_CYCLE;
                    // Telegram delivers again what was not acknowledged: earlier cycles' leftovers first.
                    List<Integer> toDeliver = new ArrayList<>();
                    for (int u = 0; u < next; u++) {
                        if (!acknowledged.contains(u)) {
                            toDeliver.add(u);
                        }
                    }
                    AtomicInteger cursor = new AtomicInteger();
                    for (int t = 0; t < 8; t++) {
                        telegram.submit(() -> {
                            for (int i = cursor.getAndIncrement(); i < toDeliver.size(); i = cursor.getAndIncrement()) {
                                int u = toDeliver.get(i);
                                if (post(http, port, u) == 200) {
                                    acknowledged.add(u);
                                }
                            }
                        });
                    }
                    awaitUntil(() -> acknowledged.size() >= from + UPDATES_PER_CYCLE * 2 / 3, Duration.ofSeconds(60));
                    queuedAtKills += acknowledged.size() - api.answeredChats().size();
                } finally {
                    gateway.destroyForcibly();
                    gateway.waitFor(30, TimeUnit.SECONDS);
                    telegram.shutdownNow();
                    telegram.awaitTermination(30, TimeUnit.SECONDS);
                }
            }
            int total = next;
            Process last = start(port, database, api, "webhook");
            try {
                awaitUp(port, last);
                // Telegram keeps delivering until it gets a 200 (a 503 while a dead instance's claim runs out).
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (acknowledged.size() < total && System.nanoTime() < deadline) {
                    for (int u = 0; u < total; u++) {
                        if (!acknowledged.contains(u) && post(http, port, u) == 200) {
                            acknowledged.add(u);
                        }
                    }
                    Thread.sleep(500);
                }
                awaitUntil(() -> api.answeredChats().size() >= total, Duration.ofSeconds(90));
            } finally {
                stop(last);
            }
            report("webhook", total, acknowledged.size(), queuedAtKills, api);
            assertThat(acknowledged).hasSize(total);
            assertThat(lost(api, acknowledged)).as("acknowledged updates never answered").isEmpty();
        }
    }

    private static List<Integer> lost(SlowBotApi api, Set<Integer> confirmed) {
        return confirmed.stream().filter(u -> !api.answeredChats().contains(FIRST_CHAT + u)).sorted().toList();
    }

    private static void report(String mode, int total, int confirmed, int queuedAtKills, SlowBotApi api) {
        int answered = (int) api.answeredChats().stream().filter(c -> c >= FIRST_CHAT && c < FIRST_CHAT + total).count();
        System.out.printf(Locale.ROOT, "Telegram kill -9 durability (%s): %d kills, %d updates, %d confirmed, %d answers "
                        + "owed at the kills in all, %d chats answered after the last restart, %d lost, %d messages sent "
                        + "twice%n", mode, CYCLES, total, confirmed, queuedAtKills, answered, total - answered,
                api.duplicates());
    }

    private static int post(HttpClient http, int port, int update) {
        long chat = FIRST_CHAT + update;
        String json = "{\"update_id\":" + (100_000 + update) + ",\"message\":{\"message_id\":1,\"date\":1763900000,"
                + "\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"from\":{\"id\":" + chat + ",\"is_bot\":false,"
                + "\"first_name\":\"Camille\",\"language_code\":\"fr\"},\"text\":\"aide\"}}";
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/telegram/webhook"))
                            .header("Content-Type", "application/json")
                            .header("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET)
                            .timeout(Duration.ofSeconds(40))
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // the gateway died under this request: not acknowledged
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Telegram's Bot API as the gateway sees it: getUpdates serves the updates offered from the offset asked for
     * (an update is confirmed when a later offset is asked for), and each sendMessage is delivered, then acknowledged
     * after half a second, as a slow network would.
     */
    static final class SlowBotApi implements AutoCloseable {

        private final MockWebServer server = new MockWebServer();
        private final List<String> updates = new ArrayList<>();
        private final AtomicInteger confirmedBelow = new AtomicInteger();
        private final Set<Long> answered = new ConcurrentSkipListSet<>();
        private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();

        SlowBotApi() throws IOException {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    return answer(request);
                }
            });
            server.start(0);
        }

        String baseUrl() {
            return "http://" + server.getHostName() + ":" + server.getPort();
        }

        synchronized void offer(int update) {
            long chat = FIRST_CHAT + update;
            updates.add("{\"update_id\":" + update + ",\"message\":{\"message_id\":1,\"date\":1763900000,"
                    + "\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"from\":{\"id\":" + chat + ",\"is_bot\":false,"
                    + "\"first_name\":\"Camille\",\"language_code\":\"fr\"},\"text\":\"aide\"}}");
            notifyAll();
        }

        /** Updates below this id were confirmed by the gateway (it asked for a later offset). */
        int confirmedBelow() {
            return confirmedBelow.get();
        }

        Set<Integer> confirmedUpdates(int total) {
            Set<Integer> s = new java.util.TreeSet<>();
            for (int u = 0; u < Math.min(total, confirmedBelow()); u++) {
                s.add(u);
            }
            return s;
        }

        Set<Long> answeredChats() {
            return answered;
        }

        int duplicates() {
            return (int) deliveries.values().stream().filter(n -> n > 1).count();
        }

        private MockResponse answer(RecordedRequest request) throws InterruptedException {
            String method = request.getUrl().pathSegments().getLast().toLowerCase(Locale.ROOT);
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            JsonNode json = body.isEmpty() || !body.startsWith("{") ? ChatClient.json("{}") : ChatClient.json(body);
            return switch (method) {
                case "getme" -> ok("{\"id\":123456,\"is_bot\":true,\"first_name\":\"Civic\",\"username\":\"CivicKillBot\"}");
                case "getupdates" -> ok(poll(json.path("offset").asInt(0)));
                case "sendmessage" -> {
                    long chat = Long.parseLong(json.path("chat_id").asString("0"));
                    answered.add(chat);
                    deliveries.merge(chat + "\u0000" + json.path("text").asString(""), 1, Integer::sum);
                    yield new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                            .headersDelay(500, TimeUnit.MILLISECONDS)
                            .body("{\"ok\":true,\"result\":{\"message_id\":7,\"date\":1700000000,\"chat\":{\"id\":" + chat
                                    + ",\"type\":\"private\"},\"text\":\"ok\"}}").build();
                }
                default -> ok("true");
            };
        }

        /** Up to 100 updates from {@code offset}, waiting a little for one when there is none (a long poll). */
        private synchronized String poll(int offset) throws InterruptedException {
            confirmedBelow.accumulateAndGet(offset, Math::max);
            if (offset >= updates.size()) {
                wait(300);
            }
            List<String> batch = offset >= updates.size() ? List.of()
                    : updates.subList(offset, Math.min(updates.size(), offset + 100));
            return "[" + String.join(",", batch) + "]";
        }

        private static MockResponse ok(String result) {
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"ok\":true,\"result\":" + result + "}").build();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    private static Process start(int port, Path database, SlowBotApi api, String mode) throws IOException {
        Path root = ShippedData.repositoryRoot();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "fr.civicgateway.app.CivicGatewayApplication",
                "--server.port=" + port,
                "--civic.data.directory=" + root.resolve("data"),
                "--civic.storage.directory=" + database,
                "--civic.telegram.mode=" + mode,
                "--civic.telegram.api-url=" + api.baseUrl(),
                // A dead instance's claims and waiting messages are taken over after this long (webhook mode).
                "--civic.telegram.lease=5s")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(database.resolve("gateway-" + mode + "-" + System.nanoTime() + ".log").toFile());
        pb.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
        pb.environment().put("TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET);
        pb.environment().put("CIVIC_PSEUDONYM_SECRET", "a kill test key of sixteen bytes or more");
        return pb.start();
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private static void awaitUp(int port, Process process) throws InterruptedException {
        ChatClient client = new ChatClient(port);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the gateway process is running").isTrue();
            try {
                if (client.get("/api/v1/ping").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the gateway did not start within 3 minutes");
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
