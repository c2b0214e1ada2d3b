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
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
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
 * retries a failing source with a back-off (initial, then doubling, at most the refresh interval or the maximum back-off).
 * Every successful version is also written to disk ({@link LastGoodCopy}); at start-up that copy is served at once and
 * refreshed when due. Without a copy, the first load runs in the background at start-up: until it succeeds the source
 * is {@linkplain #available() unavailable}, and the bot says so. The cache records its statistics, for Micrometer.
 *
 * <p>Logging: the first failure of a streak is logged once, with the source, the URL and why (never a query string
 * or a key); the following ones at debug; the recovery once.
 */
public final class RemoteLocalDataSource implements LocalDataSource, SourceMonitor {

    private static final Logger log = LoggerFactory.getLogger(RemoteLocalDataSource.class);

    private final AdapterConfig config;
    private final Fetcher fetcher;
    private final LastGoodCopy copy;
    private final Clock clock;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final LoadingCache<String, Version> cache;
    private final Object statusLock = new Object();
    private volatile Attempts attempts;

    /** What the admin view shows of the attempts to fetch this source. */
    private record Attempts(Instant lastSuccess, Instant lastFailure, String lastError, int failures,
                            Instant nextAttempt) {
    }

    RemoteLocalDataSource(AdapterConfig config, Fetcher fetcher, LastGoodCopy copy, Executor executor, Clock clock,
                          Ticker ticker, Duration initialBackoff, Duration maxBackoff) {
        this.config = config;
        this.fetcher = fetcher;
        this.copy = copy;
        this.clock = clock;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.attempts = new Attempts(null, null, null, 0, clock.instant());
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
                        return clock.instant().isBefore(attempts.nextAttempt()) ? old : attempt(old);
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
            Instant due = v.fetchedAt().plus(config.refresh());
            Instant now = clock.instant();
            attempts = new Attempts(v.fetchedAt(), null, null, 0, due.isAfter(now) ? due : now);
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
        if (!clock.instant().isBefore(attempts.nextAttempt())) {
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
            succeeded(v);
            return v;
        } catch (FetchException | IOException | RuntimeException e) {
            failed(e, held);
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

    private void succeeded(Version v) {
        synchronized (statusLock) {
            Attempts a = attempts;
            if (a.failures() > 0) {
                log.info("local source {} ({}): back after {} failed {}, {} items of {}", config.id(),
                        config.location(), a.failures(), a.failures() == 1 ? "attempt" : "attempts", v.items().size(),
                        v.dataDate());
            }
            attempts = new Attempts(v.fetchedAt(), null, null, 0, v.fetchedAt().plus(config.refresh()));
        }
    }

    private void failed(Exception e, Version held) {
        Instant now = clock.instant();
        String why = oneLine(e);
        synchronized (statusLock) {
            Attempts a = attempts;
            int failures = a.failures() + 1;
            Duration wait = backoff(failures);
            attempts = new Attempts(a.lastSuccess(), now, why, failures, now.plus(wait));
            if (failures > 1) {
                log.debug("local source {}: attempt {} failed, next in {}: {}", config.id(), failures, wait, why);
            } else if (held == null) {
                log.warn("local source {} ({}): no data yet, the bot says it is unavailable until a load succeeds;"
                        + " retrying in {}: {}", config.id(), config.location(), wait, why,
                        e instanceof RuntimeException ? e : null);
            } else {
                log.warn("local source {} ({}): refresh failed, answering from its data of {}; retrying in {}: {}",
                        config.id(), config.location(), held.dataDate(), wait, why,
                        e instanceof RuntimeException ? e : null);
            }
        }
    }

    /** initial, 2 × initial, 4 × … up to the smaller of the maximum back-off and the refresh interval. */
    Duration backoff(int failures) {
        Duration cap = maxBackoff.compareTo(config.refresh()) < 0 ? maxBackoff : config.refresh();
        Duration d = initialBackoff;
        for (int i = 1; i < failures && d.compareTo(cap) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(cap) < 0 ? d : cap;
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
        Version v = cache.policy().getIfPresentQuietly(config.id());
        Attempts a = attempts;
        return List.of(new SourceStatus(config.id(), "local", config.location(), v == null ? null : v.dataDate(),
                v == null ? Map.of() : Map.of("items", v.items().size()), a.lastSuccess(), a.lastFailure(),
                a.lastError(), a.nextAttempt()));
    }

    /** The cache holding the current version, to bind its statistics to metrics; not for writing. */
    public Cache<String, ?> cache() {
        return cache;
    }
}
