package fr.civicgateway.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the running gateway over HTTP, as the widget or a journalist's script would. */
public final class ChatClient {

    /** CIVIC_ADMIN_TOKEN of the tests (src/test/resources/application.properties). */
    public static final String ADMIN_TOKEN = "test-admin-token";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ChatClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** One reply of the bot: its text and quick replies (title → payload). */
    public record BotMessage(String text, List<Map.Entry<String, String>> quickReplies) {
        public List<String> titles() {
            return quickReplies.stream().map(Map.Entry::getKey).toList();
        }

        public String payloadOf(String title) {
            return quickReplies.stream().filter(q -> q.getKey().equals(title)).map(Map.Entry::getValue).findFirst()
                    .orElseThrow(() -> new AssertionError("no quick reply titled " + title + " in " + titles()));
        }
    }

    /** Sends a message and returns the bot's replies; fails the test on any status but 200. */
    public List<BotMessage> say(String conversationId, String text) {
        return say(conversationId, text, null);
    }

    /**
     * The bot's text replies. A chart (API.md §1, {@code "type": "chart"}) is left out, and the quick replies it
     * carries go back to the text before it, where the core put them: read charts with {@link #answer}.
     */
    public List<BotMessage> say(String conversationId, String text, String locale) {
        List<BotMessage> out = new ArrayList<>();
        for (JsonNode m : answer(conversationId, text, locale).get("messages")) {
            List<Map.Entry<String, String>> q = new ArrayList<>();
            for (JsonNode qr : m.get("quickReplies")) {
                q.add(Map.entry(qr.get("title").asString(), qr.get("payload").asString()));
            }
            if ("chart".equals(m.path("type").asString())) {
                if (!out.isEmpty() && !q.isEmpty()) {
                    out.add(new BotMessage(out.removeLast().text(), q));
                }
                continue;
            }
            out.add(new BotMessage(m.get("text").asString(), q));
        }
        return out;
    }

    /** The whole JSON answer of {@code POST /api/v1/chat}; fails the test on any status but 200. */
    public JsonNode answer(String conversationId, String text, String locale) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("conversationId", conversationId);
        body.put("text", text);
        if (locale != null) {
            body.put("locale", locale);
        }
        HttpResponse<String> r = post("/api/v1/chat", JSON.writeValueAsString(body));
        if (r.statusCode() != 200) {
            throw new AssertionError("status " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** All reply texts joined, for assertions on what the user reads. */
    public String read(String conversationId, String text) {
        return String.join("\n", say(conversationId, text).stream().map(BotMessage::text).toList());
    }

    public HttpResponse<String> post(String path, String rawBody) {
        return post(path, rawBody, "application/json");
    }

    public HttpResponse<String> post(String path, String rawBody, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(rawBody)).build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** GET as the operator: with the admin token every test context has (Actuator's details and metrics). */
    public HttpResponse<String> getAsAdmin(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .GET().build());
    }

    /**
     * The open-data sources of the admin API ({@code GET /api/v1/admin/sources}, with the admin token), by id in its
     * order; fails the test on any status but 200.
     */
    public Map<String, JsonNode> adminSources() {
        HttpResponse<String> r = getAsAdmin("/api/v1/admin/sources");
        if (r.statusCode() != 200) {
            throw new AssertionError("status " + r.statusCode() + ": " + r.body());
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        json(r.body()).forEach(s -> out.put(s.get("id").asString(), s));
        return out;
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
