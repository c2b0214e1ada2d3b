package fr.civicgateway.core.representative;

import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.parliament.Deputy;
import java.util.ArrayList;
import java.util.List;

/** The follow-up questions offered under an answer about a deputy, as quick replies the NLU understands. */
public final class DeputyQuickReplies {

    private DeputyQuickReplies() {
    }

    public static List<QuickReply> about(Turn turn, Deputy d, boolean profile, boolean votes, boolean attendance) {
        List<QuickReply> q = new ArrayList<>();
        String name = d.fullName();
        if (profile) {
            q.add(new QuickReply(turn.msg("deputies.button_profile"), turn.msg("deputies.ask_profile", "deputy", name)));
        }
        if (votes) {
            q.add(new QuickReply(turn.msg("deputies.button_votes"), turn.msg("deputies.ask_votes", "deputy", name)));
        }
        if (attendance) {
            q.add(new QuickReply(turn.msg("deputies.button_attendance"),
                    turn.msg("deputies.ask_attendance", "deputy", name)));
        }
        return q;
    }
}
