package fr.civicgateway.connectors.open311;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.reports.NewReport;
import fr.civicgateway.core.reports.Report;
import fr.civicgateway.core.reports.ReportCategories;
import fr.civicgateway.core.reports.ReportLocation;
import fr.civicgateway.core.reports.ReportQuery;
import fr.civicgateway.core.reports.ReportStatus;
import fr.civicgateway.core.reports.ReportStore;
import fr.civicgateway.core.reports.ServiceCategory;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An Open311 GeoReport v2 server over the gateway's reports, for the municipality's tools: the service list, the
 * service definitions, posting a request (with the API key of {@code CIVIC_OPEN311_API_KEY}) and querying requests.
 * JSON only. {@code jurisdiction_id} is accepted and ignored: the gateway serves one jurisdiction.
 *
 * <p>What a request shows: its status, note, category, description, place and dates — never the citizen's contact
 * nor the conversation it came from. A posted request keeps only what serves: the e-mail or phone it carries as the
 * contact, no names, no device or account ids.
 */
@RestController
@RequestMapping(path = "/open311/v2", produces = MediaType.APPLICATION_JSON_VALUE)
class Open311Controller {

    /** The channel of the reports posted here, by the municipality's own tools. */
    static final String CHANNEL = "open311";
    /** What {@code GET requests.json} returns at most, and the window it looks back without dates (the spec's defaults). */
    static final int MAX_REQUESTS = 1000;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    /** Plain decimal degrees: digits, an optional sign and fraction; no exponent, hex, suffix, NaN nor Infinity. */
    static final Pattern DECIMAL_DEGREES = Pattern.compile("[+-]?[0-9]{1,3}(\\.[0-9]{1,15})?");

    private final ReportStore store;
    private final java.time.ZoneId zone;
    private final ReportCategories categories;
    private final Clock clock;
    private final byte[] apiKey;
    private final String publicBase;

    /**
     * @param zone  the town's time zone ({@code civic.town.time-zone}): the offset of the dates shown
     * @param links the gateway's public address ({@code civic.public-url}): a web photo's {@code media_url} is under it
     */
    Open311Controller(ReportStore store, ReportCategories categories, Clock clock, Open311ApiKey apiKey,
                      java.time.ZoneId zone, MethodLinks links) {
        this.zone = zone;
        this.publicBase = links.base();
        this.store = store;
        this.categories = categories;
        this.clock = clock;
        this.apiKey = apiKey.value() == null ? null : apiKey.value().getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping("/services.json")
    List<Map<String, Object>> services(@RequestParam(name = "locale", required = false) String locale) {
        boolean english = "en".equalsIgnoreCase(locale);
        return categories.all().stream().map(c -> Open311Json.service(c, english)).toList();
    }

    @GetMapping("/services/{code}.json")
    Map<String, Object> definition(@PathVariable String code) {
        ServiceCategory c = categories.byCode(code)
                .orElseThrow(() -> new Open311Exception(404, "service_code not found"));
        return Open311Json.definition(c);
    }

    @PostMapping(path = "/requests.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    List<Map<String, Object>> post(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
        if (inQueryString(request, "api_key")) {
            // An address is written to access logs and proxies' logs: the key would leak there.
            throw new Open311Exception(400, "api_key must be sent in the form body, never in the URL");
        }
        checkApiKey(form.getFirst("api_key"));
        form.forEach((name, values) -> {
            for (String v : values) {
                if (hasControlCharacter(v)) {
                    throw new Open311Exception(400, name + " must not contain control characters (such as NUL); "
                            + "only tabs and line breaks are accepted");
                }
            }
        });
        String code = form.getFirst("service_code");
        if (code == null || code.isBlank()) {
            throw new Open311Exception(400, "service_code is required");
        }
        if (categories.byCode(code).isEmpty()) {
            throw new Open311Exception(400, "service_code not found");
        }
        ReportLocation location = location(form);
        String description = form.getFirst("description");
        if (description == null || description.isBlank()) {
            throw new Open311Exception(400, "description is required");
        }
        if (description.strip().length() > NewReport.MAX_DESCRIPTION_LENGTH) {
            throw new Open311Exception(400, "description must be at most " + NewReport.MAX_DESCRIPTION_LENGTH + " characters");
        }
        String contact = firstNonBlank(form.getFirst("email"), form.getFirst("phone"));
        if (contact != null && contact.length() > NewReport.MAX_CONTACT_LENGTH) {
            throw new Open311Exception(400, "email or phone must be at most " + NewReport.MAX_CONTACT_LENGTH + " characters");
        }
        String media = firstNonBlank(form.getFirst("media_url"), null);
        if (media != null && (media.length() > 256 || !(media.startsWith("https://") || media.startsWith("http://")))) {
            throw new Open311Exception(400, "media_url must be an http(s) URL of at most 256 characters");
        }
        Report r = store.submit(new NewReport(code, description, location, media, contact, CHANNEL, null), clock.instant());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", String.valueOf(r.id()));
        m.put("service_notice", null);
        m.put("account_id", null);
        return List.of(m);
    }

    @GetMapping("/requests.json")
    List<Map<String, Object>> requests(@RequestParam(name = "service_request_id", required = false) String ids,
                                       @RequestParam(name = "service_code", required = false) String codes,
                                       @RequestParam(name = "start_date", required = false) String start,
                                       @RequestParam(name = "end_date", required = false) String end,
                                       @RequestParam(name = "status", required = false) String status) {
        List<Long> idList = new ArrayList<>();
        for (String id : split(ids)) {
            idList.add(id(id));
        }
        Instant from = start == null ? null : datetime("start_date", start);
        Instant to = end == null ? null : datetime("end_date", end);
        if (idList.isEmpty() && from == null && to == null) {
            from = clock.instant().minus(DEFAULT_WINDOW);
        }
        ReportStatus only = null;
        List<String> statuses = split(status);
        if (statuses.size() == 1) {
            only = ReportStatus.fromApiName(statuses.getFirst())
                    .orElseThrow(() -> new Open311Exception(400, "status must be open or closed"));
        } else {
            for (String s : statuses) {
                ReportStatus.fromApiName(s).orElseThrow(() -> new Open311Exception(400, "status must be open or closed"));
            }
        }
        List<Report> found = store.query(new ReportQuery(idList, split(codes), from, to, only, MAX_REQUESTS));
        return found.stream().map(this::json).toList();
    }

    @GetMapping("/requests/{id}.json")
    List<Map<String, Object>> request(@PathVariable String id) {
        Report r = store.find(id(id)).orElseThrow(() -> new Open311Exception(404, "service_request_id not found"));
        return List.of(json(r));
    }

    private Map<String, Object> json(Report r) {
        return Open311Json.request(r, categories.byCode(r.serviceCode()).map(c -> c.nameFr()).orElse(r.serviceCode()), zone, publicBase);
    }

    private void checkApiKey(String given) {
        if (apiKey == null) {
            throw new Open311Exception(403, "Posting requests is disabled: no API key is configured on this server.");
        }
        if (given == null || !MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.UTF_8), apiKey)) {
            throw new Open311Exception(403, "api_key is missing or invalid");
        }
    }

    private static ReportLocation location(MultiValueMap<String, String> form) {
        String lat = form.getFirst("lat");
        String lon = form.getFirst("long");
        String address = firstNonBlank(form.getFirst("address_string"), null);
        Double latitude = null;
        Double longitude = null;
        if (lat != null && !lat.isBlank() || lon != null && !lon.isBlank()) {
            // Double.valueOf alone takes NaN, Infinity, hex (0x1p3) and suffixes (2.3d): none is a coordinate.
            if (lat == null || lon == null || !DECIMAL_DEGREES.matcher(lat.strip()).matches()
                    || !DECIMAL_DEGREES.matcher(lon.strip()).matches()) {
                throw new Open311Exception(400, "lat and long must both be decimal degrees, such as 45.899 and 6.129");
            }
            latitude = Double.valueOf(lat.strip());
            longitude = Double.valueOf(lon.strip());
        }
        if (latitude == null && address == null) {
            throw new Open311Exception(400, "a location is required: lat and long, or address_string");
        }
        // Checked here rather than through ReportLocation's messages, which repeat the values sent.
        if (latitude != null && (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180)) {
            throw new Open311Exception(400, "lat must be between -90 and 90 and long between -180 and 180");
        }
        if (address != null && address.length() > ReportLocation.MAX_ADDRESS_LENGTH) {
            throw new Open311Exception(400, "address_string must be at most " + ReportLocation.MAX_ADDRESS_LENGTH + " characters");
        }
        return new ReportLocation(latitude, longitude, address, null);
    }

    /** A C0 control character but tab, line feed and carriage return: PostgreSQL refuses NUL in text for ever. */
    static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    private static boolean inQueryString(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            String key = pair.split("=", 2)[0];
            try {
                key = URLDecoder.decode(key, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // a broken escape names no parameter
            }
            if (key.strip().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static long id(String id) {
        try {
            long n = Long.parseLong(id.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new Open311Exception(404, "service_request_id not found");
    }

    private static Instant datetime(String name, String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Exception(400, name + " must be a W3C datetime such as 2026-01-01T00:00:00Z");
        }
    }

    private static List<String> split(String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b != null && !b.isBlank() ? b.strip() : null;
    }
}
