package fr.civicgateway.core.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.InMemoryConversationStore;
import fr.civicgateway.core.nlu.Language;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The news of a report's new status reaches the citizen at their next message, whether the change was made on this
 * instance or on another one sharing the database — without asking the store at every message.
 */
class ReportNoticesTest {

    /** The store, counting how often a message asks it for news, and able to fail. */
    static final class CountingStore implements ReportStore {
        final InMemoryReportStore reports = new InMemoryReportStore();
        final AtomicInteger asked = new AtomicInteger();
        final AtomicBoolean down = new AtomicBoolean();

        public List<Report> untoldChanges(String conversationKey) {
            asked.incrementAndGet();
            return reports.untoldChanges(conversationKey);
        }

        public Set<String> conversationsWithUntoldChanges() {
            if (down.get()) {
                throw new ReportStoreException("database down", new IllegalStateException());
            }
            return reports.conversationsWithUntoldChanges();
        }

        public Report submit(NewReport report, Instant now) {
            return reports.submit(report, now);
        }

        public Optional<Report> find(long id) {
            return reports.find(id);
        }

        public List<Report> query(ReportQuery query) {
            return reports.query(query);
        }

        public Optional<Report> updateStatus(long id, ReportStatus status, String notes, Instant now) {
            return reports.updateStatus(id, status, notes, now);
        }

        public void markTold(List<Long> ids) {
            reports.markTold(ids);
        }

        public List<Forwarding> dueForForward(Instant now, int limit) {
            return reports.dueForForward(now, limit);
        }

        public boolean claimForward(long id, Instant due, Instant retryAt) {
            return reports.claimForward(id, due, retryAt);
        }

        public void recordForwarded(long id, String externalId) {
            reports.recordForwarded(id, externalId);
        }

        public void recordRefused(long id, String reason) {
            reports.recordRefused(id, reason);
        }

        public List<Forwarding> undelivered(int limit) {
            return reports.undelivered(limit);
        }
    }

    final CountingStore store = new CountingStore();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    final ReportNotices notices = new ReportNotices(store, ReportFlowTest.CATEGORIES, java.time.ZoneId.of("Europe/Paris"));
    final ReportStatusChanges here = new ReportStatusChanges(store, notices,
            new InMemoryConversationStore(100, Duration.ofHours(1), Ticker.systemTicker()), List.of(), clock);

    Report report(String key) {
        return store.submit(new NewReport("voirie-nid-de-poule", "trou", new ReportLocation(null, null, "Annecy", "74010"),
                null, null, "web", key), Instant.parse("2026-11-20T09:00:00Z"));
    }

    static List<String> texts(List<Reply> replies) {
        return replies.stream().map(r -> ((Reply.Text) r).text()).toList();
    }

    @Test
    void aConversationWithoutNewsIsAnsweredWithoutAskingTheStoreOnceTheIndexIsRead() {
        report("web:c1");
        notices.refresh();

        assertThat(notices.take("web:c1", Language.FR)).isEmpty();
        assertThat(notices.take("web:someone-else", Language.FR)).isEmpty();
        assertThat(store.asked).hasValue(0);
    }

    @Test
    void aChangeMadeOnThisInstanceIsToldAtTheNextMessageBeforeAnyRefreshAndOnlyOnce() {
        Report r = report("web:c1");
        notices.refresh();

        here.change(r.id(), ReportStatus.CLOSED, "Trou rebouché.");

        assertThat(texts(notices.take("web:c1", Language.FR))).containsExactly("Du nouveau sur votre signalement : "
                + "Le signalement n° 1 (Nid-de-poule ou chaussée abîmée), enregistré le 20 novembre 2026, est clos "
                + "(mis à jour le 24 novembre 2026). Note de la mairie : Trou rebouché.");
        assertThat(notices.take("web:c1", Language.FR)).isEmpty();
    }

    @Test
    void aChangeMadeOnAnotherInstanceIsToldAtTheFirstMessageAfterTheNextRefresh() {
        Report r = report("web:c1");
        notices.refresh();
        // Another instance changes the status in the shared database: this one hears nothing of it.
        store.updateStatus(r.id(), ReportStatus.CLOSED, null, clock.instant());

        assertThat(notices.take("web:c1", Language.EN)).isEmpty();
        notices.refresh();

        assertThat(texts(notices.take("web:c1", Language.EN))).singleElement().asString()
                .startsWith("News of your report: Report no. 1 (Pothole or damaged road)").contains("is closed");
    }

    @Test
    void whileTheIndexCannotBeReadEveryMessageAsksTheStoreAndNothingIsMissed() {
        Report r = report("web:c1");
        store.down.set(true);
        assertThatThrownBy(notices::refresh).isInstanceOf(ReportStore.ReportStoreException.class);
        store.updateStatus(r.id(), ReportStatus.CLOSED, null, clock.instant());

        assertThat(notices.take("web:c1", Language.FR)).hasSize(1);
        assertThat(store.asked).hasValue(1);
    }
}
