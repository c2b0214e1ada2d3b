package fr.civicgateway.opendata.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.local.LocalDataException;
import fr.civicgateway.core.local.LocalDataSource;
import fr.civicgateway.core.local.LocalItem;
import fr.civicgateway.core.sources.SourceMonitor;
import fr.civicgateway.core.sources.SourceStatus;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.opendata.http.SourceTracker;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local data source fetched from elsewhere — a CSV or GeoJSON file by URL, an OpenDataSoft dataset — and kept
 * fresh in the background, so that a citizen's question never waits on the network and is answered from the last good
 * data while the remote is down, slow, or sends garbage or a huge file.
 *
 * <p>How: the current {@link Version} is the one entry of a Caffeine {@link LoadingCache} with
 * {@code refreshAfterWrite(refresh)}: the first read after the interval starts a reload on the background executor and
 * keeps serving the previous version meanwhile; a failed reload keeps it too (the loader never throws, so Caffeine
 * never drops nor logs it). {@link #tick()}, called on a schedule, starts a due refresh even when nobody asks, and
 * retries a failing source with its {@link Backoff}, never longer than the refresh interval.
 * Every successful version is also written to disk ({@link LastGoodCopy}); at start-up that copy is served at once and
 * refreshed when due. Without a copy, the first load runs in the background at start-up: until it succeeds the source
 * is {@linkplain #available() unavailable}, and the bot says so. The cache records its statistics, for Micrometer.
 *
 * <p>The attempts, the admin view's {@link SourceStatus} and the logging are a {@link SourceTracker}'s: the first
 * failure of a streak is logged once, with the source's id and why (the fetchers' errors name the URL without its
 * query string, never a key); the following ones at debug; the recovery once.
 */
public final class RemoteLocalDataSource implements LocalDataSource, SourceMonitor {

    private static final Logger log = LoggerFactory.getLogger(RemoteLocalDataSource.class);

    private final AdapterConfig config;
    private final Fetcher fetcher;
    private final LastGoodCopy copy;
    private final Clock clock;
    private final LoadingCache<String, Version> cache;
    // Updated by one refresh at a time: Caffeine runs a key's refreshes one after the other.
    private final SourceTracker tracker;

    RemoteLocalDataSource(AdapterConfig config, Fetcher fetcher, LastGoodCopy copy, Executor executor, Clock clock,
                          Ticker ticker, Backoff backoff) {
        this.config = config;
        this.fetcher = fetcher;
        this.copy = copy;
        this.clock = clock;
        this.tracker = new SourceTracker(config.id(), "local", config.location(), config.refresh(),
                backoff.atMost(config.refresh()), log, "answering that it is unavailable (no data yet)",
                clock.instant());
        this.cache = Caffeine.newBuilder()
                .maximumSize(1) // one entry: this source's current version, bounded by the source's size cap
                .refreshAfterWrite(config.refresh())
                .executor(executor)
                .ticker(ticker)
                .recordStats()
                .build(new CacheLoader<>() {
                    @Override
                    public Version load(String key) {
                        return attempt(null);
                    }

                    @Override
                    public Version reload(String key, Version old) {
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
        Optional<Version> kept = keptVersion();
        if (kept.isPresent()) {
            Version v = kept.get();
            cache.put(config.id(), v);
            answering(v);
            tracker.fetchedEarlier(v.fetchedAt());
            Instant due = v.fetchedAt().plus(config.refresh());
            Instant now = clock.instant();
            tracker.dueAt(due.isAfter(now) ? due : now);
            log.info("local source {} ({}): {} items from its last good copy of {}", config.id(), config.location(),
                    v.items().size(), v.dataDate());
            return CompletableFuture.completedFuture(v);
        }
        return cache.refresh(config.id());
    }

    private Optional<Version> keptVersion() {
        return copy.read().flatMap(s -> {
            try {
                List<LocalItem> items = Records.read(config, s.file(), config.location() + " (last good copy)");
                return Optional.of(new Version(items, s.dataDate(), s.validators(), s.marker(), s.fetchedAt()));
            } catch (LocalDataException e) {
                log.warn("local source {}: its last good copy is not readable, fetching again: {}", config.id(),
                        e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** Starts a refresh when one is due (the refresh interval, or a back-off after a failure); cheap otherwise. */
    public void tick() {
        if (tracker.isDue(clock.instant())) {
            cache.refresh(config.id());
        }
    }

    /** One fetch; never throws: a failure is recorded and the held version (or nothing) is kept. */
    private Version attempt(Version held) {
        Instant started = clock.instant();
        try {
            Optional<Fetcher.Fetched> fetched = fetcher.fetch(held);
            Version v;
            if (fetched.isPresent()) {
                Fetcher.Fetched f = fetched.get();
                v = new Version(f.items(), f.dataDate(), f.validators(), f.marker(), started);
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

    private void keep(Fetcher.Fetched f, Version v) throws IOException {
        try {
            copy.keep(f.file(), v);
        } catch (IOException e) {
            UrlFileFetcher.delete(f.file());
            throw e;
        }
    }

    private void answering(Version v) {
        tracker.answering(v.dataDate(), Map.of("items", v.items().size()));
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = m.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public Description description() {
        Version v = cache.policy().getIfPresentQuietly(config.id());
        return config.description().withDataDate(v == null ? null : v.dataDate());
    }

    /** The current version's items: a read of the cache, which starts a refresh in the background when one is due. */
    @Override
    public List<LocalItem> items() {
        Version v = cache.getIfPresent(config.id());
        return v == null ? List.of() : v.items();
    }

    @Override
    public Set<LocalItem.Kind> kinds() {
        return EnumSet.of(config.kind());
    }

    @Override
    public boolean available() {
        return cache.policy().getIfPresentQuietly(config.id()) != null;
    }

    @Override
    public List<SourceStatus> statuses() {
        return List.of(tracker.status());
    }

    /** The cache holding the current version, to bind its statistics to metrics; not for writing. */
    public Cache<String, ?> cache() {
        return cache;
    }
}
