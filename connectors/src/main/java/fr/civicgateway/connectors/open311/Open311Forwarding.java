package fr.civicgateway.connectors.open311;

import fr.civicgateway.core.reports.Report;
import fr.civicgateway.core.reports.ReportStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forwarding outbox: sends the reports taken in the chat to the municipality's own Open311 endpoint. The outbox
 * is the store itself ({@link ReportStore#awaitingForward}): a report leaves it only once the peer has answered with
 * its id and that id is recorded, so a report is never lost while the peer is down, slow or failing, nor across a
 * restart. A failing report waits before its next try, twice as long each time (from {@code initialBackoff} up to
 * {@code maxBackoff}); that wait is kept in memory, so a restart simply tries at once.
 *
 * <p>{@link #forwardDue} is called by one scheduled thread; it is not meant to run concurrently with itself. Log lines
 * say how many reports wait and why a try failed, never a description, a contact nor an id.
 */
final class Open311Forwarding {

    private static final Logger log = LoggerFactory.getLogger(Open311Forwarding.class);

    private final ReportStore store;
    private final Open311Client client;
    private final Clock clock;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int batchSize;
    private final Map<String, String> serviceCodes;
    private final Map<Long, Attempts> failures = new ConcurrentHashMap<>();

    private record Attempts(int count, Instant notBefore) {
    }

    /**
     * @param serviceCodes the peer's service code for each of ours that differs (ours is sent otherwise)
     */
    Open311Forwarding(ReportStore store, Open311Client client, Clock clock, Duration initialBackoff,
                      Duration maxBackoff, int batchSize, Map<String, String> serviceCodes) {
        this.store = store;
        this.client = client;
        this.clock = clock;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.batchSize = batchSize;
        this.serviceCodes = Map.copyOf(serviceCodes);
    }

    /** One pass over the outbox: tries every report that is due. Returns how many were delivered. */
    int forwardDue() {
        int delivered = 0;
        int failed = 0;
        String lastError = null;
        for (Report r : store.awaitingForward(batchSize)) {
            Instant now = clock.instant();
            Attempts previous = failures.get(r.id());
            if (previous != null && now.isBefore(previous.notBefore())) {
                continue;
            }
            String externalId;
            try {
                externalId = client.post(r, serviceCodes.getOrDefault(r.serviceCode(), r.serviceCode()));
            } catch (Open311Client.Open311ClientException e) {
                int count = previous == null ? 1 : previous.count() + 1;
                failures.put(r.id(), new Attempts(count, now.plus(backoff(count))));
                failed++;
                lastError = e.getMessage();
                continue;
            }
            // Recorded before it is forgotten here: if the store fails now, the next pass posts it again
            // (at-least-once), which the peer's id in the answer lets an operator reconcile.
            store.recordForwarded(r.id(), externalId);
            failures.remove(r.id());
            delivered++;
        }
        if (failed > 0) {
            log.warn("Open311 forwarding: {} report(s) not delivered this pass, retried later with back-off: {}",
                    failed, lastError);
        }
        return delivered;
    }

    /** The wait after the n-th failure in a row: initial, ×2, ×4 … up to the maximum. */
    Duration backoff(int failuresInARow) {
        Duration d = initialBackoff;
        for (int i = 1; i < failuresInARow && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
