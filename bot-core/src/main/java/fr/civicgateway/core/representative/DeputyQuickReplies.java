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
            q.add(new QuickReply(turn.say("Sa fiche", "Profile"), turn.say("Qui est " + name + " ?", "Who is " + name + "?")));
        }
        if (votes) {
            q.add(new QuickReply(turn.say("Ses derniers votes", "Latest votes"),
                    turn.say("Comment a voté " + name + " récemment ?", "How did " + name + " vote recently?")));
        }
        if (attendance) {
            q.add(new QuickReply(turn.say("Sa participation", "Participation"),
                    turn.say("Quelle est la participation aux votes de " + name + " ?",
                            "How often does " + name + " take part in votes?")));
        }
        return q;
    }
}
