package fr.civicgateway.opendata.testing;

import fr.civicgateway.opendata.assemblee.AssembleeRefresh;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;

/**
 * The Assemblée's open-data site, the one fake every module's tests share: each archive's official path serves its
 * current version with an ETag (a matching {@code If-None-Match} gets 304; a version without ETag is always sent in
 * full), or fails as a test says; it counts and keeps the requests of each path.
 *
 * <p>Two ways to run it:
 * <ul>
 *   <li>{@link #AssembleeSite(MockWebServer)} serves on a MockWebServer the test starts and stops (JUnit's
 *   {@code @StartStop}), for a refresh built by hand;</li>
 *   <li>{@link #AssembleeSite()} runs its own server behind a small TCP relay on a port of its own, which can go down
 *   (nothing listens there: connection refused) and {@link #comeBack()} on the same port, since a running gateway's
 *   URLs are fixed at its start; MockWebServer itself cannot be restarted on its port reliably. {@link #close()} it.</li>
 * </ul>
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
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, RecordedRequest> last = new ConcurrentHashMap<>();
    private final MockWebServer server;
    /** Whether this site started {@link #server} and must close it. */
    private final boolean own;
    private final Set<Socket> relayed = ConcurrentHashMap.newKeySet();
    /** The relay's port, or -1 when the site is served on the test's server directly. */
    private final int port;
    private ServerSocket front;

    /** Serves on the test's server (started by the test, e.g. with {@code @StartStop}); no relay. */
    public AssembleeSite(MockWebServer server) {
        this.server = server;
        this.own = false;
        this.port = -1;
        server.setDispatcher(this);
    }

    /** Starts its own server, behind a relay that can {@link #goDown()} and {@link #comeBack()}. */
    public AssembleeSite() {
        this.server = new MockWebServer();
        this.own = true;
        server.setDispatcher(this);
        try {
            server.start(LOOPBACK, 0);
            front = listen(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = front.getLocalPort();
    }

    /** The URL of that path on this site. */
    public String url(String path) {
        return port < 0 ? server.url(path).toString() : "http://" + LOOPBACK.getHostAddress() + ":" + port + path;
    }

    public HttpUrl httpUrl(String path) {
        return HttpUrl.get(url(path));
    }

    /** The three archives of the Assemblée's refresh, on this site. */
    public AssembleeRefresh.Sources sources() {
        return new AssembleeRefresh.Sources(httpUrl(AMO10), httpUrl(AMO30), httpUrl(SCRUTINS));
    }

    /** Serves this version from now on, with this ETag (null: none); ends a failure of that path. */
    public void serve(String path, byte[] bytes, String etag) {
        versions.put(path, new Version(bytes, etag));
        failures.remove(path);
    }

    /** Answers that path with this response until the next {@link #serve} or {@link #heal}. */
    public void fail(String path, Supplier<MockResponse> response) {
        failures.put(path, response);
    }

    /** Every path serves its last version again. */
    public void heal() {
        failures.clear();
    }

    /** How many requests that path received. */
    public int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    /** The last request for that path, or null. */
    public RecordedRequest lastRequest(String path) {
        return last.get(path);
    }

    /** The {@code If-None-Match} of the last request for that path, "" when it had none, null without a request. */
    public String lastIfNoneMatch(String path) {
        RecordedRequest r = last.get(path);
        if (r == null) {
            return null;
        }
        String ifNoneMatch = r.getHeaders().get("If-None-Match");
        return ifNoneMatch == null ? "" : ifNoneMatch;
    }

    /** Nothing listens on the site's port any more, and open connections are cut (a site of its own only). */
    public synchronized void goDown() {
        requireRelay();
        closeQuietly(front);
        relayed.forEach(AssembleeSite::closeQuietly);
        relayed.clear();
        awaitRefused();
    }

    /** Listens again, on the same port. */
    public synchronized void comeBack() {
        requireRelay();
        try {
            front = listen(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireRelay() {
        if (port < 0) {
            throw new IllegalStateException("only a site started with new AssembleeSite() can go down and come back");
        }
    }

    /**
     * Returns once a connection to the port is refused. Closing a listening socket that a virtual thread is blocked
     * accepting on completes when that thread runs again; on a busy machine the port could otherwise still take
     * one more connection. (This polls a socket, not a clock.)
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
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        last.put(path, request);
        Supplier<MockResponse> failure = failures.get(path);
        if (failure != null) {
            return failure.get();
        }
        Version v = versions.get(path);
        if (v == null) {
            return new MockResponse.Builder().code(404).build();
        }
        if (v.etag() != null && v.etag().equals(request.getHeaders().get("If-None-Match"))) {
            return new MockResponse.Builder().code(304).setHeader("ETag", v.etag()).build();
        }
        MockResponse.Builder ok = new MockResponse.Builder().setHeader("Content-Type", "application/zip")
                .body(new Buffer().write(v.bytes()));
        if (v.etag() != null) {
            ok.setHeader("ETag", v.etag());
        }
        return ok.build();
    }

    /** Closes the relay and the server of a site of its own; a test's server is the test's to stop. */
    @Override
    public synchronized void close() {
        if (!own) {
            return;
        }
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
