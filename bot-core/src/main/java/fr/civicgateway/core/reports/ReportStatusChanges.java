package fr.civicgateway.core.reports;

import fr.civicgateway.core.conversation.ChannelNotifier;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.ConversationStore;
import fr.civicgateway.core.nlu.Language;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The town hall changes a report's status: it is stored, then told to the citizen — pushed at once on a channel
 * that can ({@link ChannelNotifier}), else (the web widget, a Telegram chat the bot cannot reach now) shown before
 * the answer to their next message in that conversation ({@link ReportNotices}). Thread-safe.
 */
public final class ReportStatusChanges {

    private static final Logger log = LoggerFactory.getLogger(ReportStatusChanges.class);

    private final ReportStore store;
    private final ReportNotices notices;
    private final ConversationStore conversations;
    private final Map<String, ChannelNotifier> notifiers = new HashMap<>();
    private final Clock clock;

    public ReportStatusChanges(ReportStore store, ReportNotices notices, ConversationStore conversations,
                               List<ChannelNotifier> notifiers, Clock clock) {
        this.store = store;
        this.notices = notices;
        this.conversations = conversations;
        this.clock = clock;
        notifiers.forEach(n -> this.notifiers.put(n.channel(), n));
    }

    /** How the citizen is told. */
    public enum Told { PUSHED, AT_NEXT_MESSAGE, NO_CONVERSATION }

    /** The updated report and how the citizen is told; empty for an unknown report. */
    public record Change(Report report, Told told) {
    }

    /** @throws ReportStore.ReportStoreException when the store fails (then nothing changed) */
    public Optional<Change> change(long id, ReportStatus status, String notes) {
        Optional<Report> updated = store.updateStatus(id, status, notes, clock.instant());
        return updated.map(r -> new Change(r, tell(r)));
    }

    private Told tell(Report r) {
        String key = r.conversationKey();
        if (key == null) {
            return Told.NO_CONVERSATION;
        }
        // Before any push attempt: if it fails, the citizen's next message must find the news.
        notices.expect(key);
        int colon = key.indexOf(':');
        ChannelNotifier notifier = colon < 0 ? null : notifiers.get(key.substring(0, colon));
        if (notifier == null) {
            return Told.AT_NEXT_MESSAGE;
        }
        try {
            Language language = conversations.find(key).map(ConversationState::language).orElse(Language.FR);
            if (notifier.push(key.substring(colon + 1), List.of(notices.notice(r, language == null ? Language.FR : language)))) {
                store.markTold(List.of(r.id()));
                return Told.PUSHED;
            }
        } catch (RuntimeException e) {
            // The news stays untold in the store: the citizen reads it at their next message.
            log.warn("status change not pushed on channel {}, kept for the next message: {}", notifier.channel(), e.toString());
        }
        return Told.AT_NEXT_MESSAGE;
    }
}
