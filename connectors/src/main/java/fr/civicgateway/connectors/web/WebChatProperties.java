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
 * @param maxTrackedConversations rate-limit buckets kept at most (least recently used dropped)
 * @param maxBodyBytes          larger request bodies are refused with 413 before being read
 * @param allowedOrigins        origins ({@code https://www.example.fr}) whose pages may call the chat and NLU APIs
 *                              from the browser (CORS); empty: only pages served by the gateway itself
 */
@ConfigurationProperties("civic.web")
public record WebChatProperties(
        @DefaultValue("10") int rateLimitBurst,
        @DefaultValue("1s") Duration rateLimitInterval,
        @DefaultValue("100000") long maxTrackedConversations,
        @DefaultValue("65536") long maxBodyBytes,
        @DefaultValue List<String> allowedOrigins) {

    public WebChatProperties {
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
