package fr.civicgateway.connectors.web;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the web chat keeps the photos citizens upload ({@code POST /api/v1/attachments}) until a report claims one,
 * and then as long as the report. The application implements it on its database; {@link InMemoryAttachmentStore}
 * serves tests. Implementations are thread-safe and throw {@link AttachmentStoreException} (without personal data in
 * its message) when the storage fails.
 */
public interface AttachmentStore {

    /** An attachment's id: 32 random bytes, base64url without padding, so it cannot be guessed. */
    Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    /**
     * Stores a checked, cleaned image for a conversation.
     *
     * @param id              a fresh id matching {@link #ID}
     * @param conversationKey {@code web:<conversationId>}: only that conversation may refer to it
     */
    void save(String id, String conversationKey, String mediaType, byte[] bytes, Instant now);

    /** The attachment, or empty when unknown or already deleted. */
    Optional<Stored> find(String id);

    /**
     * A stored attachment.
     *
     * @param claimed whether a report holds it (then it lives as long as the report, and is public with it)
     */
    record Stored(String id, String conversationKey, String mediaType, byte[] bytes, Instant createdAt, boolean claimed) {
        public Stored {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(conversationKey, "conversationKey");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(createdAt, "createdAt");
        }

        @Override
        public String toString() {
            return "Attachment[" + mediaType + ", " + bytes.length + " bytes]";
        }
    }

    /** The storage failed; the message names no person and no conversation. */
    final class AttachmentStoreException extends RuntimeException {
        public AttachmentStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
