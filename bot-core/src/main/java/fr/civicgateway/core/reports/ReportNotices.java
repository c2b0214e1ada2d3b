package fr.civicgateway.core.reports;

import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Notices;
import fr.civicgateway.core.nlu.Language;
import java.util.List;

/**
 * Tells a citizen, at their next message in the conversation a report came from, that its status changed (the web
 * widget has no push; on Telegram it is the fallback when the chat cannot be reached directly). A change is marked
 * as told only once the notice is handed to the dialogue.
 */
public final class ReportNotices implements Notices {

    private final ReportStore store;
    private final ReportStatusHandler wording;

    public ReportNotices(ReportStore store, ReportCategories categories) {
        this.store = store;
        this.wording = new ReportStatusHandler(store, categories);
    }

    @Override
    public List<Reply> take(String conversationKey, Language language) {
        List<Report> changed = store.untoldChanges(conversationKey);
        if (changed.isEmpty()) {
            return List.of();
        }
        store.markTold(changed.stream().map(Report::id).toList());
        return changed.stream().<Reply>map(r -> new Reply.Text((language == Language.EN ? "News of your report: "
                : "Du nouveau sur votre signalement : ") + wording.describe(r, language))).toList();
    }

    /** The notice of one report's new status, for a channel that can push it. */
    public Reply notice(Report r, Language language) {
        return new Reply.Text((language == Language.EN ? "News of your report: " : "Du nouveau sur votre signalement : ")
                + wording.describe(r, language));
    }
}
