package fr.civicgateway.core.reports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where problem reports are kept (a database in production). The chat and the Open311 server acknowledge a report
 * only once {@link #submit} has returned: an implementation returns only after the report is durably committed.
 *
 * <p>Implementations are thread-safe. Any failure of the store itself throws {@link ReportStoreException}; the
 * dialogue then apologises and keeps the flow, so nothing the citizen typed is lost.
 *
 * <pre>{@code
 * Report r = store.submit(newReport, clock.instant());
 * reply(t.msg("report.registered", "id", String.valueOf(r.id()), "recipient", recipient));
 * }</pre>
 */
public interface ReportStore {

    /**
     * Stores a new, open report and returns it with its tracking number, once committed. A report with the same
     * {@link NewReport#draftId()} stored before is returned as it is, and nothing new is stored: confirming one draft
     * twice (a double click, a request retried) gives one report and one tracking number.
     */
    Report submit(NewReport report, Instant now);

    Optional<Report> find(long id);

    /** Reports matching the query, newest first. */
    List<Report> query(ReportQuery query);

    /**
     * Changes a report's status and note, and marks the change as not yet told to the citizen.
     *
     * @return the updated report, or empty when there is no report with that id
     */
    Optional<Report> updateStatus(long id, ReportStatus status, String notes, Instant now);

    /** Status changes of this conversation's reports not yet told to the citizen. */
    List<Report> untoldChanges(String conversationKey);

    /**
     * This conversation's open reports, oldest first: their status changes are told to the citizen, so the list of
     * what they follow shows them. Default: none (a store that does not keep conversations).
     */
    default List<Report> openReportsOf(String conversationKey) {
        return List.of();
    }

    /**
     * The conversations that have at least one status change not yet told: a short list (changes are told at the
     * citizen's next message), read now and then so that a message need not query the store to learn it has no news.
     */
    Set<String> conversationsWithUntoldChanges();

    /** Records that the citizen has been told of the current status of these reports. */
    void markTold(List<Long> ids);

    /**
     * The forwarding outbox: reports taken in the chat that the municipality's own Open311 endpoint has not
     * acknowledged nor refused, whose next attempt is due at {@code now}, the longest due first (a report that keeps
     * failing waits longer and longer, and never holds up a newer one). Reports posted through this gateway's Open311
     * server came from the municipality and are never forwarded back. A new report is due at once.
     */
    List<Forwarding> dueForForward(Instant now, int limit);

    /**
     * Takes a due report for one attempt: its next attempt moves from {@code due} (as {@link #dueForForward} gave it)
     * to {@code retryAt}, and its attempts are counted, before it is sent. Returns false when another instance took
     * it first (its next attempt is no longer {@code due}): this one then leaves it. An attempt cut short by a crash
     * is retried at {@code retryAt}.
     */
    boolean claimForward(long id, Instant due, Instant retryAt);

    /** Records the id the municipality's endpoint gave a forwarded report; it leaves the outbox. */
    void recordForwarded(long id, String externalId);

    /**
     * Records that the municipality's endpoint refused the report for good (a 4xx): it leaves the outbox and is never
     * sent again; the reason (see {@link Forwarding#reason}) is shown to the operator.
     */
    void recordRefused(long id, String reason);

    /** The reports not delivered yet: waiting ones (next attempt first) and refused ones (newest first), each at most {@code limit}. */
    List<Forwarding> undelivered(int limit);

    /** Thrown when the store itself fails (not when a report is unknown). */
    final class ReportStoreException extends RuntimeException {
        public ReportStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
