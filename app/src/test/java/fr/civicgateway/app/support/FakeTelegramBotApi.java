package fr.civicgateway.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;

/**
 * MockWebServer standing in for Telegram's Bot API in whole-gateway tests: it answers every method as Telegram
 * would, and records what the gateway sends to users ({@code sendMessage}, {@code answerCallbackQuery}) in order.
 */
public final class FakeTelegramBotApi implements AutoCloseable {

    /** One recorded call: the Bot API method, lower case, and its JSON body. */
    public record Call(String method, JsonNode body) {
    }

    private final MockWebServer server = new MockWebServer();
    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    /** Chats that blocked the bot: Telegram answers 403 to every message sent there. */
    private final java.util.Set<String> blocked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Chats flooded: so many 429s still to answer there, each with this retry_after (seconds). */
    private final java.util.Map<String, int[]> flooded = new java.util.concurrent.ConcurrentHashMap<>();
    /** Every attempt to send to a chat, refused or not, by chat id. */
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> attempts = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long delayMillis;

    public FakeTelegramBotApi() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String method = request.getUrl().pathSegments().getLast().toLowerCase(Locale.ROOT);
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                if (delayMillis > 0) {
                    try {
                        Thread.sleep(delayMillis); // a slow Bot API, as under load
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (method.equals("sendmessage") && !body.isEmpty()) {
                    String chat = ChatClient.json(body).path("chat_id").asString();
                    attempts.computeIfAbsent(chat, c -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                    if (blocked.contains(chat)) {
                        return refusal(403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
                    }
                    int[] flood = flooded.get(chat);
                    if (flood != null && flood[0] > 0) {
                        flood[0]--;
                        return refusal(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                                + flood[1] + "\",\"parameters\":{\"retry_after\":" + flood[1] + "}}");
                    }
                }
                if (method.equals("sendmessage") || method.equals("answercallbackquery")) {
                    calls.add(new Call(method, ChatClient.json(body.isEmpty() ? "{}" : body)));
                }
                if (method.equals("sendphoto")) {
                    // A multipart upload: its caption field is what the assertions read.
                    java.util.regex.Matcher caption = java.util.regex.Pattern.compile(
                            "name=\"caption\"\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n(.*?)\\r\\n--",
                            java.util.regex.Pattern.DOTALL).matcher(body);
                    calls.add(new Call(method, ChatClient.json(tools.jackson.databind.json.JsonMapper.builder().build()
                            .createObjectNode().put("caption", caption.find() ? caption.group(1) : "").toString())));
                }
                String result = method.equals("sendmessage") || method.equals("sendphoto")
                        ? "{\"message_id\":7,\"date\":1700000000,\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"ok\"}"
                        : "true";
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("{\"ok\":true,\"result\":" + result + "}").build();
            }
        });
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse refusal(int code, String json) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(json).build();
    }

    /** From now on, the chat has blocked the bot: 403 to every message, as Telegram answers. */
    public void block(long chatId) {
        blocked.add(Long.toString(chatId));
    }

    /** The next {@code times} messages to the chat get a 429 with {@code retry_after} seconds; other chats are served. */
    public void flood(long chatId, int times, int retryAfterSeconds) {
        flooded.put(Long.toString(chatId), new int[] {times, retryAfterSeconds});
    }

    /** Every answer waits this long first (a slow Bot API). */
    public void slow(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** How many times a message was sent to the chat, refused ones included. */
    public int attempts(long chatId) {
        var n = attempts.get(Long.toString(chatId));
        return n == null ? 0 : n.get();
    }

    /** A fake that stays up for the whole test run, for test classes that share it; closed when the JVM exits. */
    public static FakeTelegramBotApi untilExit() {
        FakeTelegramBotApi api = new FakeTelegramBotApi();
        Runtime.getRuntime().addShutdownHook(new Thread(api::close));
        return api;
    }

    /** For {@code civic.telegram.api-url}. */
    public String baseUrl() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    /** The next recorded call, or null when none comes within {@code timeout}. */
    public Call poll(Duration timeout) throws InterruptedException {
        return calls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The body of the next {@code sendMessage}, skipping other calls; null when none comes within {@code timeout}. */
    public JsonNode nextMessage(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Call call = calls.poll(left, TimeUnit.NANOSECONDS);
            if (call == null) {
                return null;
            }
            if (call.method().equals("sendmessage")) {
                return call.body();
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.close();
    }
}
