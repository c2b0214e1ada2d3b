package fr.civicgateway.core.follow;

import java.time.Duration;
import java.util.Objects;

/**
 * The operator's follow settings the conversation needs to be truthful: how often a deputy's digest is sent (the
 * confirmation says it) and how many subscriptions one conversation may hold.
 *
 * @param digest             the period of a deputy's digest (a day by default)
 * @param maxPerConversation the most subscriptions one conversation may have
 */
public record FollowSettings(Duration digest, int maxPerConversation) {

    public static final FollowSettings DEFAULTS = new FollowSettings(Duration.ofDays(1), 50);

    public FollowSettings {
        Objects.requireNonNull(digest, "digest must not be null");
        if (digest.isNegative() || digest.toMinutes() < 60) {
            throw new IllegalArgumentException("digest must be at least one hour: " + digest);
        }
        if (maxPerConversation < 1) {
            throw new IllegalArgumentException("maxPerConversation must be at least 1: " + maxPerConversation);
        }
    }
}
