package fr.civicgateway.app.methodology;

import fr.civicgateway.core.answer.MethodLinks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /methodology} (and the French {@code /methodologie}, the same page): how every figure is computed,
 * the page answers link a method's section of ({@code <civic.public-url>/methodology#an-speeches-1}). Public like the
 * chat (Spring Security's rules in connectors' {@code edge} let every path but the admin ones through), readable
 * without JavaScript, rendered once at start-up and cacheable: {@code Cache-Control} and an {@code ETag}, a
 * conditional request getting {@code 304 Not Modified}.
 */
@Controller
class MethodologyController {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final MethodologyPage page;

    MethodologyController(MethodLinks methodLinks) {
        this.page = MethodologyPage.fromClassPath(methodLinks.page());
    }

    @GetMapping({MethodLinks.PATH, "/methodologie"})
    ResponseEntity<byte[]> methodology() {
        // A GET with If-None-Match equal to the ETag is answered 304 by Spring MVC, without the body.
        return ResponseEntity.ok().contentType(HTML).cacheControl(CACHE).eTag(page.etag()).body(page.html());
    }
}
