package fr.civicgateway.core.representative;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.answer.Places;
import fr.civicgateway.core.answer.Sources;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.record.RecordQuickReplies;
import java.util.ArrayList;
import java.util.List;

import static fr.civicgateway.core.answer.Agreement.depute;
import static fr.civicgateway.core.answer.Agreement.e;

/** {@code representative_profile}: who a deputy is — group, constituency, since when, the Assemblée's page. */
public final class ProfileHandler extends AboutOneDeputyHandler {


    public ProfileHandler(ParliamentData data) {
        super(data);
    }

    @Override
    public Intent intent() {
        return Intent.REPRESENTATIVE_PROFILE;
    }

    @Override
    protected Answer answer(Turn turn, Deputy d) {
        // The latest votes, then the record: participation, presence, speeches, questions, bills.
        List<QuickReply> replies = new ArrayList<>(DeputyQuickReplies.about(turn, d, false, true, false));
        replies.addAll(RecordQuickReplies.about(turn, d, intent()));
        return Answer.text(turn.state().withDeputy(d.uid()), describe(turn, d), replies);
    }

    /** The profile paragraph, also used to answer "who is my deputy". */
    String describe(Turn turn, Deputy d) {
        Language lang = turn.language();
        if (d.unresolved()) {
            return turn.say(
                    "L'acteur " + d.uid() + " a voté au cours de la législature, mais n'est plus député : "
                            + "les données chargées ne donnent pas son nom.",
                    "Acteur " + d.uid() + " voted during this legislature but no longer sits: the loaded data does "
                            + "not give their name.")
                    + "\n" + Sources.line(lang, d.pageUrl(), data.info().deputiesDataDate());
        }
        StringBuilder s = new StringBuilder();
        String group = groupName(d);
        if (d.current()) {
            s.append(turn.say(d.fullName() + " est " + depute(d), d.fullName()
                    + (d.mandateStart() != null ? " has been the deputy" : " is the deputy")));
            if (d.constituency() != null) {
                s.append(turn.say(" de la ", " for the ")).append(Places.constituency(lang, d.constituency()));
            }
            if (d.mandateStart() != null) {
                s.append(turn.say(" depuis le ", " since ")).append(Formats.date(lang, d.mandateStart()));
            }
            s.append(". ");
            if (group != null) {
                s.append(turn.say((d.feminine() ? "Elle" : "Il") + " siège au groupe " + group + ".",
                        (d.feminine() ? "She" : "He") + " sits with the group " + group + "."));
            } else {
                s.append(turn.say("Son groupe politique n'est pas indiqué dans les données.",
                        "The data gives no political group."));
            }
        } else {
            s.append(turn.say(d.fullName() + " n'est plus " + depute(d) + " en exercice",
                    d.fullName() + " is no longer a sitting deputy"));
            if (d.constituency() != null) {
                s.append(turn.say(" ; " + (d.feminine() ? "elle" : "il") + " était élu" + e(d) + " dans la ",
                        "; they were elected in the ")).append(Places.constituency(lang, d.constituency()));
            }
            if (d.mandateEnd() != null) {
                s.append(turn.say(" et son mandat a pris fin le ", " and the mandate ended on "))
                        .append(Formats.date(lang, d.mandateEnd()));
            }
            s.append(". ");
            s.append(turn.say("Ses votes pendant la législature restent dans les données.",
                    "Their votes during this legislature are still in the data."));
        }
        s.append("\n").append(Sources.line(lang, d.pageUrl(), data.info().deputiesDataDate()));
        return s.toString();
    }

    private String groupName(Deputy d) {
        if (d.groupUid() == null) {
            return null;
        }
        return data.groupFullName(d.groupUid()).orElse(null);
    }

    static String groupAbbreviation(ParliamentData data, String groupUid) {
        return groupUid == null ? null : data.groupAbbreviation(groupUid).orElse(null);
    }
}
