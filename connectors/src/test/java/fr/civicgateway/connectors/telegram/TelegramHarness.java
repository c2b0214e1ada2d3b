package fr.civicgateway.connectors.telegram;

import static org.assertj.core.api.Assertions.fail;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.core.testing.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Telegram channel assembled as in production, against the {@link FakeBotApi}, with one difference: the outbound
 * queue's waits are recorded and skipped, so tests check the planned waits (retry_after, back-off) without sleeping.
 */
final class TelegramHarness implements AutoCloseable {

    final FakeBotApi api = new FakeBotApi();
    final TestDialogues core = new TestDialogues();
    final Dialogue dialogue = core.dialogue();
    /** The charts' PNGs: a tiny PNG for every chart unless a test says otherwise; counts what was asked. */
    final FakeCharts charts = new FakeCharts();
    /** Every wait the outbound queue planned. */
    final List<Duration> plannedWaits = new CopyOnWriteArrayList<>();
    final ChatPseudonyms pseudonyms = new ChatPseudonyms("a test key of more than sixteen bytes".getBytes(StandardCharsets.UTF_8));
    final QuickReplyButtons buttons;
    final TelegramJson json = new TelegramConfiguration().telegramJson();
    final OkHttpClient http = new OkHttpClient();
    final TelegramClient client;
    final TelegramOutbox outbox;
    final UpdateProcessor processor;
    final KnownChats knownChats = new KnownChats(100, Duration.ofDays(7), Ticker.systemTicker());
    final TelegramNotifier notifier;
    /** The channel's state, in memory as without a database: the same rules as the application's database store. */
    final InMemoryTelegramStore store = new InMemoryTelegramStore();
    /** The channel's clock (leases, stored buttons): it stands still unless a test moves it. */
    final TestClock clock = new TestClock(Instant.parse("2026-12-07T08:00:00Z"));
    static final String OWNER = "this-instance";
    /** Ten messages at once per person, then one a second; its clock stands still unless a test moves it. */
    final java.util.concurrent.atomic.AtomicLong limiterNanos = new java.util.concurrent.atomic.AtomicLong();
    final fr.civicgateway.connectors.web.ConversationRateLimiter userLimiter =
            new fr.civicgateway.connectors.web.ConversationRateLimiter(10, Duration.ofSeconds(1), 1000, limiterNanos::get);
    /** The bot as the fake Bot API's getMe describes it. */
    final BotIdentity me = new BotIdentity(123456, "CivicGatewayBot");

    private final ExecutorService runner = Executors.newCachedThreadPool();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService realTime = Executors.newSingleThreadScheduledExecutor();

    TelegramHarness() throws IOException {
        buttons = new QuickReplyButtons(store, clock, Duration.ofHours(1));
        client = new OkHttpTelegramClient(json.mapper(), http, FakeBotApi.TOKEN, api.url());
        Scheduler skipWaits = (task, delay) -> {
            plannedWaits.add(delay);
            return runner.submit(task);
        };
        outbox = new TelegramOutbox(client, store, json.mapper(), OWNER, clock, skipWaits,
                Ticker.systemTicker(), pseudonyms, limits(2), charts);
        notifier = new TelegramNotifier(knownChats, new ReplyRenderer(buttons), outbox);
        processor = new UpdateProcessor(dialogue, new UpdateTranslator(pseudonyms, buttons, knownChats, me), new ReplyRenderer(buttons),
                outbox, client, store, OWNER, clock, Duration.ofMinutes(1), new ChatSerialExecutor(workers),
                Scheduler.of(realTime),
                Duration.ofMillis(150), new TelegramWording(Duration.ofHours(2)), pseudonyms, knownChats, me, userLimiter);
    }

    /** A {@link ChartPngs} that makes a few bytes starting with PNG's signature, or none when told. */
    static final class FakeCharts implements ChartPngs {
        final List<String> asked = new CopyOnWriteArrayList<>();
        volatile boolean unavailable;

        @Override
        public java.util.Optional<byte[]> png(String chartPath, java.util.Locale locale) {
            asked.add(chartPath + " " + locale.toLanguageTag());
            if (unavailable) {
                return java.util.Optional.empty();
            }
            byte[] png = java.util.Arrays.copyOf(FakeBotApi.PNG_SIGNATURE, 64);
            return java.util.Optional.of(png);
        }
    }

    /** The processor and outbox of this harness, on another store. */
    record Rebuilt(UpdateProcessor processor, TelegramOutbox outbox) {
    }

    Rebuilt rebuildWith(TelegramStore other) {
        Scheduler now = (task, delay) -> runner.submit(task);
        TelegramOutbox o = new TelegramOutbox(client, other, json.mapper(), OWNER, clock, now,
                Ticker.systemTicker(), pseudonyms, limits(2), charts);
        UpdateProcessor p = new UpdateProcessor(dialogue, new UpdateTranslator(pseudonyms, buttons, knownChats, me),
                new ReplyRenderer(buttons), o, client, other, OWNER, clock, Duration.ofMinutes(1),
                new ChatSerialExecutor(workers), Scheduler.of(realTime), Duration.ofMillis(150),
                new TelegramWording(Duration.ofHours(2)), pseudonyms, knownChats, me, userLimiter);
        return new Rebuilt(p, o);
    }

    /** The limits of production (30 a second, 1 s per chat, 3 s per group), with this many retries of a failure. */
    static TelegramOutbox.Limits limits(int maxRetries) {
        return new TelegramOutbox.Limits(30, Duration.ofSeconds(1), Duration.ofSeconds(3), maxRetries,
                new Backoff(Duration.ofMillis(500), Duration.ofMinutes(5)), Duration.ofMinutes(1));
    }

    /** Delivers an update as Telegram's JSON, the way both modes receive it; returns whether it may be confirmed. */
    CompletableFuture<UpdateProcessor.Outcome> deliver(String updateJson) {
        try {
            return processor.accept(json.mapper().readValue(updateJson, Update.class));
        } catch (IOException e) {
            throw new IllegalArgumentException("not an update: " + updateJson, e);
        }
    }

    /** Waits until the fake Bot API has received {@code count} calls of {@code method}, and returns them all. */
    List<FakeBotApi.Call> await(String method, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<FakeBotApi.Call> calls = api.calls(method);
            if (calls.size() >= count) {
                return calls;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("expected %d %s call(s), got %s", count, method, api.calls());
    }

    static String textUpdate(int updateId, long chatId, String text, String languageCode) {
        String entities = text.startsWith("/")
                ? ",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":" + text.split(" ")[0].length() + "}]" : "";
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId + ",\"date\":1763900000,"
                + chat(chatId) + "," + from(chatId, languageCode) + ",\"text\":" + quote(text) + entities + "}}";
    }

    static String locationUpdate(int updateId, long chatId, double latitude, double longitude) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId + ",\"date\":1763900000,"
                + chat(chatId) + "," + from(chatId, "fr") + ",\"location\":{\"latitude\":" + latitude + ",\"longitude\":"
                + longitude + "}}}";
    }

    static String photoUpdate(int updateId, long chatId) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId + ",\"date\":1763900000,"
                + chat(chatId) + "," + from(chatId, "fr") + ",\"photo\":[{\"file_id\":\"f\",\"file_unique_id\":\"u\","
                + "\"width\":1,\"height\":1}]}}";
    }

    /** A photo in three sizes, as Telegram sends it, with an optional caption. */
    static String photoUpdate(int updateId, long chatId, String caption) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId + ",\"date\":1763900000,"
                + chat(chatId) + "," + from(chatId, "fr") + ",\"photo\":["
                + "{\"file_id\":\"small\",\"file_unique_id\":\"u1\",\"width\":90,\"height\":67},"
                + "{\"file_id\":\"large\",\"file_unique_id\":\"u3\",\"width\":1280,\"height\":960},"
                + "{\"file_id\":\"medium\",\"file_unique_id\":\"u2\",\"width\":320,\"height\":240}]"
                + (caption == null ? "" : ",\"caption\":" + quote(caption)) + "}}";
    }

    /** A sticker: neither text, a location nor a photo. */
    static String stickerUpdate(int updateId, long chatId) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId + ",\"date\":1763900000,"
                + chat(chatId) + "," + from(chatId, "fr") + ",\"sticker\":{\"file_id\":\"s\",\"file_unique_id\":\"su\","
                + "\"type\":\"regular\",\"width\":512,\"height\":512,\"is_animated\":false,\"is_video\":false}}}";
    }

    /** A member joining a group: a service message the bot must not answer. */
    static String memberJoinedUpdate(int updateId, long groupId) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId + ",\"date\":1763900000,"
                + "\"chat\":{\"id\":" + groupId + ",\"type\":\"group\",\"title\":\"Conseil de quartier\"},"
                + from(7, "fr") + ",\"new_chat_members\":[{\"id\":8,\"is_bot\":false,\"first_name\":\"Sam\"}]}}";
    }

    static String callbackUpdate(int updateId, long chatId, String callbackData) {
        return "{\"update_id\":" + updateId + ",\"callback_query\":{\"id\":\"query-" + updateId + "\"," + from(chatId, "fr")
                + ",\"chat_instance\":\"1\",\"data\":" + quote(callbackData) + ",\"message\":{\"message_id\":7,"
                + "\"date\":1763900000," + chat(chatId) + ",\"text\":\"…\"}}}";
    }

    private static String chat(long chatId) {
        return "\"chat\":{\"id\":" + chatId + ",\"type\":\"private\"}";
    }

    private static String from(long userId, String languageCode) {
        return "\"from\":{\"id\":" + userId + ",\"is_bot\":false,\"first_name\":\"Camille\""
                + (languageCode == null ? "" : ",\"language_code\":\"" + languageCode + "\"") + "}";
    }

    private static String quote(String text) {
        return FakeBotApi.JSON.getNodeFactory().textNode(text).toString();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        runner.shutdownNow();
        realTime.shutdownNow();
        http.dispatcher().executorService().shutdownNow();
        api.close();
    }
}
