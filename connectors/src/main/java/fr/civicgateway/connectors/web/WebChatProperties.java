package fr.civicgateway.connectors.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
public record WebChatProperties(
        @DefaultValue("10") @Positive int rateLimitBurst,
        @DefaultValue("1s") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration rateLimitInterval,
        @DefaultValue("100000") @Positive long maxTrackedConversations,
        @DefaultValue("65536") @Min(1) @Max(Integer.MAX_VALUE) long maxBodyBytes,
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("60") @Positive int addressRateLimitBurst,
        @DefaultValue("100ms") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration addressRateLimitInterval,
        @DefaultValue("'self'") List<String> frameAncestors) {

    public WebChatProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        frameAncestors = frameAncestors == null ? List.of() : List.copyOf(frameAncestors);
    }
}
