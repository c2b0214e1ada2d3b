package fr.civicgateway.connectors.open311;

import fr.civicgateway.core.reports.Forwarding;
import fr.civicgateway.core.reports.Report;
import fr.civicgateway.core.reports.ReportStore;
import fr.civicgateway.core.retry.Backoff;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forwarding outbox: sends the reports taken in the chat to the municipality's own Open311 endpoint. The outbox
 * is the store itself ({@link ReportStore#dueForForward}): a report leaves it only once the peer has answered with
 * its id and that id is recorded, or once the peer refused it for good (a 4xx: the reason is kept for the operator,
 * see the admin API), so a report is never lost while the peer is down, slow or failing, nor across a restart.
 *
 * <p>Each report has its own next attempt, stored with it: a failing report waits before its next try, twice as long
 * each time ({@link Backoff}, from {@code initialBackoff} up to {@code maxBackoff}), after a restart too, and the
 * reports picked are those due, the longest due first, so reports that keep failing never hold up a newer one. Each
 * attempt is claimed in the store before the call ({@link ReportStore#claimForward}), so two instances never send the
 * same report at once.
 *
 * <p>{@link #forwardDue} is called by one scheduled thread; it is not meant to run concurrently with itself. Log lines
 * say how many reports wait and why a try failed, never a description, a contact nor an id.
 */
final class Open311Forwarding {

    private static final Logger log = LoggerFactory.getLogger(Open311Forwarding.class);

    private final ReportStore store;
    private final Open311Client client;
    private final Clock clock;
    private final Backoff backoff;
    private final int batchSize;
    private final Map<String, String> serviceCodes;

    /**
     * @param serviceCodes the peer's service code for each of ours that differs (ours is sent otherwise)
     */
    Open311Forwarding(ReportStore store, Open311Client client, Clock clock, Backoff backoff, int batchSize,
                      Map<String, String> serviceCodes) {
        this.store = store;
        this.client = client;
        this.clock = clock;
        this.backoff = backoff;
        this.batchSize = batchSize;
        this.serviceCodes = Map.copyOf(serviceCodes);
    }

    /** One pass over the outbox: tries every report that is due. Returns how many were delivered. */
    int forwardDue() {
        int delivered = 0;
        int failed = 0;
        int refused = 0;
        String lastError = null;
        for (Forwarding f : store.dueForForward(clock.instant(), batchSize)) {
            Report r = f.report();
            // The next attempt is set before this one is made: a crash during the call retries it then.
            Instant retryAt = clock.instant().plus(backoff.after(f.attempts() + 1));
            if (!store.claimForward(r.id(), f.nextAttemptAt(), retryAt)) {
                continue; // another instance took it
            }
            String externalId;
            try {
                externalId = client.post(r, serviceCodes.getOrDefault(r.serviceCode(), r.serviceCode()));
            } catch (Open311Client.Open311ClientException e) {
                if (e.refused()) {
                    store.recordRefused(r.id(), "refused by the municipality's endpoint: " + e.getMessage());
                    refused++;
                } else {
                    failed++;
                }
                lastError = e.getMessage();
                continue;
            }
            // If the store fails now, the report is posted again at its next attempt (at-least-once), which the
            // peer's id in the answer lets an operator reconcile.
            store.recordForwarded(r.id(), externalId);
            delivered++;
        }
        if (refused > 0) {
            log.warn("Open311 forwarding: {} report(s) refused by the municipality's endpoint, not retried (see the admin "
                    + "API's forwarding list): {}", refused, lastError);
        }
        if (failed > 0) {
            log.warn("Open311 forwarding: {} report(s) not delivered this pass, retried later with back-off: {}",
                    failed, lastError);
        }
        return delivered;
    }
}
