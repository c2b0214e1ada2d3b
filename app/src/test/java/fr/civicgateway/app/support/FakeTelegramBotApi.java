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

    public FakeTelegramBotApi() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String method = request.getUrl().pathSegments().getLast().toLowerCase(Locale.ROOT);
                String body = request.getBody() == null ? "" : request.getBody().utf8();
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
