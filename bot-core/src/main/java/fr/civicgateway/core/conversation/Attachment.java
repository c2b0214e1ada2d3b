package fr.civicgateway.core.conversation;

import java.util.Objects;

/**
 * A file a user sent, as a reference the channel understands (the file itself stays with the channel).
 *
 * @param kind      what it is
 * @param reference the channel's id of the file (a Telegram {@code file_id}), at most 256 characters
 */
public record Attachment(Kind kind, String reference) {

    public Attachment {
        Objects.requireNonNull(kind, "kind");
        if (reference == null || reference.isBlank() || reference.length() > 256) {
            throw new IllegalArgumentException("attachment reference must be 1-256 characters");
        }
    }

    public enum Kind { PHOTO }
}
