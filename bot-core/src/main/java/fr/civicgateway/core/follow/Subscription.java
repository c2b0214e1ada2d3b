package fr.civicgateway.core.follow;

import fr.civicgateway.core.nlu.Language;
import java.time.Instant;
import java.util.Objects;

/**
 * One conversation following one target. The conversation key is the channel's conversation key (a keyed
 * pseudonym on Telegram, as for the conversation's state): no messenger id, no name. The language is the one the
 * citizen followed in, so that what is later sent is in that language.
 */
public record Subscription(String conversationKey, FollowTarget target, Language language, Instant since) {
    public Subscription {
        Objects.requireNonNull(conversationKey, "conversationKey must not be null");
        if (conversationKey.isBlank()) {
            throw new IllegalArgumentException("conversationKey must not be blank");
        }
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(language, "language must not be null");
        Objects.requireNonNull(since, "since must not be null");
    }
}
