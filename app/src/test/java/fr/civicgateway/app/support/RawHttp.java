package fr.civicgateway.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a bare socket, for what {@link java.net.http.HttpClient} will not send: a request target written
 * byte for byte ({@code ;}, {@code %00}, {@code //}, {@code ..}) and a chunked body of any size, cut when the server
 * answers.
 */
public final class RawHttp {

    /** An answer: status, headers (lower-case names) and body. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /** The answer to a chunked upload, and how many body bytes the server let the client send. */
    public record Upload(Response response, long bytesSent) {
    }

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** Sends one request with the target exactly as given and, unless null, a body with its Content-Length. */
    public Response send(String method, String target, String contentType, String body, String... headers) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(bytes.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code head} byte for byte (request line and headers, ending with an empty line) and reads the answer. */
    public Response sendRaw(String head) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Uploads {@code totalBytes} of {@code fill} as a chunked body, while reading the answer: the upload stops as soon
     * as the server has answered, closed or reset the connection.
     */
    public Upload sendChunked(String target, String contentType, long totalBytes, byte fill) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            AtomicBoolean answered = new AtomicBoolean();
            AtomicLong sent = new AtomicLong();
            Thread writer = Thread.ofPlatform().daemon().start(() -> {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, fill);
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                try {
                    while (!answered.get() && sent.get() < totalBytes) {
                        out.write(size);
                        out.write(chunk);
                        out.write(new byte[] {'\r', '\n'});
                        sent.addAndGet(chunk.length);
                    }
                    if (!answered.get()) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                } catch (IOException e) {
                    // the server closed or reset the connection: it will read no more
                }
            });
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                    if (complete(received.toByteArray())) {
                        break;
                    }
                }
            } catch (IOException e) {
                // a reset after the answer: what was received is the answer
            }
            answered.set(true);
            writer.join(30_000);
            return new Upload(parse(received.toByteArray()), sent.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean complete(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        int at = head.indexOf("content-length:");
        if (at >= 0) {
            int length = Integer.parseInt(head.substring(at + 15).split("\r\n")[0].strip());
            return raw.length >= end + 4 + length;
        }
        return head.contains("transfer-encoding: chunked") && text.endsWith("0\r\n\r\n");
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("no HTTP answer, received: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = indexOfCrlf(body, i);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
