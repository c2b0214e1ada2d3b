package fr.civicgateway.core.conversation;

import java.util.Objects;

/**
 * A file a user sent, as a reference the channel understands (the file itself stays with the channel).
 *
 * @param kind      what it is
 * @param reference the channel's id of the file (a Telegram {@code file_id}, a web upload's id), at most 256
 *                  characters
 * @param published whether the file is public with the report it joins (a web upload is served as the report's
 *                  Open311 {@code media_url}; a Telegram file only the bot can fetch is not): the citizen is told
 */
public record Attachment(Kind kind, String reference, boolean published) {

    /** A file that stays with the channel (not published with a report). */
    public Attachment(Kind kind, String reference) {
        this(kind, reference, false);
    }

    public Attachment {
        Objects.requireNonNull(kind, "kind");
        if (reference == null || reference.isBlank() || reference.length() > 256) {
            throw new IllegalArgumentException("attachment reference must be 1-256 characters");
        }
    }

    public enum Kind { PHOTO }
}
