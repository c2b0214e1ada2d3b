package fr.civicgateway.connectors.charts;

import fr.civicgateway.connectors.web.ApiError;
import fr.civicgateway.connectors.web.ApiException;
import fr.civicgateway.connectors.web.ClientRateLimits;
import fr.civicgateway.connectors.web.ContentCoding;
import fr.civicgateway.core.nlu.Language;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The charts under the records API, in SVG, PNG and CSV (docs/journalists/charts.md):
 * {@code GET /api/v1/deputies/{uid}/charts/participation.svg}, {@code …/positions.png},
 * {@code /api/v1/scrutins/{n}/charts/groups.csv}. The language of the words is {@code ?lang=fr|en}, else the first
 * of French or English in {@code Accept-Language}, else French. Cacheable: a strong {@code ETag} from the data's
 * version and the chart, {@code Cache-Control}, {@code 304} to a matching {@code If-None-Match}; {@code 404} for an
 * unknown deputy, scrutin, group or format. As the records API: the per-address rate limit ({@code 429} with
 * {@code Retry-After}), and a {@code 400 invalid_parameter} for an unknown parameter, a bad {@code lang} or an id of
 * the wrong shape.
 */
@RestController
@Tag(name = "Charts", description = "Charts of a deputy's votes, a scrutin and a group: SVG, PNG and their numbers as CSV")
class ChartController {

    /** Long enough to spare a page's repeated loads; short enough that a refresh of the data shows soon. */
    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic();
    /** An SVG opened by itself must be allowed its own inline styles; nothing else may load. */
    static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";
    /** The only query parameter of a chart; anything else is refused, as the records API refuses it. */
    static final List<String> PARAMETERS = List.of("lang");

    private static final Pattern DEPUTY_UID = Pattern.compile("PA\\d{1,12}");
    private static final Pattern ORGANE_UID = Pattern.compile("PO\\d{1,12}");
    private static final Pattern NUMBER = Pattern.compile("[1-9]\\d{0,8}");

    private final ChartRenderer charts;
    private final ClientRateLimits limits;

    ChartController(ChartRenderer charts, ClientRateLimits limits) {
        this.charts = charts;
        this.limits = limits;
    }

    @GetMapping("/api/v1/deputies/{uid}/charts/participation.{format}")
    @Operation(summary = "A deputy's participation in public votes, month by month", description = "The deputy's monthly participation (method an-participation-1) beside the Assembly's median of the same month. "
            + "`format`: svg or png (the drawing, 1000 × 600), or csv (its numbers). Words in French, or English with "
            + "`lang=en` or an `Accept-Language` preferring English.")
    @ChartResponses
    @ApiResponse(responseCode = "404", description = "No such deputy in the data, or another format", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<Object> participation(
            @Parameter(description = "The Assemblée's acteur uid of a deputy", example = "PA720892") @PathVariable String uid,
            @Parameter(description = "svg, png or csv", schema = @Schema(allowableValues = {"svg", "png", "csv"})) @PathVariable String format,
            @Parameter(description = "The words' language (else Accept-Language, else French)", schema = @Schema(allowableValues = {"fr", "en"})) @RequestParam(required = false) String lang,
            @Parameter(description = "An ETag of an earlier answer: 304 while it is current") @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletRequest request) {
        return serve(new ChartRef(ChartRef.Kind.PARTICIPATION, uid), format, lang, ifNoneMatch, request);
    }

    @GetMapping("/api/v1/deputies/{uid}/charts/positions.{format}")
    @Operation(summary = "A deputy's positions by month", description = "Stacked by month: for, against, abstention, non-voting, absent; the same scrutins as the participation. "
            + "`format`: svg or png (the drawing, 1000 × 600), or csv (its numbers). Words in French, or English with "
            + "`lang=en` or an `Accept-Language` preferring English.")
    @ChartResponses
    @ApiResponse(responseCode = "404", description = "No such deputy in the data, or another format", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<Object> positions(
            @Parameter(description = "The Assemblée's acteur uid of a deputy", example = "PA720892") @PathVariable String uid,
            @Parameter(description = "svg, png or csv", schema = @Schema(allowableValues = {"svg", "png", "csv"})) @PathVariable String format,
            @Parameter(description = "The words' language (else Accept-Language, else French)", schema = @Schema(allowableValues = {"fr", "en"})) @RequestParam(required = false) String lang,
            @Parameter(description = "An ETag of an earlier answer: 304 while it is current") @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletRequest request) {
        return serve(new ChartRef(ChartRef.Kind.POSITIONS, uid), format, lang, ifNoneMatch, request);
    }

    @GetMapping("/api/v1/scrutins/{number}/charts/groups.{format}")
    @Operation(summary = "A scrutin's result by group", description = "Stacked by group: for, against, abstention, non-voting, as the Assemblée publishes each group's count. "
            + "`format`: svg or png (the drawing, 1000 × 600), or csv (its numbers). Words in French, or English with "
            + "`lang=en` or an `Accept-Language` preferring English.")
    @ChartResponses
    @ApiResponse(responseCode = "404", description = "No such scrutin in the data, or another format", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<Object> groups(
            @Parameter(description = "The scrutin's number in the legislature", example = "3876") @PathVariable String number,
            @Parameter(description = "svg, png or csv", schema = @Schema(allowableValues = {"svg", "png", "csv"})) @PathVariable String format,
            @Parameter(description = "The words' language (else Accept-Language, else French)", schema = @Schema(allowableValues = {"fr", "en"})) @RequestParam(required = false) String lang,
            @Parameter(description = "An ETag of an earlier answer: 304 while it is current") @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletRequest request) {
        return serve(new ChartRef(ChartRef.Kind.GROUPS, number), format, lang, ifNoneMatch, request);
    }

    @GetMapping("/api/v1/groups/{uid}/charts/cohesion.{format}")
    @Operation(summary = "A group's cohesion by month", description = "The group's mean Rice index of each month (method an-cohesion-1). "
            + "`format`: svg or png (the drawing, 1000 × 600), or csv (its numbers). Words in French, or English with "
            + "`lang=en` or an `Accept-Language` preferring English.")
    @ChartResponses
    @ApiResponse(responseCode = "404", description = "No such group in the data, or another format", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<Object> cohesion(
            @Parameter(description = "The Assemblée's organe uid of a group", example = "PO845413") @PathVariable String uid,
            @Parameter(description = "svg, png or csv", schema = @Schema(allowableValues = {"svg", "png", "csv"})) @PathVariable String format,
            @Parameter(description = "The words' language (else Accept-Language, else French)", schema = @Schema(allowableValues = {"fr", "en"})) @RequestParam(required = false) String lang,
            @Parameter(description = "An ETag of an earlier answer: 304 while it is current") @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletRequest request) {
        return serve(new ChartRef(ChartRef.Kind.COHESION, uid), format, lang, ifNoneMatch, request);
    }

    private ResponseEntity<Object> serve(ChartRef ref, String extension, String lang, String ifNoneMatch,
                                         HttpServletRequest request) {
        // The limit first: a PNG is the dearest answer of the API to draw.
        limits.address(request);
        checkParameters(request.getParameterMap(), lang);
        checkId(ref);
        Optional<ChartFormat> known = ChartFormat.of(extension);
        if (known.isEmpty() || !charts.exists(ref)) {
            return notFound(ref);
        }
        ChartFormat format = known.get();
        Language language = language(lang, request);
        // A PNG is compressed already: never gzipped, so it does not vary by Accept-Encoding.
        boolean gzip = ChartRenderer.compressed(format)
                && ContentCoding.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        String identityTag = charts.etag(ref, format, language);
        String gzipTag = ContentCoding.gzipTag(identityTag);
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl(CACHE);
        List<String> vary = new ArrayList<>();
        if (format != ChartFormat.CSV) {
            vary.add(HttpHeaders.ACCEPT_LANGUAGE);
        }
        if (ChartRenderer.compressed(format)) {
            vary.add(HttpHeaders.ACCEPT_ENCODING);
        }
        if (!vary.isEmpty()) {
            headers.setVary(vary);
        }
        // Either variant's tag is a 304 carrying the tag it matched: the same chart, and a cache updates the one it has.
        String matched = ChartRenderer.compressed(format)
                ? ContentCoding.matchingTag(ifNoneMatch, gzip ? gzipTag : identityTag, gzip ? identityTag : gzipTag)
                : ContentCoding.matchingTag(ifNoneMatch, identityTag);
        if (matched != null) {
            headers.setETag(matched);
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.setETag(gzip ? gzipTag : identityTag);
        Optional<byte[]> drawn = gzip ? charts.renderGzipped(ref, format, language) : charts.render(ref, format, language);
        if (drawn.isEmpty()) {
            return notFound(ref);
        }
        byte[] body = drawn.get();
        if (gzip) {
            headers.set(HttpHeaders.CONTENT_ENCODING, ContentCoding.GZIP);
        }
        headers.setContentType(MediaType.parseMediaType(format.mediaType));
        switch (format) {
            case CSV -> headers.setContentDisposition(ContentDisposition.attachment()
                    .filename(ref.fileName() + ".csv").build());
            case SVG -> headers.set("Content-Security-Policy", SVG_POLICY);
            case PNG -> headers.setContentDisposition(ContentDisposition.inline()
                    .filename(ref.fileName() + ".png").build());
        }
        headers.set(HttpHeaders.CONTENT_LANGUAGE, language == Language.EN ? "en" : "fr");
        return new ResponseEntity<>(body, headers, HttpStatus.OK);
    }

    /** API.md's error body, as every API error. */
    private static ResponseEntity<Object> notFound(ChartRef ref) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("not_found", "No such chart: " + ref.path()
                        + " (an unknown deputy, scrutin or group, or a format other than svg, png, csv)."));
    }

    /** As the records API: an unknown parameter, a repeated one or a bad {@code lang} is a 400 that names it. */
    static void checkParameters(Map<String, String[]> given, String lang) {
        Set<String> unknown = new TreeSet<>(given.keySet());
        PARAMETERS.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw invalid("Unknown parameter " + String.join(", ", unknown.stream().map(u -> "\"" + safe(u) + "\"")
                    .toList()) + "; a chart accepts " + String.join(", ", PARAMETERS) + ".");
        }
        for (Map.Entry<String, String[]> e : given.entrySet()) {
            if (e.getValue().length > 1) {
                throw invalid("\"" + e.getKey() + "\" must be given once.");
            }
        }
        if (lang != null && !lang.equalsIgnoreCase("fr") && !lang.equalsIgnoreCase("en")) {
            throw invalid("\"lang\" must be fr or en; got \"" + safe(lang) + "\".");
        }
    }

    /** As the records API: an id of the wrong shape is a 400 (an id of the right shape the data lacks, a 404). */
    private static void checkId(ChartRef ref) {
        String id = ref.id();
        switch (ref.kind()) {
            case PARTICIPATION, POSITIONS -> {
                if (!DEPUTY_UID.matcher(id).matches()) {
                    throw invalid("A deputy's id is the Assemblée's acteur uid, \"PA\" and digits (PA720892); got \""
                            + safe(id) + "\".");
                }
            }
            case GROUPS -> {
                if (!NUMBER.matcher(id).matches()) {
                    throw invalid("A scrutin's id is its number in the legislature, a whole number from 1 (3876); got \""
                            + safe(id) + "\".");
                }
            }
            case COHESION -> {
                if (!ORGANE_UID.matcher(id).matches()) {
                    throw invalid("A group's id is the Assemblée's organe uid, \"PO\" and digits (PO845413); got \""
                            + safe(id) + "\".");
                }
            }
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_parameter", message);
    }

    /** A value repeated in an error message: cut, and without control characters. */
    private static String safe(String value) {
        String v = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        StringBuilder s = new StringBuilder();
        v.codePoints().forEach(c -> s.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
        return s.toString();
    }

    private static Language language(String lang, HttpServletRequest request) {
        if (lang != null) {
            return "en".equalsIgnoreCase(lang) ? Language.EN : Language.FR;
        }
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return Language.FR;
        }
        Enumeration<Locale> locales = request.getLocales();
        while (locales.hasMoreElements()) {
            String l = locales.nextElement().getLanguage();
            if (l.equals("fr")) {
                return Language.FR;
            }
            if (l.equals("en")) {
                return Language.EN;
            }
        }
        return Language.FR;
    }
}
