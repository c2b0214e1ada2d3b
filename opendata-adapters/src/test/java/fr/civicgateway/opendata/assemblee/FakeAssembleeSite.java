package fr.civicgateway.opendata.assemblee;

import java.util.Map;
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
 * The Assemblée's open-data site, as far as the refresh sees it: each archive's path serves its current version with
 * an ETag and answers a matching {@code If-None-Match} with 304, or fails as a test says.
 */
final class FakeAssembleeSite extends Dispatcher {

    static final String AMO10 = "/static/openData/repository/17/amo/deputes_actifs_mandats_actifs_organes/"
            + "AMO10_deputes_actifs_mandats_actifs_organes.json.zip";
    static final String AMO30 = "/static/openData/repository/17/amo/tous_acteurs_mandats_organes_xi_legislature/"
            + "AMO30_tous_acteurs_tous_mandats_tous_organes_historique.json.zip";
    static final String SCRUTINS = "/static/openData/repository/17/loi/scrutins/Scrutins.json.zip";

    private record Version(byte[] bytes, String etag) {
    }

    private final MockWebServer server;
    private final Map<String, Version> versions = new ConcurrentHashMap<>();
    private final Map<String, Supplier<MockResponse>> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, RecordedRequest> last = new ConcurrentHashMap<>();

    FakeAssembleeSite(MockWebServer server) {
        this.server = server;
        server.setDispatcher(this);
    }

    AssembleeRefresh.Sources sources() {
        return new AssembleeRefresh.Sources(url(AMO10), url(AMO30), url(SCRUTINS));
    }

    HttpUrl url(String path) {
        return server.url(path);
    }

    /** Serves this version from now on, with this ETag (null: none). */
    void serve(String path, byte[] bytes, String etag) {
        versions.put(path, new Version(bytes, etag));
        failures.remove(path);
    }

    void fail(String path, Supplier<MockResponse> response) {
        failures.put(path, response);
    }

    int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    RecordedRequest lastRequest(String path) {
        return last.get(path);
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
}
