package fr.civicgateway.connectors.charts;

import fr.civicgateway.connectors.web.ApiError;
import fr.civicgateway.core.nlu.Language;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * unknown deputy, scrutin, group or format.
 */
@RestController
class ChartController {

    /** Long enough to spare a page's repeated loads; short enough that a refresh of the data shows soon. */
    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic();
    /** An SVG opened by itself must be allowed its own inline styles; nothing else may load. */
    static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";

    private final ChartRenderer charts;

    ChartController(ChartRenderer charts) {
        this.charts = charts;
    }

    @GetMapping("/api/v1/deputies/{uid}/charts/participation.{format}")
    ResponseEntity<Object> participation(@PathVariable String uid, @PathVariable String format,
                                         @RequestParam(required = false) String lang,
                                         @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                         HttpServletRequest request) {
        return serve(new ChartRef(ChartRef.Kind.PARTICIPATION, uid), format, lang, ifNoneMatch, request);
    }

    @GetMapping("/api/v1/deputies/{uid}/charts/positions.{format}")
    ResponseEntity<Object> positions(@PathVariable String uid, @PathVariable String format,
                                     @RequestParam(required = false) String lang,
                                     @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                     HttpServletRequest request) {
        return serve(new ChartRef(ChartRef.Kind.POSITIONS, uid), format, lang, ifNoneMatch, request);
    }

    @GetMapping("/api/v1/scrutins/{number}/charts/groups.{format}")
    ResponseEntity<Object> groups(@PathVariable String number, @PathVariable String format,
                                  @RequestParam(required = false) String lang,
                                  @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                  HttpServletRequest request) {
        return serve(new ChartRef(ChartRef.Kind.GROUPS, number), format, lang, ifNoneMatch, request);
    }

    @GetMapping("/api/v1/groups/{uid}/charts/cohesion.{format}")
    ResponseEntity<Object> cohesion(@PathVariable String uid, @PathVariable String format,
                                    @RequestParam(required = false) String lang,
                                    @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                    HttpServletRequest request) {
        return serve(new ChartRef(ChartRef.Kind.COHESION, uid), format, lang, ifNoneMatch, request);
    }

    private ResponseEntity<Object> serve(ChartRef ref, String extension, String lang, String ifNoneMatch,
                                         HttpServletRequest request) {
        Optional<ChartFormat> known = ChartFormat.of(extension);
        if (known.isEmpty() || !ref.id().matches("[A-Za-z0-9]{1,32}") || !charts.exists(ref)) {
            return notFound(ref);
        }
        ChartFormat format = known.get();
        Language language = language(lang, request);
        String etag = charts.etag(ref, format, language);
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl(CACHE);
        if (format != ChartFormat.CSV) {
            headers.setVary(List.of(HttpHeaders.ACCEPT_LANGUAGE));
        }
        if (matches(ifNoneMatch, etag)) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        Optional<byte[]> drawn = charts.render(ref, format, language);
        if (drawn.isEmpty()) {
            return notFound(ref);
        }
        byte[] body = drawn.get();
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

    /** {@code If-None-Match}: a list of tags, weak ones compared weakly (RFC 9110 §13.1.2), or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String t : ifNoneMatch.split(",")) {
            String tag = t.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
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
