package fr.civicgateway.core.flow;

import fr.civicgateway.core.conversation.Reply;
import java.util.List;

/** What a flow does with a message: ask something (and stay active) or end. */
public sealed interface FlowStep {

    List<Reply> replies();

    /** The flow continues: these replies ask the next question; {@code flow} is kept in the conversation. */
    record Ask(ActiveFlow flow, List<Reply> replies) implements FlowStep {
        public Ask {
            replies = List.copyOf(replies);
        }
    }

    /**
     * The flow is over (submitted, or nothing more to do): these replies close it. {@code after}, when not null, is
     * what the flow needs to answer a repeat of the message that ended it ({@link Flow#again}): the dialogue keeps it
     * for the next message only (a double-clicked « oui », a retried request), so it should hold no more than that
     * answer needs (a tracking number, not the citizen's contact).
     */
    record Done(List<Reply> replies, ActiveFlow after) implements FlowStep {
        public Done {
            replies = List.copyOf(replies);
        }

        public Done(List<Reply> replies) {
            this(replies, null);
        }
    }
}
