package fr.civicgateway.opendata.local;

import fr.civicgateway.core.local.LocalDataException;
import fr.civicgateway.core.local.LocalItem;
import fr.civicgateway.opendata.http.ConditionalDownloader;
import fr.civicgateway.opendata.http.ConditionalDownloader.Downloaded;
import fr.civicgateway.opendata.http.ConditionalDownloader.Validators;
import fr.civicgateway.opendata.http.DownloadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An OpenDataSoft dataset through the Explore API v2.1, the platform of many French cities' portals.
 *
 * <ol>
 *   <li>{@code GET {portal}/api/explore/v2.1/catalog/datasets/{dataset}}: the dataset's {@code metas.default}
 *       {@code data_processed} (else {@code modified}) is the date of the data, and tells whether the held version is
 *       still current (then nothing else is fetched);</li>
 *   <li>{@code GET …/records?limit=100&offset=…} with the configured {@code where} and {@code select} (and
 *       {@code order_by} the id field, for pages that follow each other), until {@code total_count} records are read.
 *       The API serves 100 records a call and no further than offset + limit = 10,000;</li>
 *   <li>beyond 10,000 matching records, one {@code GET …/exports/json} with the same filter instead (the exports
 *       endpoint has no such limit), streamed to disk under the size cap by {@link ConditionalDownloader}.</li>
 * </ol>
 *
 * <p>The API calls are plain JSON GETs made here rather than through {@link ConditionalDownloader}: an API's error
 * body ({@code {"error_code": "ODSQLQueryError", "message": "…"}}) says what is wrong with a {@code where}, and the
 * operator needs to read it. Every body counts against the source's size cap, pages together. A dataset whose
 * {@code total_count} changes between pages is read again at the next attempt rather than stitched together.
 */
final class OpenDataSoftFetcher implements Fetcher<LocalItem> {

    static final int PAGE = 100;
    /** The records endpoint's offset + limit ceiling. */
    static final int RECORDS_API_LIMIT = 10_000;

    private final AdapterConfig config;
    private final AdapterConfig.Ods ods;
    private final OkHttpClient http;
    private final ConditionalDownloader downloader;
    private final long maxBytes;
    private final Path work;
    private final Clock clock;
    private final int recordsLimit;

    /**
     * @param http         the source's client (with its {@code Authorization: Apikey …} interceptor when a key is set)
     * @param recordsLimit the records endpoint's ceiling, {@link #RECORDS_API_LIMIT}; tests lower it
     */
    OpenDataSoftFetcher(AdapterConfig config, OkHttpClient http, ConditionalDownloader downloader, long maxBytes,
                        Path work, Clock clock, int recordsLimit) {
        this.config = config;
        this.ods = config.ods();
        this.http = http;
        this.downloader = downloader;
        this.maxBytes = maxBytes;
        this.work = work;
        this.clock = clock;
        this.recordsLimit = recordsLimit;
    }

    static HttpUrl datasetUrl(AdapterConfig.Ods ods) {
        return ods.portal().newBuilder().addPathSegments("api/explore/v2.1/catalog/datasets")
                .addPathSegment(ods.dataset()).query(null).build();
    }

    @Override
    public Optional<Fetched<LocalItem>> fetch(Version<LocalItem> held) throws FetchException {
        long[] budget = {maxBytes};
        JsonNode dataset = get(datasetUrl(ods), budget);
        JsonNode metas = dataset.path("metas").path("default");
        String processed = metas.path("data_processed").asString(null);
        String marker = processed != null ? processed : metas.path("modified").asString(null);
        if (held != null && marker != null && marker.equals(held.marker())) {
            return Optional.empty();
        }
        LocalDate dataDate = date(marker);
        JsonNode first = get(records(0, PAGE), budget);
        long total = totalCount(first);
        List<JsonNode> records;
        Path raw;
        if (total > recordsLimit) {
            Downloaded export = export();
            try {
                records = Records.jsonArray(export.file(), exportUrl().toString());
            } catch (IOException | LocalDataException | JacksonException e) {
                UrlFileFetcher.delete(export.file());
                throw new FetchException(shown(exportUrl()) + ": " + e.getMessage(), e);
            }
            raw = export.file();
        } else {
            records = new ArrayList<>();
            JsonNode page = first;
            while (true) {
                JsonNode results = page.path("results");
                results.forEach(records::add);
                if (records.size() >= total) {
                    break;
                }
                if (results.isEmpty()) {
                    throw new FetchException(shown(records(records.size(), PAGE)) + ": no record at offset "
                            + records.size() + " of " + total);
                }
                int limit = (int) Math.min(PAGE, recordsLimit - records.size());
                page = get(records(records.size(), limit), budget);
                long again = totalCount(page);
                if (again != total) {
                    throw new FetchException(shown(datasetUrl(ods)) + ": the dataset changed while it was read ("
                            + total + " then " + again + " records); it is read again at the next attempt");
                }
            }
            raw = write(records);
        }
        try {
            List<LocalItem> items = Records.ods(config, records, shown(datasetUrl(ods)));
            return Optional.of(new Fetched<>(items, dataDate, Validators.NONE, marker, raw));
        } catch (RuntimeException e) {
            UrlFileFetcher.delete(raw);
            throw new FetchException(e.getMessage(), e);
        }
    }

    private HttpUrl records(int offset, int limit) {
        return query(datasetUrl(ods).newBuilder().addPathSegment("records"))
                .addQueryParameter("limit", Integer.toString(limit))
                .addQueryParameter("offset", Integer.toString(offset)).build();
    }

    private HttpUrl exportUrl() {
        return query(datasetUrl(ods).newBuilder().addPathSegments("exports/json")).build();
    }

    private HttpUrl.Builder query(HttpUrl.Builder b) {
        if (ods.select() != null) {
            b.addQueryParameter("select", ods.select());
        }
        if (ods.where() != null) {
            b.addQueryParameter("where", ods.where());
        }
        if (config.fields().containsKey("id")) {
            b.addQueryParameter("order_by", config.fields().get("id"));
        }
        return b;
    }

    private Downloaded export() throws FetchException {
        try {
            return (Downloaded) downloader.download(exportUrl(), Validators.NONE, work);
        } catch (DownloadException e) {
            throw new FetchException(e.getMessage(), e);
        }
    }

    private Path write(List<JsonNode> records) throws FetchException {
        try {
            Path file = Files.createTempFile(work, ".records-", ".json");
            Records.JSON.writeValue(file.toFile(), records);
            return file;
        } catch (IOException | JacksonException e) {
            throw new FetchException("cannot write the records of " + config.id() + " to the cache directory ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private long totalCount(JsonNode page) throws FetchException {
        if (!page.path("total_count").isIntegralNumber() || !page.path("results").isArray()) {
            throw new FetchException(shown(datasetUrl(ods)) + "/records: the answer is not a records page"
                    + " (no total_count and results)");
        }
        return page.get("total_count").asLong();
    }

    private LocalDate date(String marker) {
        if (marker != null) {
            try {
                return OffsetDateTime.parse(marker).atZoneSameInstant(clock.getZone()).toLocalDate();
            } catch (DateTimeParseException e) {
                if (marker.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                    return LocalDate.parse(marker.substring(0, 10));
                }
            }
        }
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    /** One JSON GET under what is left of the size budget; an API error's own message is kept. */
    private JsonNode get(HttpUrl url, long[] budget) throws FetchException {
        Request request = new Request.Builder().url(url).header("Accept", "application/json").build();
        byte[] body;
        int code;
        try (Response response = http.newCall(request).execute()) {
            code = response.code();
            body = capped(response.body(), url, budget);
        } catch (IOException e) {
            throw new FetchException(shown(url) + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        if (code / 100 != 2) {
            // The API explains its refusals in JSON ({"error_code": …, "message": …}); a proxy's error page does not.
            String detail = null;
            try {
                JsonNode error = Records.JSON.readTree(body);
                String why = error.path("error_code").asString(null);
                String message = error.path("message").asString(null);
                if (why != null || message != null) {
                    detail = (why == null ? "" : why + ": ") + (message == null ? "" : oneLine(message));
                }
            } catch (JacksonException notJson) {
                // no detail to add
            }
            throw new FetchException(shown(url) + ": HTTP " + code + (detail == null ? "" : " (" + detail + ")"));
        }
        JsonNode json;
        try {
            json = Records.JSON.readTree(body);
        } catch (JacksonException e) {
            throw new FetchException(shown(url) + ": the answer is not JSON");
        }
        return json;
    }

    private byte[] capped(ResponseBody body, HttpUrl url, long[] budget) throws IOException, FetchException {
        long declared = body.contentLength();
        if (declared > budget[0]) {
            throw new FetchException(shown(url) + ": announced " + declared + " bytes, more than the "
                    + maxBytes + " bytes this source may take");
        }
        BufferedSource source = body.source();
        if (source.request(budget[0] + 1)) {
            throw new FetchException(shown(url) + ": more than the " + maxBytes + " bytes this source may take");
        }
        byte[] bytes = source.getBuffer().readByteArray();
        budget[0] -= bytes.length;
        return bytes;
    }

    private static String shown(HttpUrl url) {
        return url.newBuilder().query(null).build().toString();
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
