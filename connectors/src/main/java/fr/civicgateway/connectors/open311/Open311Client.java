package fr.civicgateway.connectors.open311;

import fr.civicgateway.connectors.web.WebAttachments;
import fr.civicgateway.core.reports.Report;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of a peer's Open311 GeoReport v2 endpoint (the municipality's FixMyStreet, its works-management tool):
 * reads its service list and posts requests, form-encoded as the specification says. Thread-safe; one call per
 * method, no retry (the forwarding outbox retries). Every failure — network, timeout, an HTTP error, an answer that is
 * not GeoReport — is an {@link Open311ClientException} whose message carries no personal data.
 */
final class Open311Client {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String jurisdictionId;
    private final String apiKey;
    private final String publicBase;

    /**
     * @param base           the endpoint's base URL, e.g. {@code https://open311.example.fr/v2/} (ending with a slash)
     * @param jurisdictionId sent with every call when not null
     * @param apiKey         sent with posted requests when not null
     */
    Open311Client(OkHttpClient http, HttpUrl base, String jurisdictionId, String apiKey) {
        this(http, base, jurisdictionId, apiKey, null);
    }

    /** @param publicBase {@code civic.public-url}, under which a web photo is served; null: only URLs are photos */
    Open311Client(OkHttpClient http, HttpUrl base, String jurisdictionId, String apiKey, String publicBase) {
        this.publicBase = publicBase;
        this.http = http;
        this.base = base;
        this.jurisdictionId = jurisdictionId;
        this.apiKey = apiKey;
    }

    /** A service of the peer's list, its fields normalised (missing text → "", metadata as a boolean). */
    record Service(String code, String name, String description, boolean metadata, String type, List<String> keywords,
                   String group) {
    }

    List<Service> services() {
        HttpUrl.Builder url = base.newBuilder().addPathSegment("services.json");
        if (jurisdictionId != null) {
            url.addQueryParameter("jurisdiction_id", jurisdictionId);
        }
        return parseServices(call(new Request.Builder().url(url.build()).get().build()));
    }

    /** Posts a report; returns the peer's {@code service_request_id} (or {@code token:<token>} if it gave a token). */
    String post(Report r, String serviceCode) {
        FormBody.Builder form = new FormBody.Builder();
        if (jurisdictionId != null) {
            form.add("jurisdiction_id", jurisdictionId);
        }
        if (apiKey != null) {
            form.add("api_key", apiKey);
        }
        form.add("service_code", serviceCode);
        if (r.location().hasPosition()) {
            form.add("lat", Double.toString(r.location().latitude()));
            form.add("long", Double.toString(r.location().longitude()));
        }
        if (r.location().address() != null) {
            form.add("address_string", r.location().address());
        }
        form.add("description", r.description());
        if (r.contact() != null) {
            // The citizen gave it for the municipality: it goes only there, as the chat told them.
            form.add(r.contact().contains("@") ? "email" : "phone", r.contact());
        }
        // Only an https photo: the peer fetches it from outside (a web upload, served by this gateway under its
        // public address; a Telegram file id is nothing the peer could fetch).
        String media = publicBase == null
                ? (r.photoReference() != null && r.photoReference().startsWith("https://") ? r.photoReference() : null)
                : WebAttachments.publicUrl(publicBase, r.photoReference()).orElse(null);
        if (media != null && media.startsWith("https://")) {
            form.add("media_url", media);
        }
        JsonNode answer = call(new Request.Builder().url(base.newBuilder().addPathSegment("requests.json").build())
                .post(form.build()).build());
        JsonNode first = answer.isArray() && !answer.isEmpty() ? answer.get(0) : answer;
        String id = text(first, "service_request_id");
        if (!id.isEmpty()) {
            return id;
        }
        String token = text(first, "token");
        if (!token.isEmpty()) {
            return "token:" + token;
        }
        throw new Open311ClientException("the endpoint answered without service_request_id or token");
    }

    static List<Service> parseServices(JsonNode root) {
        if (!root.isArray()) {
            throw new Open311ClientException("the service list is not a JSON array");
        }
        List<Service> out = new ArrayList<>();
        for (JsonNode s : root) {
            String code = text(s, "service_code");
            if (code.isEmpty()) {
                throw new Open311ClientException("a service without service_code");
            }
            JsonNode metadata = s.path("metadata");
            // Peers write metadata as a boolean or as the string "true"/"false".
            boolean hasMetadata = metadata.isBoolean() ? metadata.asBoolean()
                    : "true".equals(metadata.asString("").strip().toLowerCase(Locale.ROOT));
            List<String> keywords = new ArrayList<>();
            JsonNode k = s.path("keywords");
            if (k.isArray()) {
                k.forEach(w -> keywords.add(w.asString("").strip()));
            } else {
                for (String w : k.asString("").split(",")) {
                    if (!w.isBlank()) {
                        keywords.add(w.strip());
                    }
                }
            }
            out.add(new Service(code, text(s, "service_name"), text(s, "description"), hasMetadata, text(s, "type"),
                    List.copyOf(keywords), text(s, "group")));
        }
        return out;
    }

    private JsonNode call(Request request) {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (!response.isSuccessful()) {
                throw new Open311ClientException("HTTP " + response.code() + " " + describeError(text), response.code());
            }
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new Open311ClientException("cannot reach the endpoint: " + e.getClass().getSimpleName(), e);
        } catch (JacksonException e) {
            throw new Open311ClientException("the answer is not JSON", e);
        }
    }

    /** The spec's error description, when the body has one (it describes the request, not the citizen). */
    private static String describeError(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            JsonNode first = n.isArray() && !n.isEmpty() ? n.get(0) : n;
            String d = text(first, "description");
            return d.length() > 200 ? d.substring(0, 200) : d;
        } catch (JacksonException e) {
            return "";
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() ? "" : v.asString("").strip();
    }

    /** Anything that went wrong talking to the peer. */
    static final class Open311ClientException extends RuntimeException {

        /** The peer's HTTP status, or 0 when it did not answer with an error status. */
        private final int status;

        Open311ClientException(String message) {
            this(message, 0);
        }

        Open311ClientException(String message, int status) {
            super(message);
            this.status = status;
        }

        Open311ClientException(String message, Throwable cause) {
            super(message, cause);
            this.status = 0;
        }

        /**
         * The peer refused this request for good: a 4xx says the request itself is wrong (an unknown service code,
         * a missing field, a refused key), and sending it again will not change that — except 408 (timeout) and 429
         * (too many requests), which say "later".
         */
        boolean refused() {
            return status >= 400 && status < 500 && status != 408 && status != 429;
        }
    }
}
