package fr.civicgateway.opendata.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.local.LocalDataSource;
import fr.civicgateway.core.local.LocalItem;
import fr.civicgateway.core.sources.SourceMonitor;
import fr.civicgateway.core.sources.SourceStatus;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.opendata.http.SourceTracker;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
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
 * <p>How ({@link RemoteSource}, shared with the news feeds): the current {@link Version} is the one entry of a Caffeine
 * cache with {@code refreshAfterWrite(refresh)}: the first read after the interval starts a reload on the background executor and
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
    private final RemoteSource<LocalItem> remote;

    RemoteLocalDataSource(AdapterConfig config, Fetcher<LocalItem> fetcher, LastGoodCopy copy, Executor executor,
                          Clock clock, Ticker ticker, Backoff backoff) {
        this.config = config;
        this.remote = new RemoteSource<>(config.id(), "local", config.location(), config.refresh(), fetcher, copy,
                file -> Records.read(config, file, config.location() + " (last good copy)"),
                (held, fetched) -> { }, executor, clock, ticker, backoff, log);
    }

    /**
     * Serves the last good copy if there is one, else starts the first load in the background.
     *
     * @return the first load, complete at once when a copy was served
     */
    CompletableFuture<?> start() {
        return remote.start();
    }

    /** Starts a refresh when one is due (the refresh interval, or a back-off after a failure); cheap otherwise. */
    public void tick() {
        remote.tick();
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public Description description() {
        Version<LocalItem> v = remote.held();
        return config.description().withDataDate(v == null ? null : v.dataDate());
    }

    /** The current version's items: a read of the cache, which starts a refresh in the background when one is due. */
    @Override
    public List<LocalItem> items() {
        Version<LocalItem> v = remote.read();
        return v == null ? List.of() : v.items();
    }

    @Override
    public Set<LocalItem.Kind> kinds() {
        return EnumSet.of(config.kind());
    }

    @Override
    public boolean available() {
        return remote.held() != null;
    }

    @Override
    public List<SourceStatus> statuses() {
        return List.of(remote.status());
    }

    /** The cache holding the current version, to bind its statistics to metrics; not for writing. */
    public Cache<String, ?> cache() {
        return remote.cache();
    }
}
