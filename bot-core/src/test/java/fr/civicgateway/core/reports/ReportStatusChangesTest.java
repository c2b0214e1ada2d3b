package fr.civicgateway.core.reports;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.conversation.ChannelNotifier;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.InMemoryConversationStore;
import fr.civicgateway.core.nlu.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A status change is pushed where the channel can, else kept for the citizen's next message. */
class ReportStatusChangesTest {

    final InMemoryReportStore store = new InMemoryReportStore();
    final InMemoryConversationStore conversations = new InMemoryConversationStore(100, Duration.ofHours(1), Ticker.systemTicker());
    final List<String> pushed = new ArrayList<>();
    final ChannelNotifier telegram = new ChannelNotifier() {
        public String channel() {
            return "telegram";
        }

        public boolean push(String conversationId, List<Reply> replies) {
            if (!conversationId.equals("known")) {
                return false;
            }
            replies.forEach(r -> pushed.add(((Reply.Text) r).text()));
            return true;
        }
    };
    final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    final ReportStatusChanges changes = new ReportStatusChanges(store, new ReportNotices(store, ReportFlowTest.CATEGORIES,
            java.time.ZoneId.of("Europe/Paris")),
            conversations, List.of(telegram), clock);

    Report report(String channel, String key) {
        return store.submit(new NewReport("voirie-nid-de-poule", "trou", new ReportLocation(null, null, "Annecy", "74010"),
                null, null, channel, key), Instant.parse("2026-11-20T09:00:00Z"));
    }

    @Test
    void pushesToAReachableTelegramChatInItsLanguageAndMarksItTold() {
        Report r = report("telegram", "telegram:known");
        conversations.save("telegram:known", ConversationState.start(Language.EN, clock.instant()));

        ReportStatusChanges.Change c = changes.change(r.id(), ReportStatus.CLOSED, "Filled.").orElseThrow();

        assertThat(c.told()).isEqualTo(ReportStatusChanges.Told.PUSHED);
        assertThat(pushed).containsExactly("News of your report: Report no. 1 (Pothole or damaged road), registered on "
                + "20 November 2026, is closed (updated on 24 November 2026). The council's note: Filled.");
        assertThat(store.untoldChanges("telegram:known")).isEmpty();
    }

    @Test
    void keepsTheNewsForTheNextMessageWhenTheChatCannotBeReachedOrTheChannelCannotPush() {
        Report telegramReport = report("telegram", "telegram:unknown");
        Report webReport = report("web", "web:c1");
        Report open311 = report("open311", null);

        assertThat(changes.change(telegramReport.id(), ReportStatus.CLOSED, null).orElseThrow().told())
                .isEqualTo(ReportStatusChanges.Told.AT_NEXT_MESSAGE);
        assertThat(changes.change(webReport.id(), ReportStatus.CLOSED, null).orElseThrow().told())
                .isEqualTo(ReportStatusChanges.Told.AT_NEXT_MESSAGE);
        assertThat(changes.change(open311.id(), ReportStatus.CLOSED, null).orElseThrow().told())
                .isEqualTo(ReportStatusChanges.Told.NO_CONVERSATION);
        assertThat(store.untoldChanges("telegram:unknown")).hasSize(1);
        assertThat(store.untoldChanges("web:c1")).hasSize(1);
        assertThat(changes.change(999, ReportStatus.CLOSED, null)).isEmpty();
        assertThat(pushed).isEmpty();
    }
}
