package fr.civicgateway.opendata.http;

import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.core.sources.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.slf4j.Logger;

/**
 * What is known of one remote source between its refreshes, as {@link SourceStatus} shows it: the data answered from,
 * the last success, the current streak of failures and when the next attempt is due (one interval after a success,
 * the {@link Backoff} after a failure).
 *
 * <p>A failure is logged once per streak: the first failure after a success is one warning naming the source, the
 * date of the data still answered from (or, while it has none, what is answered instead) and the error; the further
 * failures of the streak are debug lines; the success that ends it is one info line, with the data now answered from.
 * A source down for a day writes two lines, not one per retry.
 *
 * <p>Threading: updated by one refreshing thread at a time; {@link #status} and {@link #nextAttempt} may be read
 * from any thread (each update publishes a new immutable state).
 */
public final class SourceTracker {

    private record State(LocalDate dataDate, Map<String, Integer> counts, Instant lastSuccess, Instant lastFailure,
                         String lastError, int failuresInARow, Instant nextAttempt) {
    }

    private final String id;
    private final String kind;
    private final String url;
    private final Duration interval;
    private final Backoff backoff;
    private final Logger log;
    private final String withoutData;
    private volatile State state;

    /**
     * @param url         where the source is fetched from, without credentials or query (it is shown and logged)
     * @param interval    the wait between a success and the next check
     * @param log         where the once-per-streak lines go: the refreshing adapter's logger
     * @param withoutData what the log lines say in place of "answering from its data of" a date while no data of
     *                    this source is answered from, e.g. "answering from the shipped snapshot"
     * @param now         the first attempt is due then
     */
    public SourceTracker(String id, String kind, String url, Duration interval, Backoff backoff, Logger log,
                         String withoutData, Instant now) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.url = Objects.requireNonNull(url, "url");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the refresh interval of " + id + " must be positive: " + interval);
        }
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.log = Objects.requireNonNull(log, "log");
        this.withoutData = Objects.requireNonNull(withoutData, "withoutData");
        this.state = new State(null, Map.of(), null, null, null, 0, now);
    }

    public String id() {
        return id;
    }

    /** Describes the data answered from now: at start, or after a refresh changed it. */
    public void answering(LocalDate dataDate, Map<String, Integer> counts) {
        State s = state;
        state = new State(dataDate, Map.copyOf(counts), s.lastSuccess(), s.lastFailure(), s.lastError(),
                s.failuresInARow(), s.nextAttempt());
    }

    /** The data answered from was fetched at {@code at}, by an earlier run (read back from disk at start). */
    public void fetchedEarlier(Instant at) {
        State s = state;
        state = new State(s.dataDate(), s.counts(), at, s.lastFailure(), s.lastError(), s.failuresInARow(),
                s.nextAttempt());
    }

    /** A fetch brought new data, now answered from, or confirmed that the data is unchanged; ends a failure streak. */
    public void succeeded(Instant at) {
        State s = state;
        if (s.failuresInARow() > 0) {
            log.info("Open data source {} is back after {} failed attempt{}; {}", id, s.failuresInARow(),
                    s.failuresInARow() == 1 ? "" : "s", answeredFrom(s));
        }
        state = new State(s.dataDate(), s.counts(), at, null, null, 0, at.plus(interval));
    }

    /**
     * A fetch failed or brought data that was refused: the data answered from stays, and the next attempt waits
     * the back-off.
     *
     * @param error one line, without personal data (a URL without its query, an archive and entry name)
     */
    public void failed(Instant at, String error) {
        failed(at, error, null);
    }

    /**
     * As {@link #failed(Instant, String)}, for a failure that may be a bug rather than the source's.
     *
     * @param unexpected logged with its stack trace on the first line of the streak; null for none
     */
    public void failed(Instant at, String error, Throwable unexpected) {
        State s = state;
        int streak = s.failuresInARow() + 1;
        Duration wait = backoff.after(streak);
        if (streak == 1) {
            log.warn("Open data source {} failed; {} and retrying in {}, then with back-off up to {}: {}", id,
                    answeredFrom(s), brief(wait), brief(backoff.max()), error, unexpected);
        } else {
            log.debug("Open data source {} failed again ({} in a row), next attempt in {}: {}", id, streak, brief(wait),
                    error);
        }
        state = new State(s.dataDate(), s.counts(), s.lastSuccess(), at, error, streak, at.plus(wait));
    }

    /** Makes the next attempt due at once. */
    public void dueAt(Instant at) {
        State s = state;
        state = new State(s.dataDate(), s.counts(), s.lastSuccess(), s.lastFailure(), s.lastError(),
                s.failuresInARow(), at);
    }

    public boolean isDue(Instant now) {
        return !now.isBefore(state.nextAttempt());
    }

    public Instant nextAttempt() {
        return state.nextAttempt();
    }

    public int failuresInARow() {
        return state.failuresInARow();
    }

    public SourceStatus status() {
        State s = state;
        return new SourceStatus(id, kind, url, s.dataDate(), s.counts(), s.lastSuccess(), s.lastFailure(),
                s.lastError(), s.nextAttempt());
    }

    /** "answering from its data of 2025-12-15 (groups=12, sittingDeputies=577)". */
    private String answeredFrom(State s) {
        if (s.dataDate() == null) {
            return withoutData;
        }
        StringJoiner counts = new StringJoiner(", ", " (", ")").setEmptyValue("");
        new TreeMap<>(s.counts()).forEach((name, n) -> counts.add(name + "=" + n));
        return "answering from its data of " + s.dataDate() + counts;
    }

    /** "PT1H30M" → "1h30m": how the configuration writes durations. */
    static String brief(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
