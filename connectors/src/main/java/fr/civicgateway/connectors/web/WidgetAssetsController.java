package fr.civicgateway.connectors.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The widget's script and stylesheet, fetched by every page of every town's site that embeds it: gzipped once at
 * start-up (not per request), cacheable for an hour and then revalidated by an ETag that is a hash of the content,
 * so that a new release is seen within the hour and an unchanged file costs a 304 without body. The embed snippet
 * keeps its plain {@code /widget.js} address: no versioned URL to update on the towns' sites.
 */
@RestController
class WidgetAssetsController {

    static final Duration MAX_AGE = Duration.ofHours(1);
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8);
    private static final MediaType CSS = new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8);

    private final Asset script = Asset.load("static/widget.js", JAVASCRIPT);
    private final Asset stylesheet = Asset.load("static/widget.css", CSS);

    @GetMapping("/widget.js")
    ResponseEntity<byte[]> script(@RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
        return script.response(acceptEncoding);
    }

    @GetMapping("/widget.css")
    ResponseEntity<byte[]> stylesheet(@RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
        return stylesheet.response(acceptEncoding);
    }

    record Asset(byte[] plain, byte[] gzipped, String etag, MediaType type) {

        static Asset load(String resource, MediaType type) {
            try (InputStream in = WidgetAssetsController.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing from the class path: " + resource);
                }
                byte[] plain = in.readAllBytes();
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(plain);
                // Weak: the gzipped and the plain bytes are the same file, so both share it.
                return new Asset(plain, ContentCoding.gzip(plain), "W/\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"", type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A conditional GET with the current ETag gets a 304 from Spring's handling of ResponseEntity's ETag. */
        ResponseEntity<byte[]> response(String acceptEncoding) {
            boolean gzip = ContentCoding.acceptsGzip(acceptEncoding);
            ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                    .contentType(type)
                    .cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
                    .eTag(etag)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            if (gzip) {
                ok.header(HttpHeaders.CONTENT_ENCODING, ContentCoding.GZIP);
            }
            return ok.body(gzip ? gzipped : plain);
        }
    }
}
