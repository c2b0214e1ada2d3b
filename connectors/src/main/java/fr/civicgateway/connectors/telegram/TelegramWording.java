package fr.civicgateway.connectors.telegram;

import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.text.MessageCatalogue;
import java.time.Duration;

/**
 * What the Telegram channel says by itself, beside the core's answers: French unless the user's Telegram is in
 * English. The sentences are the catalogue's {@code telegram} bundle (loaded by the app with the
 * channels' bundles), so an operator rewords them as any other (docs/messages.md).
 */
final class TelegramWording {

    private final Duration conversationExpiry;
    private final MessageCatalogue messages;

    /** Worded by the shipped catalogue (tests). */
    TelegramWording(Duration conversationExpiry) {
        this(conversationExpiry, MessageCatalogue.shipped());
    }

    /**
     * @param conversationExpiry how long an idle conversation is kept, as the privacy note states it
     * @param messages           the catalogue with the {@code telegram} and {@code dialogue} bundles
     */
    TelegramWording(Duration conversationExpiry, MessageCatalogue messages) {
        this.conversationExpiry = conversationExpiry;
        this.messages = messages;
    }

    /** Two lines after the greeting of {@code /start}: what is kept, for how long, and what is not logged. */
    Reply privacyNote(Language l) {
        long minutes = conversationExpiry.toMinutes();
        boolean hours = minutes % 60 == 0;
        return text(l, "telegram.privacy_note", "unit", hours ? "hours" : "minutes", "count", hours ? minutes / 60 : minutes);
    }

    /** Said once when the bot is added to a group: how to address it there. */
    Reply groupHello(Language l, String username) {
        return text(l, "telegram.group_hello", "has_username", username == null ? "no" : "yes",
                "username", username == null ? "" : username);
    }

    /** The answer to {@code /stop}: what it stops, and how to resume. */
    Reply stopped(Language l) {
        return text(l, "telegram.stopped");
    }

    /** Said once to a person whose messages come faster than the rate limit. */
    Reply tooFast(Language l) {
        return text(l, "telegram.too_fast");
    }

    Reply apology(Language l) {
        return text(l, "dialogue.error");
    }

    Reply expiredButton(Language l) {
        return text(l, "telegram.expired_button");
    }

    Reply unsupported(Language l) {
        return text(l, "telegram.unsupported");
    }

    private Reply text(Language l, String key, Object... namedArgs) {
        return new Reply.Text(messages.format(l == Language.EN ? Language.EN : Language.FR, key, namedArgs));
    }
}
