package fr.civicgateway.app;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the gateway remembers a conversation ({@code civic.conversations.*}). Conversations are kept in the
 * database (see {@code fr.civicgateway.app.storage}).
 *
 * @param idleExpiry          a conversation idle this long is forgotten: it is no longer read, and the next
 *                            expiry check deletes it
 * @param expiryCheckInterval how often each instance deletes the conversations idle past {@code idleExpiry}
 * @param writeDelay          conversation context is written to the database in batches, at most this long after
 *                            each message (one commit for many messages); a crash can lose that much context,
 *                            never a report or an answer, which are committed before they are acknowledged
 */
@ConfigurationProperties("civic.conversations")
@Validated
public record ConversationProperties(@DefaultValue("2h") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration idleExpiry,
                                     @DefaultValue("5m") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration expiryCheckInterval,
                                     @DefaultValue("20ms") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive")
                                     @DurationMax(seconds = 5, message = "must be at most 5s") Duration writeDelay) {
}
