package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.core.sources.SourceStatus;
import fr.civicgateway.opendata.http.RefreshScheduler;
import fr.civicgateway.opendata.http.SourceTracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The skeleton that {@link AssembleeRefresh} and {@link WorkRefresh} share: one tracker per archive, one refresh at a
 * time under a lock, started once and stopped, the next pass planned on the {@link RefreshScheduler} at the soonest
 * attempt of the trackers by the injected clock, and the statuses in the archives' order. What a pass does with the
 * archives that are due (download, validate, keep, swap) is the refresh's own.
 *
 * <p>Threading: {@link #locked}, {@link #start}, {@link #stop} and {@link #refresh} take the lock (a refresh in
 * progress is waited for); {@link #statuses} does not ({@link SourceTracker} is safe to read). Errors: {@link #refresh}
 * before {@link #start}, or {@link #start} twice, throw {@link IllegalStateException}; a planned pass that throws is
 * logged and the next one planned anyway.
 *
 * @param <A> the refresh's archives
 */
final class RefreshCycle<A extends Enum<A>> {

    private static final Logger log = LoggerFactory.getLogger(RefreshCycle.class);

    private final String name;
    private final Map<A, SourceTracker> trackers;
    private final Class<A> archives;
    private final Clock clock;
    private final RefreshScheduler scheduler;
    private final BiConsumer<Set<A>, Instant> pass;
    private final ReentrantLock lock = new ReentrantLock();

    // Guarded by `lock`.
    private boolean started;
    private Future<?> planned;

    /**
     * @param name     how messages name the refresh ("Assemblée", "work")
     * @param trackers one per archive refreshed (not empty), in the enum's order
     * @param pass     the refresh's own pass, under the lock: it gets the archives to check now, in order, and the
     *                 instant of the pass; it handles each archive's failure itself
     */
    RefreshCycle(String name, Class<A> archives, Map<A, SourceTracker> trackers, Clock clock,
                 RefreshScheduler scheduler, BiConsumer<Set<A>, Instant> pass) {
        this.name = Objects.requireNonNull(name, "name");
        this.archives = Objects.requireNonNull(archives, "archives");
        if (trackers.isEmpty()) {
            throw new IllegalArgumentException("a refresh of no archive: trackers is empty");
        }
        this.trackers = Collections.unmodifiableMap(new EnumMap<>(trackers));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.pass = Objects.requireNonNull(pass, "pass");
    }

    /** The archives refreshed, in order. */
    Set<A> archives() {
        return trackers.keySet();
    }

    SourceTracker tracker(A archive) {
        return trackers.get(archive);
    }

    /** Every archive due now: the first pass after a start checks them all. */
    void allDueAt(Instant now) {
        trackers.values().forEach(t -> t.dueAt(now));
    }

    /** Runs {@code action} under the refresh's lock (loading at start, while no pass may run). */
    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts planning passes. {@code prepare} runs first, under the lock (the refresh keeps its swap there, or throws
     * when it cannot start yet).
     */
    void start(Runnable prepare) {
        lock.lock();
        try {
            if (started) {
                throw new IllegalStateException("the " + name + " refresh is already started");
            }
            prepare.run();
            started = true;
            plan();
        } finally {
            lock.unlock();
        }
    }

    /** Stops planning passes; one in progress finishes. */
    void stop() {
        lock.lock();
        try {
            if (planned != null) {
                planned.cancel(false);
            }
            started = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * One pass under the lock (waiting for one in progress) over all the archives, or those whose planned time has
     * come by the clock; the next pass is planned after it, whatever happened.
     */
    void refresh(boolean all) {
        lock.lock();
        try {
            if (!started) {
                throw new IllegalStateException("start() the " + name + " refresh first");
            }
            Instant now = clock.instant();
            Set<A> due = EnumSet.noneOf(archives);
            trackers.forEach((a, t) -> {
                if (all || t.isDue(now)) {
                    due.add(a);
                }
            });
            pass.accept(due, now);
        } finally {
            try {
                plan();
            } finally {
                lock.unlock();
            }
        }
    }

    /** One status per archive, in the archives' order. */
    List<SourceStatus> statuses() {
        List<SourceStatus> out = new ArrayList<>(trackers.size());
        trackers.values().forEach(t -> out.add(t.status()));
        return out;
    }

    private void plan() {
        if (!started) {
            return;
        }
        if (planned != null) {
            planned.cancel(false);
        }
        Instant soonest = Collections.min(trackers.values().stream().map(SourceTracker::nextAttempt).toList());
        planned = scheduler.schedule(this::runPlanned, Duration.between(clock.instant(), soonest));
    }

    private void runPlanned() {
        try {
            refresh(false);
        } catch (IllegalStateException stopped) {
            // stop() came first: nothing more to do.
        } catch (RuntimeException e) {
            // A bug, not a failing source (those are caught per archive): the next attempt is planned anyway.
            log.error("{} refresh failed", name, e);
        }
    }

    /** A URL as shown and logged: no user info, no query (where a key would be). */
    static String shown(HttpUrl url) {
        return url.newBuilder().username("").password("").query(null).build().toString();
    }

    /** Deletes what an interrupted refresh left among the kept copies; a failure is only logged (they are retried). */
    static void removeLeftovers(LastGoodArchives kept) {
        try {
            kept.removeLeftovers();
        } catch (IOException e) {
            log.warn("Cannot remove the leftovers of an interrupted refresh in {}: {}", kept.directory(), e.toString());
        }
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", file.getFileName(), e.toString());
        }
    }
}
