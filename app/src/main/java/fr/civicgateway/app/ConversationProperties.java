package fr.civicgateway.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
public record ConversationProperties(@DefaultValue("2h") Duration idleExpiry,
                                     @DefaultValue("5m") Duration expiryCheckInterval,
                                     @DefaultValue("20ms") Duration writeDelay) {

    public ConversationProperties {
        if (writeDelay.isNegative() || writeDelay.isZero() || writeDelay.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException("civic.conversations.write-delay must be within (0, 5s]: " + writeDelay);
        }
        if (idleExpiry.isNegative() || idleExpiry.isZero()) {
            throw new IllegalArgumentException("civic.conversations.idle-expiry must be positive: " + idleExpiry);
        }
        if (expiryCheckInterval.isNegative() || expiryCheckInterval.isZero()) {
            throw new IllegalArgumentException(
                    "civic.conversations.expiry-check-interval must be positive: " + expiryCheckInterval);
        }
    }
}
