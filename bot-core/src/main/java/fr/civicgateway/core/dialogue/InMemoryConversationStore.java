package fr.civicgateway.core.dialogue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * A bounded, expiring in-memory {@link ConversationStore}: the least recently used conversations are dropped past
 * {@code maximumConversations}, and a conversation idle for {@code idleExpiry} is forgotten. One instance only:
 * it does not survive a restart nor span several instances.
 */
public final class InMemoryConversationStore implements ConversationStore {

    private final Cache<String, ConversationState> states;

    public InMemoryConversationStore(long maximumConversations, Duration idleExpiry, Ticker ticker) {
        if (maximumConversations < 1) {
            throw new IllegalArgumentException("maximumConversations must be at least 1: " + maximumConversations);
        }
        if (idleExpiry.isNegative() || idleExpiry.isZero()) {
            throw new IllegalArgumentException("idleExpiry must be positive: " + idleExpiry);
        }
        this.states = Caffeine.newBuilder()
                .maximumSize(maximumConversations)
                .expireAfterAccess(idleExpiry)
                .ticker(ticker)
                .build();
    }

    @Override
    public Optional<ConversationState> find(String conversationKey) {
        return Optional.ofNullable(states.getIfPresent(conversationKey));
    }

    @Override
    public void save(String conversationKey, ConversationState state) {
        states.put(conversationKey, state);
    }

    /** The number of conversations held now (approximate), for metrics. */
    public long size() {
        return states.estimatedSize();
    }
}
