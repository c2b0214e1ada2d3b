package fr.civicgateway.app.follow;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Following ({@code civic.follow.*}).
 *
 * @param digest             how often a deputy's followers get their digest (one message grouping the new votes,
 *                           questions and speeches); the confirmation tells the citizen
 * @param maxPerConversation the most subscriptions one conversation may hold
 */
@ConfigurationProperties("civic.follow")
@Validated
public record FollowProperties(@DefaultValue("1d") @NotNull @DurationMin(hours = 1, message = "must be at least 1h") Duration digest,
                               @DefaultValue("50") @Min(1) int maxPerConversation) {
}
