package fr.civicgateway.connectors.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import com.sun.net.httpserver.HttpServer;
import fr.civicgateway.core.follow.SubscriptionStore;
import fr.civicgateway.core.follow.delivery.FollowPush;
import fr.civicgateway.core.retry.Backoff;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The Telegram channel's real push path ({@link TelegramFollows} → {@link TelegramOutbox} → the application's durable
 * store → OkHttp) wired as {@link TelegramConfiguration} does, with Telegram replaced by an in-process fake Bot API
 * (the JDK's HttpServer) answering {@code {"ok":true,"result":{…}}}, and {@code 429 retry_after 1} to one request in
 * {@code every429}. For benchmarks only.
 */
public final class FakeBotApiPush implements AutoCloseable {

    private final HttpServer server;
    private final ScheduledThreadPoolExecutor scheduler;
    private final InMemoryChatAddresses addresses = new InMemoryChatAddresses();
    private final TelegramFollows follows;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    public FakeBotApiPush(SubscriptionStore subscriptions, TelegramStore store, int every429) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            long n = requests.incrementAndGet();
            String body;
            int status;
            if (every429 > 0 && n % every429 == 0) {
                refused.incrementAndGet();
                status = 429;
                body = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                        + "\"parameters\":{\"retry_after\":1}}";
            } else {
                sent.incrementAndGet();
                status = 200;
                body = "{\"ok\":true,\"result\":{\"message_id\":" + n + ",\"date\":" + Instant.now().getEpochSecond()
                        + ",\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"ok\"}}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon(true).factory()));
        server.start();
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        OkHttpTelegramClient client = new OkHttpTelegramClient(json, new OkHttpClient(), "123:bench",
                new TelegramUrl("http", "127.0.0.1", server.getAddress().getPort(), false));
        scheduler = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("telegram-scheduler-", 0).daemon(true).factory());
        scheduler.setRemoveOnCancelPolicy(true);
        ChatPseudonyms pseudonyms = ChatPseudonyms.fromSecret("benchmark-secret");
        Clock clock = Clock.systemUTC();
        // The shipped limits (civic.telegram.*): 30 a second in all, 1 s per private chat, 3 s per group.
        TelegramOutbox outbox = new TelegramOutbox(client, store, json, "bench", clock, Scheduler.of(scheduler),
                Ticker.systemTicker(), pseudonyms, new TelegramOutbox.Limits(30, Duration.ofSeconds(1),
                Duration.ofSeconds(3), 5, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)), Duration.ofMinutes(5)));
        QuickReplyButtons buttons = new QuickReplyButtons(store, clock, Duration.ofHours(24));
        follows = new TelegramFollows(subscriptions, addresses, pseudonyms, outbox, new ReplyRenderer(buttons), clock,
                key -> { });
        outbox.onUnreachable(follows::stopChat);
    }

    /** The chat address a follower's turn would have saved (kept in memory here). */
    public void address(String conversationKey, long chatId) {
        addresses.save(conversationKey, "c" + chatId, chatId, Instant.EPOCH);
    }

    public FollowPush push() {
        return follows;
    }

    /** Messages the fake acknowledged (200). */
    public long sent() {
        return sent.get();
    }

    /** Requests answered 429. */
    public long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        server.stop(0);
    }
}
