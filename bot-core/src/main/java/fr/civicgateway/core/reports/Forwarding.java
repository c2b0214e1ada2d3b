package fr.civicgateway.core.reports;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a report taken in the chat stands on its way to the municipality's own Open311 endpoint, while it has not
 * been delivered: waiting for its next attempt, or refused by the endpoint (a permanent 4xx, never tried again).
 *
 * @param report        the report
 * @param attempts      how many times it was sent so far (each one failed or is under way)
 * @param nextAttemptAt when it is next due; null once refused
 * @param refusedReason the endpoint's reason for refusing it (its status and description, never the citizen's
 *                      text); null while it is waiting
 */
public record Forwarding(Report report, int attempts, Instant nextAttemptAt, String refusedReason) {

    public static final int MAX_REASON_LENGTH = 300;

    public Forwarding {
        Objects.requireNonNull(report, "report");
        if ((nextAttemptAt == null) == (refusedReason == null)) {
            throw new IllegalArgumentException("a forwarding is either waiting (nextAttemptAt) or refused (refusedReason)");
        }
    }

    public boolean refused() {
        return refusedReason != null;
    }

    /** The reason as stored: one line, at most {@link #MAX_REASON_LENGTH} characters. */
    public static String reason(String text) {
        String one = text == null || text.isBlank() ? "refused" : text.replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_REASON_LENGTH ? one : one.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }
}
