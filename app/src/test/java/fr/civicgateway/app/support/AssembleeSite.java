package fr.civicgateway.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * The Assemblée's open-data site for the gateway's live refresh, on a MockWebServer: each archive's official path
 * serves its current version with an ETag (a matching {@code If-None-Match} gets 304), or fails as a test says.
 *
 * <p>The gateway reaches it through a small TCP relay on a port of its own, which can go down (nothing listens there:
 * connection refused) and come back on the same port, since the gateway's URLs are fixed at its start; MockWebServer
 * itself cannot be restarted on its port reliably.
 */
public final class AssembleeSite extends Dispatcher implements AutoCloseable {

    public static final String AMO10 = "/static/openData/repository/17/amo/deputes_actifs_mandats_actifs_organes/"
            + "AMO10_deputes_actifs_mandats_actifs_organes.json.zip";
    public static final String AMO30 = "/static/openData/repository/17/amo/tous_acteurs_mandats_organes_xi_legislature/"
            + "AMO30_tous_acteurs_tous_mandats_tous_organes_historique.json.zip";
    public static final String SCRUTINS = "/static/openData/repository/17/loi/scrutins/Scrutins.json.zip";

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private record Version(byte[] bytes, String etag) {
    }

    private final Map<String, Version> versions = new ConcurrentHashMap<>();
    private final Map<String, Supplier<MockResponse>> failures = new ConcurrentHashMap<>();
    private final Map<String, String> lastIfNoneMatch = new ConcurrentHashMap<>();
    private final MockWebServer server = new MockWebServer();
    private final Set<Socket> relayed = ConcurrentHashMap.newKeySet();
    private final int port;
    private ServerSocket front;

    public AssembleeSite() {
        server.setDispatcher(this);
        try {
            server.start(LOOPBACK, 0);
            front = listen(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = front.getLocalPort();
    }

    public String url(String path) {
        return "http://" + LOOPBACK.getHostAddress() + ":" + port + path;
    }

    /** Serves this version from now on, with this ETag; ends a failure of that path. */
    public void serve(String path, byte[] bytes, String etag) {
        versions.put(path, new Version(bytes, etag));
        failures.remove(path);
    }

    /** Answers that path with this response until the next {@link #serve} or {@link #heal}. */
    public void fail(String path, Supplier<MockResponse> response) {
        failures.put(path, response);
    }

    /** The {@code If-None-Match} of the last request for that path, or "" when it had none. */
    public String lastIfNoneMatch(String path) {
        return lastIfNoneMatch.get(path);
    }

    /** Every path serves its last version again. */
    public void heal() {
        failures.clear();
    }

    /** Nothing listens on the site's port any more, and open connections are cut. */
    public synchronized void goDown() {
        closeQuietly(front);
        relayed.forEach(AssembleeSite::closeQuietly);
        relayed.clear();
        awaitRefused();
    }

    /**
     * Returns once a connection to the port is refused. Closing a listening socket that a virtual thread is blocked
     * accepting on completes when that thread runs again; on a busy machine the port could otherwise still take
     * one more connection.
     */
    private void awaitRefused() {
        for (int attempt = 0; attempt < 200; attempt++) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(LOOPBACK, port), 200);
            } catch (IOException refused) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("port " + port + " still accepts connections after goDown()");
    }

    /** Listens again, on the same port. */
    public synchronized void comeBack() {
        try {
            front = listen(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ServerSocket listen(int onPort) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(LOOPBACK, onPort));
        Thread.ofVirtual().name("assemblee-site-front").start(() -> {
            try {
                while (true) {
                    relay(listener.accept());
                }
            } catch (IOException closed) {
                // goDown() or close()
            }
        });
        return listener;
    }

    private void relay(Socket client) throws IOException {
        Socket upstream = new Socket(LOOPBACK, server.getPort());
        relayed.add(client);
        relayed.add(upstream);
        pipe(client, upstream);
        pipe(upstream, client);
    }

    /** Copies one direction; when it ends, both sockets are closed (HTTP needs nothing finer here). */
    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().name("assemblee-site-relay").start(() -> {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException ended) {
                // a side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                relayed.remove(from);
                relayed.remove(to);
            }
        });
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing for good
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String ifNoneMatch = request.getHeaders().get("If-None-Match");
        lastIfNoneMatch.put(path, ifNoneMatch == null ? "" : ifNoneMatch);
        Supplier<MockResponse> failure = failures.get(path);
        if (failure != null) {
            return failure.get();
        }
        Version v = versions.get(path);
        if (v == null) {
            return new MockResponse.Builder().code(404).build();
        }
        if (v.etag().equals(ifNoneMatch)) {
            return new MockResponse.Builder().code(304).setHeader("ETag", v.etag()).build();
        }
        return new MockResponse.Builder().setHeader("Content-Type", "application/zip").setHeader("ETag", v.etag())
                .body(new Buffer().write(v.bytes())).build();
    }

    @Override
    public synchronized void close() {
        goDown();
        try {
            server.close();
        } catch (AssertionError e) {
            // MockWebServer closes its socket first, then waits for every busy queue of OkHttp's shared task runner:
            // the gateway's own connection pool (still running in the test's context) is one of them.
            if (!String.valueOf(e.getMessage()).startsWith("Gave up waiting")) {
                throw e;
            }
        }
    }
}
