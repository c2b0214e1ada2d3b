package fr.civicgateway.connectors.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * A MockWebServer standing in for the Bot API: answers every method the connector calls, records each request, and
 * can be told to answer one method with a given response next (a 429, a 500) or to serve updates to getUpdates.
 * Reads JSON bodies and multipart uploads ({@code sendPhoto}) alike.
 */
final class FakeBotApi implements AutoCloseable {

    static final String TOKEN = "123456:TEST-token";
    static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
    private final Deque<String> updateBatches = new ConcurrentLinkedDeque<>();
    private final Map<Long, Deque<MockResponse>> perChat = new ConcurrentHashMap<>();
    private final Map<String, Deque<MockResponse>> perChatAndMethod = new ConcurrentHashMap<>();
    private final List<JsonNode> polls = new CopyOnWriteArrayList<>();

    /**
     * One request the connector made: the Bot API method (lower case) and its JSON body; a multipart upload
     * ({@code sendPhoto}) as its text fields, and for each file part {@code <name>.filename}, {@code <name>.type} and
     * {@code <name>.size} (bytes), and {@code <name>.png}, whether the bytes start with PNG's signature.
     */
    record Call(String method, JsonNode body) {
        String text() {
            return body.path("text").asText();
        }

        String caption() {
            return body.path("caption").asText();
        }
    }

    FakeBotApi() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start(0);
    }

    TelegramUrl url() {
        return new TelegramUrl("http", server.getHostName(), server.getPort(), false);
    }

    String baseUrl() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    /** The next call of {@code method} gets this answer, once. */
    void answerNext(String method, int code, String body) {
        scripted.computeIfAbsent(method, m -> new ConcurrentLinkedDeque<>())
                .add(new MockResponse.Builder().code(code).body(body).build());
    }

    /**
     * The next {@code times} sendMessage calls to {@code chatId} get a {@code 429 Too Many Requests} with this
     * {@code retry_after}, as Telegram answers a bot that writes too fast to one chat; other chats are served.
     */
    void tooManyRequestsFor(long chatId, int times, int retryAfterSeconds) {
        Deque<MockResponse> answers = perChat.computeIfAbsent(chatId, c -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            answers.add(json(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                    + retryAfterSeconds + "\",\"parameters\":{\"retry_after\":" + retryAfterSeconds + "}}"));
        }
    }

    /**
     * The next {@code times} calls of {@code method} (lower case: {@code sendphoto}) to {@code chatId} get a
     * {@code 429 Too Many Requests} with this {@code retry_after}.
     */
    void tooManyRequestsFor(String method, long chatId, int times, int retryAfterSeconds) {
        Deque<MockResponse> answers = perChatAndMethod.computeIfAbsent(method + ":" + chatId, c -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            answers.add(json(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                    + retryAfterSeconds + "\",\"parameters\":{\"retry_after\":" + retryAfterSeconds + "}}"));
        }
    }

    /** The next getUpdates returns these updates (a JSON array of Update objects). */
    void serveUpdates(String updatesJsonArray) {
        updateBatches.add(updatesJsonArray);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The getUpdates requests received, in order (their offsets say what the connector confirmed). */
    List<JsonNode> polls() {
        return new ArrayList<>(polls);
    }

    List<Call> calls() {
        return new ArrayList<>(calls);
    }

    private MockResponse answer(RecordedRequest request) {
        List<String> segments = request.getUrl().pathSegments();
        String method = segments.getLast().toLowerCase(java.util.Locale.ROOT);
        if (!segments.getFirst().equals("bot" + TOKEN)) {
            return json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        }
        JsonNode body = parse(request);
        if (!method.equals("getupdates")) {
            calls.add(new Call(method, body));
        } else {
            polls.add(body);
        }
        Deque<MockResponse> forMethod = perChatAndMethod.get(method + ":" + body.path("chat_id").asText());
        MockResponse refused = forMethod == null ? null : forMethod.poll();
        if (refused != null) {
            return refused;
        }
        if (method.equals("sendmessage") && body.hasNonNull("chat_id")) {
            Deque<MockResponse> forChat = perChat.get(body.path("chat_id").asLong());
            MockResponse refusal = forChat == null ? null : forChat.poll();
            if (refusal != null) {
                return refusal;
            }
        }
        Deque<MockResponse> next = scripted.get(method);
        MockResponse response = next == null ? null : next.poll();
        if (response != null) {
            return response;
        }
        return switch (method) {
            case "sendmessage" -> json(200, "{\"ok\":true,\"result\":{\"message_id\":" + calls.size()
                    + ",\"date\":1700000000,\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"ok\"}}");
            case "sendphoto" -> json(200, "{\"ok\":true,\"result\":{\"message_id\":" + calls.size()
                    + ",\"date\":1700000000,\"chat\":{\"id\":42,\"type\":\"private\"},\"photo\":[{\"file_id\":\"p\","
                    + "\"file_unique_id\":\"pu\",\"width\":800,\"height\":450}]}}");
            case "getme" -> json(200, "{\"ok\":true,\"result\":{\"id\":123456,\"is_bot\":true,"
                    + "\"first_name\":\"Civic Gateway\",\"username\":\"CivicGatewayBot\"}}");
            case "getupdates" -> {
                String batch = updateBatches.poll();
                // An empty poll waits a little, as Telegram's long poll does: the loop would otherwise spin.
                yield batch != null ? json(200, "{\"ok\":true,\"result\":" + batch + "}")
                        : new MockResponse.Builder().code(200).body("{\"ok\":true,\"result\":[]}")
                                .headersDelay(100, TimeUnit.MILLISECONDS).build();
            }
            default -> json(200, "{\"ok\":true,\"result\":true}");
        };
    }

    private static JsonNode parse(RecordedRequest request) {
        String contentType = request.getHeaders().get("Content-Type");
        MediaType type = contentType == null ? null : MediaType.parse(contentType);
        if (type != null && type.type().equals("multipart") && type.parameter("boundary") != null
                && request.getBody() != null) {
            return multipart(request, type.parameter("boundary"));
        }
        try {
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            // setWebhook is sent as multipart form data, not JSON: keep its raw text for the assertions.
            return JSON.createObjectNode().put("raw", request.getBody().utf8());
        }
    }

    /** A multipart/form-data body as the Bot API reads it: text fields, and what each file part holds. */
    private static JsonNode multipart(RecordedRequest request, String boundary) {
        ObjectNode node = JSON.createObjectNode();
        try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()), boundary)) {
            MultipartReader.Part part;
            while ((part = reader.nextPart()) != null) {
                String disposition = part.headers().get("Content-Disposition");
                String name = attribute(disposition, "name");
                String filename = attribute(disposition, "filename");
                byte[] bytes = part.body().readByteArray();
                if (filename == null) {
                    node.put(name, new String(bytes, StandardCharsets.UTF_8));
                } else {
                    node.put(name + ".filename", filename);
                    node.put(name + ".type", part.headers().get("Content-Type"));
                    node.put(name + ".size", bytes.length);
                    node.put(name + ".png", bytes.length >= 8 && Arrays.equals(Arrays.copyOf(bytes, 8), PNG_SIGNATURE));
                }
            }
        } catch (IOException e) {
            node.put("raw", request.getBody().utf8());
        }
        // A field "attach://<part>" names the file part that holds it, as the Bot API reads it.
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            String value = node.path(field).asText();
            if (value.startsWith("attach://")) {
                String part = value.substring("attach://".length());
                for (String suffix : List.of(".filename", ".type", ".size", ".png")) {
                    if (node.has(part + suffix)) {
                        node.set(field + suffix, node.get(part + suffix));
                    }
                }
            }
        }
        return node;
    }

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static String attribute(String disposition, String key) {
        Matcher m = Pattern.compile("(?:^|;)\\s*" + key + "=\"([^\"]*)\"").matcher(disposition == null ? "" : disposition);
        return m.find() ? m.group(1) : null;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
