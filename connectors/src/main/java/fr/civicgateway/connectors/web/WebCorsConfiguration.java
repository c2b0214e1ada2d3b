package fr.civicgateway.connectors.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets the widget embedded on the sites of {@code civic.web.allowed-origins} call the chat, NLU and upload APIs
 * from the browser, and nothing else: only those three paths, only {@code POST} (and its preflight), only the
 * {@code Content-Type} header, no cookies. With the default empty list no CORS header is ever sent, so only pages
 * served by the gateway itself (the demo page) can use the API from a browser.
 */
@Configuration(proxyBeanMethods = false)
class WebCorsConfiguration implements WebMvcConfigurer {

    static final List<String> PATHS = List.of("/api/v1/chat", "/api/v1/nlu/parse", WebAttachments.PATH);

    private final List<String> allowedOrigins;

    WebCorsConfiguration(WebChatProperties properties) {
        this.allowedOrigins = properties.allowedOrigins().stream().map(WebCorsConfiguration::checkedOrigin).toList();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (allowedOrigins.isEmpty()) {
            return;
        }
        for (String path : PATHS) {
            registry.addMapping(path)
                    .allowedOrigins(allowedOrigins.toArray(String[]::new))
                    .allowedMethods("POST", "OPTIONS")
                    .allowedHeaders(HttpHeaders.CONTENT_TYPE)
                    // The widget reads Retry-After of a 429 to tell the citizen how long to wait.
                    .exposedHeaders(HttpHeaders.RETRY_AFTER)
                    .allowCredentials(false)
                    .maxAge(3600);
        }
    }

    /**
     * An origin as browsers send it: {@code scheme://host[:port]}, nothing after. A path or a trailing slash would
     * never match and silently block the site, so it fails at start-up instead, naming the value. {@code *} (any
     * site) is accepted on purpose: the API uses no cookies, so it exposes nothing a site could not ask itself.
     */
    static String checkedOrigin(String origin) {
        if ("*".equals(origin)) {
            return origin;
        }
        try {
            URI uri = new URI(origin);
            boolean plain = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
            if (plain) {
                return origin;
            }
        } catch (URISyntaxException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException("civic.web.allowed-origins: \"" + origin
                + "\" is not an origin; write scheme://host[:port] with nothing after it, e.g. https://www.example.fr");
    }
}
