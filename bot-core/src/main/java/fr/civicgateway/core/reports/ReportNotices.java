package fr.civicgateway.core.reports;

import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Notices;
import fr.civicgateway.core.nlu.Language;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells a citizen, at their next message in the conversation a report came from, that its status changed (the web
 * widget has no push; on Telegram it is the fallback when the chat cannot be reached directly). A change is marked
 * as told only once the notice is handed to the dialogue.
 *
 * <p>Almost no message has news, so the store is not asked at every message: {@link #refresh()} (called every few
 * seconds by the application) reads which conversations have untold changes, and a change made on this instance
 * is known at once ({@link #expect}). A change made on another instance reaches its citizen after the next refresh.
 * Until a first refresh succeeds, or after one fails, every message asks the store, as if there were no index.
 */
public final class ReportNotices implements Notices {

    private final ReportStore store;
    private final ReportStatusHandler wording;
    /** Conversations with untold changes as last read from the store; null when unknown. */
    private volatile Set<String> untold;
    /** Conversations with a change made here, each with the sequence number of that change. */
    private final Map<String, Long> expected = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** @param zone the town's time zone ({@code civic.town.time-zone}), the reports' dates are told in */
    public ReportNotices(ReportStore store, ReportCategories categories, java.time.ZoneId zone) {
        this.store = store;
        this.wording = new ReportStatusHandler(store, categories, zone);
    }

    /**
     * Reads again which conversations have untold changes.
     *
     * @throws ReportStore.ReportStoreException when the store fails; messages then ask the store themselves
     */
    public void refresh() {
        long before = sequence.incrementAndGet();
        try {
            untold = Set.copyOf(store.conversationsWithUntoldChanges());
        } catch (RuntimeException e) {
            untold = null;
            throw e;
        }
        // A change stored before the read began is in what was read (or was told already); one made during the
        // read may be missing from it, so it stays expected.
        expected.values().removeIf(n -> n < before);
    }

    /** A status change of this conversation's report was just stored here: tell it at the next message. */
    void expect(String conversationKey) {
        expected.put(conversationKey, sequence.incrementAndGet());
    }

    @Override
    public List<Reply> take(String conversationKey, Language language) {
        Set<String> known = untold;
        Long mark = expected.get(conversationKey);
        if (known != null && mark == null && !known.contains(conversationKey)) {
            return List.of();
        }
        List<Report> changed = store.untoldChanges(conversationKey);
        if (!changed.isEmpty()) {
            store.markTold(changed.stream().map(Report::id).toList());
        }
        if (mark != null) {
            // Only the change seen here: one expected while the store was read waits for the next message.
            expected.remove(conversationKey, mark);
        }
        return changed.stream().map(r -> notice(r, language)).toList();
    }

    /** The notice of one report's new status, for a channel that can push it. */
    public Reply notice(Report r, Language language) {
        return new Reply.Text((language == Language.EN ? "News of your report: " : "Du nouveau sur votre signalement : ")
                + wording.describe(r, language));
    }
}
