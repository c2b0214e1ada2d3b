package fr.civicgateway.app.attachments;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The web chat's photos ({@code civic.attachments.*}), documented in {@code config/application.yml}.
 *
 * @param retention     how long a photo no report has claimed is kept (a citizen who uploads and never sends the
 *                      report leaves nothing behind after it)
 * @param cleanupInterval how often the expired ones are deleted
 */
@ConfigurationProperties("civic.attachments")
@Validated
public record AttachmentsProperties(
        @DefaultValue("24h") @NotNull @DurationMin(minutes = 1, message = "must be at least a minute") Duration retention,
        @DefaultValue("1h") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration cleanupInterval) {
}
