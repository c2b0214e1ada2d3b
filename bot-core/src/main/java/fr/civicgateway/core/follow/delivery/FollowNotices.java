package fr.civicgateway.core.follow.delivery;

import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Notices;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.text.MessageCatalogue;
import java.util.List;

/**
 * "Depuis votre dernière visite : …": the digests kept in the {@link FollowMailbox} for a subscriber whose channel
 * cannot push, shown before the answer to their next message. A digest is forgotten once handed to the dialogue.
 */
public final class FollowNotices implements Notices {

    private final FollowMailbox mailbox;
    private final MessageCatalogue messages;

    public FollowNotices(FollowMailbox mailbox, MessageCatalogue messages) {
        this.mailbox = mailbox;
        this.messages = messages;
    }

    @Override
    public List<Reply> take(String conversationKey, Language language) {
        List<String> digests = mailbox.take(conversationKey);
        if (digests.isEmpty()) {
            return List.of();
        }
        return List.of(new Reply.Text(messages.format(language, "follow.since_last_visit", "digests",
                String.join("\n\n", digests))));
    }
}
