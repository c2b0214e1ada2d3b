package fr.civicgateway.core.conversation;

import java.util.Objects;

/**
 * A button offered under a reply. When pressed, the client sends {@code payload} back as the next text; a
 * {@link Kind#SHARE_LOCATION} or {@link Kind#SHARE_CONTACT} button instead shares the person's position or phone
 * number, and is offered only where {@link ChannelCapabilities} says the channel can.
 *
 * @param title   what the button shows (short)
 * @param payload what the client sends back (for a sharing button: the title, sent by channels that type it)
 * @param kind    what pressing the button does
 */
public record QuickReply(String title, String payload, Kind kind) {

    /** What pressing a button does. */
    public enum Kind {
        /** Sends the payload as the person's next message. */
        TEXT,
        /** Shares the person's current position ({@link IncomingMessage#location()}). */
        SHARE_LOCATION,
        /** Shares the person's own phone number (it arrives as the message's text). */
        SHARE_CONTACT
    }

    public QuickReply {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(kind, "kind");
    }

    /** A button that sends {@code payload}. */
    public QuickReply(String title, String payload) {
        this(title, payload, Kind.TEXT);
    }

    /** A button that shares the person's position. */
    public static QuickReply shareLocation(String title) {
        return new QuickReply(title, title, Kind.SHARE_LOCATION);
    }

    /** A button that shares the person's phone number. */
    public static QuickReply shareContact(String title) {
        return new QuickReply(title, title, Kind.SHARE_CONTACT);
    }
}
