package fr.civicgateway.core.representative;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.answer.PageLinks;
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

import static fr.civicgateway.core.answer.Agreement.gender;

/**
 * {@code representative_profile}: who a deputy is — group, constituency, since when, the Assemblée's page — and the
 * link to the deputy's page on the gateway, where the whole record is.
 */
public final class ProfileHandler extends AboutOneDeputyHandler {

    private final PageLinks pages;

    /** @param pages the gateway's public pages, for the "Voir la fiche" line */
    public ProfileHandler(ParliamentData data, PageLinks pages) {
        super(data);
        this.pages = java.util.Objects.requireNonNull(pages, "pages");
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
        return Answer.text(turn.state().withDeputy(d.uid()), describe(turn, d, true), replies);
    }

    /** The profile paragraph, also used to answer "who is my deputy": sentences of the shared bundle {@code deputies}. */
    String describe(Turn turn, Deputy d) {
        return describe(turn, d, false);
    }

    /** The paragraph with the line to the deputy's page, as "Qui est … ?" has: wherever a deputy is identified. */
    String describeWithPage(Turn turn, Deputy d) {
        return describe(turn, d, true);
    }

    /** The paragraph; with {@code pageLink}, the line to the deputy's page on the gateway before the source line. */
    private String describe(Turn turn, Deputy d, boolean pageLink) {
        Language lang = turn.language();
        if (d.unresolved()) {
            return turn.msg("deputies.profile_unresolved", "uid", d.uid())
                    + "\n" + Sources.line(turn.messages(), lang, d.pageUrl(), data.info().deputiesDataDate());
        }
        StringBuilder s = new StringBuilder();
        String group = groupName(d);
        String gender = gender(d);
        String in = d.constituency() != null ? "yes" : "no";
        String constituency = d.constituency() != null ? Places.constituency(lang, d.constituency()) : "";
        if (d.current()) {
            s.append(turn.msg("deputies.profile_current", "deputy", d.fullName(), "gender", gender,
                    "in", in, "constituency", constituency,
                    "since", d.mandateStart() != null ? "yes" : "no",
                    "start", d.mandateStart() != null ? Formats.date(lang, d.mandateStart()) : ""));
            s.append(" ").append(group != null ? turn.msg("deputies.profile_group", "gender", gender, "group", group)
                    : turn.msg("deputies.profile_no_group"));
        } else {
            s.append(turn.msg("deputies.profile_former", "deputy", d.fullName(), "gender", gender,
                    "in", in, "constituency", constituency,
                    "ended", d.mandateEnd() != null ? "yes" : "no",
                    "end", d.mandateEnd() != null ? Formats.date(lang, d.mandateEnd()) : ""));
            s.append(" ").append(turn.msg("deputies.profile_former_votes"));
        }
        if (pageLink) {
            s.append("\n").append(turn.msg("deputies.page_link", "url", pages.deputy(d.uid())));
        }
        s.append("\n").append(Sources.line(turn.messages(), lang, d.pageUrl(), data.info().deputiesDataDate()));
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
