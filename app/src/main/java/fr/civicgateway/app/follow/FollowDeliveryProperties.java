package fr.civicgateway.app.follow;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How followers are told ({@code civic.follow.delivery.*}), documented in {@code config/application.yml}; how often a
 * deputy's digest leaves is {@code civic.follow.digest} (1h, 1d or 7d).
 *
 * @param interval    how often each instance looks for due news (the delivery loop's fixed delay)
 * @param lease       how long claimed news stay an instance's: if it dies, another sends them after this
 * @param batch       followers claimed at a time
 * @param maxPerPass  digests one instance hands to the channels per pass at most: with the default interval, 600 per
 *                    30 s is 20 a second, two thirds of Telegram's 30, the rest left to the bot's answers
 * @param digestTime  the local time of a deputy's digest, {@code HH:mm} (for hourly digests, only the minutes)
 * @param digestDay   the day of a weekly digest
 * @param zone        the time zone of the digest and the quiet hours
 * @param quietFrom   nothing is pushed from this local time ({@code HH:mm})...
 * @param quietUntil  ...until this one, when what waited leaves; equal to {@code quietFrom} for no quiet hours
 */
@ConfigurationProperties("civic.follow.delivery")
@Validated
public record FollowDeliveryProperties(
        @DefaultValue("30s") @NotNull @DurationMin(seconds = 1, message = "must be at least 1s") Duration interval,
        @DefaultValue("5m") @NotNull @DurationMin(seconds = 10, message = "must be at least 10s") Duration lease,
        @DefaultValue("100") @Min(1) @Max(10_000) int batch,
        @DefaultValue("600") @Min(1) int maxPerPass,
        @DefaultValue("18:00") @NotNull String digestTime,
        @DefaultValue("monday") @NotNull DayOfWeek digestDay,
        @DefaultValue("Europe/Paris") @NotNull ZoneId zone,
        @DefaultValue("21:00") @NotNull String quietFrom,
        @DefaultValue("08:00") @NotNull String quietUntil) {
}
