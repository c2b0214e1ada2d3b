package fr.civicgateway.connectors.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the HTTP chat channel ({@code civic.web.*}), documented in {@code config/application.yml}.
 *
 * @param rateLimitBurst        messages a conversation may send at once
 * @param rateLimitInterval     then one message per interval
 * @param addressRateLimitBurst requests (chat and NLU together) one client address may send at once
 * @param addressRateLimitInterval then one request per interval
 * @param maxTrackedConversations rate-limit buckets kept at most (least recently used dropped)
 * @param maxBodyBytes          larger request bodies are refused with 413, on every path, as they are read
 * @param allowedOrigins        origins ({@code https://www.example.fr}) whose pages may call the chat and NLU APIs
 *                              from the browser (CORS); empty: only pages served by the gateway itself
 * @param frameAncestors        CSP sources of the pages allowed to show the gateway's pages in a frame
 *                              ({@code frame-ancestors}); default {@code 'self'}
 */
@ConfigurationProperties("civic.web")
public record WebChatProperties(
        @DefaultValue("10") int rateLimitBurst,
        @DefaultValue("1s") Duration rateLimitInterval,
        @DefaultValue("100000") long maxTrackedConversations,
        @DefaultValue("65536") long maxBodyBytes,
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("60") int addressRateLimitBurst,
        @DefaultValue("100ms") Duration addressRateLimitInterval,
        @DefaultValue("'self'") List<String> frameAncestors) {

    public WebChatProperties {
        allowedOrigins = List.copyOf(allowedOrigins);
        frameAncestors = List.copyOf(frameAncestors);
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("civic.web.max-body-bytes must be between 1 and " + Integer.MAX_VALUE + ": " + maxBodyBytes);
        }
    }
}
