package fr.civicgateway.opendata.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.core.sources.SourceStatus;
import fr.civicgateway.opendata.http.SourceTracker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;

/**
 * The machinery of every remote source of {@code config/adapters} — a local data file by URL, an OpenDataSoft dataset,
 * a news feed — whatever its items are: the current {@link Version} as the one entry of a Caffeine
 * {@link LoadingCache} with {@code refreshAfterWrite(refresh)}, refreshed on the background executor; the last good
 * copy on disk; the attempts, back-off, logging and admin status of a {@link SourceTracker}.
 *
 * <p>The first read after the interval starts a reload in the background and keeps serving the previous version
 * meanwhile; a failed reload keeps it too (the loader never throws, so Caffeine never drops nor logs it).
 * {@link #tick()}, called on a schedule, starts a due refresh even when nobody asks, and retries a failing source with
 * its {@link Backoff}, never longer than the refresh interval. Every successful version is also written to disk
 * ({@link LastGoodCopy}); at start-up that copy is served at once and refreshed when due. Without a copy, the first
 * load runs in the background at start-up: until it succeeds the source holds nothing.
 *
 * <p>Threading: reads from any thread; refreshes one at a time (Caffeine refreshes a key once at a time).
 */
final class RemoteSource<T> {

    /** Reads the items of a kept copy back; throws when the copy is not readable (the source then fetches again). */
    interface KeptReader<T> {
        List<T> read(Path file) throws Exception;
    }

    /** Told of a new version before it is kept, with the version it replaces (never null: see {@link #attempt}). */
    interface Changes<T> {
        void replacing(Version<T> held, Version<T> fetched);
    }

    private final String id;
    private final String location;
    private final Duration refresh;
    private final Fetcher<T> fetcher;
    private final LastGoodCopy copy;
    private final KeptReader<T> kept;
    private final Changes<T> changes;
    private final Clock clock;
    private final Logger log;
    private final LoadingCache<String, Version<T>> cache;
    // Updated by one refresh at a time: Caffeine runs a key's refreshes one after the other.
    private final SourceTracker tracker;

    /**
     * @param kind    the status' kind: {@code local}, {@code feed}
     * @param changes told of each new version that replaces one (not the first version, nor the kept copy read at
     *                start-up)
     */
    RemoteSource(String id, String kind, String location, Duration refresh, Fetcher<T> fetcher, LastGoodCopy copy,
                 KeptReader<T> kept, Changes<T> changes, Executor executor, Clock clock, Ticker ticker,
                 Backoff backoff, Logger log) {
        this.id = id;
        this.location = location;
        this.refresh = refresh;
        this.fetcher = fetcher;
        this.copy = copy;
        this.kept = kept;
        this.changes = changes;
        this.clock = clock;
        this.log = log;
        this.tracker = new SourceTracker(id, kind, location, refresh, backoff.atMost(refresh), log,
                "answering that it is unavailable (no data yet)", clock.instant());
        this.cache = Caffeine.newBuilder()
                .maximumSize(1) // one entry: this source's current version, bounded by the source's size cap
                .refreshAfterWrite(refresh)
                .executor(executor)
                .ticker(ticker)
                .recordStats()
                .build(new CacheLoader<>() {
                    @Override
                    public Version<T> load(String key) {
                        return attempt(null);
                    }

                    @Override
                    public Version<T> reload(String key, Version<T> old) {
                        // A read after refreshAfterWrite during a back-off: keep the old version, tick() retries.
                        return tracker.isDue(clock.instant()) ? attempt(old) : old;
                    }
                });
    }

    /**
     * Serves the last good copy if there is one, else starts the first load in the background.
     *
     * @return the first load, complete at once when a copy was served
     */
    CompletableFuture<?> start() {
        Optional<Version<T>> keptVersion = keptVersion();
        if (keptVersion.isPresent()) {
            Version<T> v = keptVersion.get();
            cache.put(id, v);
            answering(v);
            tracker.fetchedEarlier(v.fetchedAt());
            Instant due = v.fetchedAt().plus(refresh);
            Instant now = clock.instant();
            tracker.dueAt(due.isAfter(now) ? due : now);
            log.info("source {} ({}): {} items from its last good copy of {}", id, location, v.items().size(),
                    v.dataDate());
            return CompletableFuture.completedFuture(v);
        }
        return cache.refresh(id);
    }

    private Optional<Version<T>> keptVersion() {
        return copy.read().flatMap(s -> {
            try {
                List<T> items = kept.read(s.file());
                return Optional.of(new Version<>(items, s.dataDate(), s.validators(), s.marker(), s.fetchedAt()));
            } catch (Exception e) {
                log.warn("source {}: its last good copy is not readable, fetching again: {}", id, e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** Starts a refresh when one is due (the refresh interval, or a back-off after a failure); cheap otherwise. */
    void tick() {
        if (tracker.isDue(clock.instant())) {
            cache.refresh(id);
        }
    }

    /** One fetch; never throws: a failure is recorded and the held version (or nothing) is kept. */
    private Version<T> attempt(Version<T> held) {
        Instant started = clock.instant();
        try {
            Optional<Fetcher.Fetched<T>> fetched = fetcher.fetch(held);
            Version<T> v;
            if (fetched.isPresent()) {
                Fetcher.Fetched<T> f = fetched.get();
                v = new Version<>(f.items(), f.dataDate(), f.validators(), f.marker(), started);
                if (held != null) {
                    told(held, v);
                }
                keep(f, v);
            } else {
                v = held.confirmedAt(started);
                copy.touch(v);
            }
            answering(v);
            tracker.succeeded(v.fetchedAt());
            return v;
        } catch (FetchException | IOException | RuntimeException e) {
            tracker.failed(clock.instant(), oneLine(e), e instanceof RuntimeException ? e : null);
            return held;
        }
    }

    private void told(Version<T> held, Version<T> v) {
        try {
            changes.replacing(held, v);
        } catch (RuntimeException e) {
            // A listener's failure is its own: the new data is still good.
            log.error("source {}: a listener of its new versions failed", id, e);
        }
    }

    private void keep(Fetcher.Fetched<T> f, Version<T> v) throws IOException {
        try {
            copy.keep(f.file(), v);
        } catch (IOException e) {
            UrlFileFetcher.delete(f.file());
            throw e;
        }
    }

    private void answering(Version<T> v) {
        tracker.answering(v.dataDate(), Map.of("items", v.items().size()));
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = m.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** The version held, without starting a refresh; null while none. */
    Version<T> held() {
        return cache.policy().getIfPresentQuietly(id);
    }

    /** The version held, a read that starts a refresh in the background when one is due; null while none. */
    Version<T> read() {
        return cache.getIfPresent(id);
    }

    SourceStatus status() {
        return tracker.status();
    }

    Cache<String, ?> cache() {
        return cache;
    }
}
