package fr.civicgateway.core.dialogue;

import java.util.Optional;

/**
 * Keeps each conversation's {@link ConversationState} between messages, under the key
 * {@code channel:conversationId}.
 *
 * <p>Implementations are thread-safe. They may forget a conversation (bounded size, expiry): the dialogue then
 * starts afresh, which is always safe. A store that cannot be read or written throws
 * {@link ConversationStoreException}; the dialogue then answers without context.
 */
public interface ConversationStore {

    Optional<ConversationState> find(String conversationKey);

    void save(String conversationKey, ConversationState state);

    /** Thrown when the store itself fails (not when a conversation is unknown). */
    final class ConversationStoreException extends RuntimeException {
        public ConversationStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
