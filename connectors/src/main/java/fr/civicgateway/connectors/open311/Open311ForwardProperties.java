package fr.civicgateway.connectors.open311;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Forwarding of chat reports to the municipality's own Open311 endpoint ({@code civic.open311.forward.*}). Off by
 * default. The endpoint's API key comes from the environment variable {@code CIVIC_OPEN311_FORWARD_API_KEY} only.
 *
 * @param enabled        true to forward
 * @param endpoint       the peer's GeoReport v2 base URL, e.g. {@code https://open311.example.fr/v2/}
 * @param jurisdictionId sent as {@code jurisdiction_id} when set
 * @param serviceCodes   our service code → the peer's, where they differ
 * @param pollInterval   how often the outbox is looked at
 * @param initialBackoff the wait after a first failure; doubled at each failure in a row
 * @param maxBackoff     the longest wait between two tries of one report
 * @param timeout        connect, read and write timeout of one call
 * @param batchSize      reports tried per pass at most
 */
@ConfigurationProperties("civic.open311.forward")
@Validated
public record Open311ForwardProperties(@DefaultValue("false") boolean enabled, URI endpoint, String jurisdictionId,
                                       Map<String, String> serviceCodes,
                                       @DefaultValue("30s") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration pollInterval,
                                       @DefaultValue("30s") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration initialBackoff,
                                       @DefaultValue("1h") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration maxBackoff,
                                       @DefaultValue("10s") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration timeout,
                                       @DefaultValue("50") @Positive int batchSize) {

    public Open311ForwardProperties {
        serviceCodes = serviceCodes == null ? Map.of() : Map.copyOf(serviceCodes);
        if (enabled && endpoint == null) {
            throw new IllegalArgumentException("civic.open311.forward.endpoint is required when forwarding is enabled");
        }
        if (enabled && !("https".equals(endpoint.getScheme()) || "http".equals(endpoint.getScheme()))) {
            throw new IllegalArgumentException("civic.open311.forward.endpoint must be an http(s) URL: " + endpoint);
        }
    }
}
