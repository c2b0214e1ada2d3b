package fr.civicgateway.core.conversation;

import java.util.Objects;

/**
 * A button offered under a reply. When pressed, the client sends {@code payload} back as the next text.
 *
 * @param title   what the button shows (short)
 * @param payload what the client sends back
 */
public record QuickReply(String title, String payload) {
    public QuickReply {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(payload, "payload");
    }
}
