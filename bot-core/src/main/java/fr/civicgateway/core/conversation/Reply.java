package fr.civicgateway.core.conversation;

import java.util.List;
import java.util.Objects;

/**
 * What the bot sends back, channel-neutral. Connectors render each kind in their own way (an inline keyboard on
 * Telegram, buttons in the widget). New kinds (an image, a location) are added here as new records.
 */
public sealed interface Reply {

    /**
     * A text message with optional quick replies. The text is plain text: connectors escape it for their medium.
     */
    record Text(String text, List<QuickReply> quickReplies) implements Reply {
        public Text {
            Objects.requireNonNull(text, "text");
            quickReplies = List.copyOf(quickReplies);
        }

        public Text(String text) {
            this(text, List.of());
        }
    }
}
