package fr.civicgateway.app.reports;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Problem reports ({@code civic.reports.*}).
 *
 * @param servicesFile the categories (Open311 services), see {@code config/open311-services.yml}
 * @param recipientFr  who receives the reports, as the chat names them in French
 * @param recipientEn  the same in English
 * @param noticeCheckInterval how often this instance reads which conversations have untold status changes (a change
 *                     made on another instance reaches its citizen at their first message after that)
 */
@ConfigurationProperties("civic.reports")
@Validated
public record ReportsProperties(@DefaultValue("config/open311-services.yml") @NotNull Path servicesFile,
                                @DefaultValue("les services techniques de la mairie") @NotBlank String recipientFr,
                                @DefaultValue("the town hall's technical services") @NotBlank String recipientEn,
                                @DefaultValue("5s") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration noticeCheckInterval) {
}
