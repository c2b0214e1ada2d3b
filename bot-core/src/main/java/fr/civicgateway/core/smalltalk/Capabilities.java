package fr.civicgateway.core.smalltalk;

import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Turn;
import java.util.List;

/**
 * What the bot can do, said the same way by the greeting, the help and the "I don't know" answers: the shared
 * bundle {@code capabilities} of the message catalogue.
 */
final class Capabilities {

    private Capabilities() {
    }

    static String list(Turn t) {
        return t.msg("capabilities.list");
    }

    static List<QuickReply> examples(Turn t) {
        return List.of(
                new QuickReply(t.msg("capabilities.example_deputy_title"), t.msg("capabilities.example_deputy_text")),
                new QuickReply(t.msg("capabilities.example_latest_title"), t.msg("capabilities.example_latest_text")),
                new QuickReply(t.msg("capabilities.example_scrutin_title"), t.msg("capabilities.example_scrutin_text")));
    }
}
