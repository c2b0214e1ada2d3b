package fr.civicgateway.opendata.local;

import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * An OpenDataSoft portal serving one dataset, {@code chantiers-a-paris}, through the Explore API v2.1 endpoints the
 * adapter calls: the dataset's description, its records page by page ({@code limit}, {@code offset}; at most 100 a
 * page, as the real API), and its JSON export. The records are real ({@link ShippedWorksites}); the filter a request
 * names is not evaluated here: the test chooses the rows that match it and checks that the request carried it. It can
 * be switched down (503), to garbage (an HTML page with status 200), to an API error, or to slow (two seconds before
 * its headers).
 */
final class FakeOpenDataSoftPortal extends Dispatcher {

    static final String BASE = "/api/explore/v2.1/catalog/datasets/chantiers-a-paris";

    enum Mode { UP, DOWN, GARBAGE, ODSQL_ERROR, SLOW }

    volatile List<List<String>> rows;
    volatile String processed;
    volatile Mode mode = Mode.UP;

    FakeOpenDataSoftPortal(List<List<String>> rows, String processed) {
        this.rows = rows;
        this.processed = processed;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        switch (mode) {
            case DOWN -> {
                return new MockResponse.Builder().code(503).body("Service Unavailable").build();
            }
            case GARBAGE -> {
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                        .body("<html><body>Maintenance en cours</body></html>").build();
            }
            case ODSQL_ERROR -> {
                // The shape of the API's errors: an error code and a message for the developer.
                return new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
                        .body("{\"error_code\": \"ODSQLError\", \"message\": \"Query is malformed: unknown field"
                                + " chantier_categori\"}").build();
            }
            case SLOW -> {
                return new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS)
                        .body(ShippedWorksites.odsDataset(processed)).build();
            }
            default -> {
            }
        }
        String path = url.encodedPath();
        if (path.equals(BASE)) {
            return json(ShippedWorksites.odsDataset(processed));
        }
        if (path.equals(BASE + "/records")) {
            int limit = Integer.parseInt(url.queryParameter("limit"));
            int offset = url.queryParameter("offset") == null ? 0 : Integer.parseInt(url.queryParameter("offset"));
            if (limit > 100 || offset + limit > 10_000) {
                return new MockResponse.Builder().code(400).body("{\"error_code\": \"InvalidRESTParameterError\","
                        + " \"message\": \"Invalid value for limit or offset\"}").build();
            }
            return json(ShippedWorksites.odsPage(rows, offset, limit));
        }
        if (path.equals(BASE + "/exports/json")) {
            return json(ShippedWorksites.odsExport(rows));
        }
        return new MockResponse.Builder().code(404).body("{\"error_code\": \"NotFound\", \"message\": \"" + path
                + "\"}").build();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json; charset=utf-8").body(body)
                .build();
    }
}
