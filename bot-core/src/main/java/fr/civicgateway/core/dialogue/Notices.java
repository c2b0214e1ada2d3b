package fr.civicgateway.core.dialogue;

import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.nlu.Language;
import java.util.List;

/**
 * News for a conversation that arrived while the citizen was away (a report's status changed): the dialogue shows
 * them before its answer to the citizen's next message. Implementations are thread-safe; a failure is logged by the
 * dialogue and the message is answered without the news, which stay for the next time.
 *
 * <pre>{@code
 * Notices none = (key, language) -> List.of();
 * }</pre>
 */
@FunctionalInterface
public interface Notices {

    /** The notices waiting for this conversation, now considered told. Empty when there are none. */
    List<Reply> take(String conversationKey, Language language);

    Notices NONE = (key, language) -> List.of();

    /**
     * Every one's notices, in order (a report's status, then what the citizen follows). One that fails keeps its news
     * for the next message (logged here) while the others' are shown: the news they took are not lost; when every
     * one fails, the first failure is thrown.
     */
    static Notices combined(List<Notices> all) {
        List<Notices> copy = List.copyOf(all);
        return (key, language) -> {
            List<Reply> out = new java.util.ArrayList<>();
            RuntimeException failure = null;
            int failed = 0;
            for (Notices n : copy) {
                try {
                    out.addAll(n.take(key, language));
                } catch (RuntimeException e) {
                    failed++;
                    if (failure == null) {
                        failure = e;
                    }
                    org.slf4j.LoggerFactory.getLogger(Notices.class)
                            .warn("some notices unavailable, kept for the next message: {}", e.toString());
                }
            }
            if (failure != null && failed == copy.size()) {
                throw failure;
            }
            return out;
        };
    }
}
