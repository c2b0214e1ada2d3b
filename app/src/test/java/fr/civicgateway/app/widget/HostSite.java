package fr.civicgateway.app.widget;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A town's website on another port than the gateway's, so on another origin: it serves the host pages the tests
 * register, and a stand-in for the gateway's chat API ({@code /api/v1/chat}, {@code /api/v1/attachments},
 * {@code /api/v1/ping}) that records what the widget sent, for a page whose widget is pointed at it with
 * {@code data-api}. Reached as {@code http://127.0.0.1:port} and as {@code http://localhost:port}: two origins.
 */
final class HostSite implements AutoCloseable {

    /** One request the stand-in API received: its path, Content-Type and body. */
    record Received(String path, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    static final String ATTACHMENT_ID = "att-42";

    final Map<String, String> pages = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    HostSite() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The origin the gateway allows in these tests. */
    String allowedOrigin() {
        return "http://127.0.0.1:" + port();
    }

    /** The same site under another name: an origin the gateway does not allow. */
    String otherOrigin() {
        return "http://localhost:" + port();
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/api/")) {
                received.add(new Received(path, exchange.getRequestHeaders().getFirst("Content-Type"), body));
                String json = switch (path) {
                    case "/api/v1/attachments" -> "{\"attachmentId\":\"" + ATTACHMENT_ID + "\"}";
                    case "/api/v1/chat" -> "{\"conversationId\":\"x\",\"messages\":[{\"text\":\"Signalement enregistr\\u00e9.\","
                            + "\"quickReplies\":[]}]}";
                    default -> "{\"status\":\"UP\"}";
                };
                send(exchange, 200, "application/json", json);
                return;
            }
            String page = pages.get(path);
            if (page == null) {
                send(exchange, 404, "text/plain", "not found");
            } else {
                send(exchange, 200, "text/html; charset=utf-8", page);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
