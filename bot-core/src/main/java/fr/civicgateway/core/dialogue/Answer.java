package fr.civicgateway.core.dialogue;

import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import java.util.List;

/**
 * A handler's result: the replies to send and the conversation state to keep.
 */
public record Answer(List<Reply> replies, ConversationState state) {

    public Answer {
        replies = List.copyOf(replies);
    }

    public static Answer text(ConversationState state, String text, List<QuickReply> quickReplies) {
        return new Answer(List.of(new Reply.Text(text, quickReplies)), state);
    }

    public static Answer text(ConversationState state, String text) {
        return text(state, text, List.of());
    }
}
