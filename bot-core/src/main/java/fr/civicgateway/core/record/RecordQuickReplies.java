package fr.civicgateway.core.record;

import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.representative.DeputyQuickReplies;
import java.util.ArrayList;
import java.util.List;

/**
 * The deputy's record offered as quick replies (participation, committee presence, speeches, questions, bills):
 * under the profile and under each record answer (but the one just given). Each button's title and question are
 * sentences of its own intent's bundle, so that the question asked is one its classifier reads as that intent.
 */
public final class RecordQuickReplies {

    private RecordQuickReplies() {
    }

    /** Participation, presence, speeches, questions, bills, without {@code except}'s. */
    public static List<QuickReply> about(Turn t, Deputy d, Intent except) {
        List<QuickReply> q = new ArrayList<>();
        if (!Intent.REPRESENTATIVE_ATTENDANCE.equals(except)) {
            q.addAll(DeputyQuickReplies.about(t, d, false, false, true));
        }
        String name = d.fullName();
        if (!Intent.REPRESENTATIVE_PRESENCE.equals(except)) {
            q.add(new QuickReply(t.msg("representative_presence.button"),
                    t.msg("representative_presence.button_question", "name", name)));
        }
        if (!Intent.REPRESENTATIVE_SPEECHES.equals(except)) {
            q.add(new QuickReply(t.msg("representative_speeches.button"),
                    t.msg("representative_speeches.button_question", "name", name)));
        }
        if (!Intent.REPRESENTATIVE_QUESTIONS.equals(except)) {
            q.add(new QuickReply(t.msg("representative_questions.button"),
                    t.msg("representative_questions.button_question", "name", name)));
        }
        if (!Intent.REPRESENTATIVE_BILLS.equals(except)) {
            q.add(new QuickReply(t.msg("representative_bills.button"),
                    t.msg("representative_bills.button_question", "name", name)));
        }
        return q;
    }
}
