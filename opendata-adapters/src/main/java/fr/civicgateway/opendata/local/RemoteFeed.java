package fr.civicgateway.opendata.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.news.NewsFeed;
import fr.civicgateway.core.news.NewsItem;
import fr.civicgateway.core.news.NewsListener;
import fr.civicgateway.core.news.NewsSource;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.core.sources.SourceMonitor;
import fr.civicgateway.core.sources.SourceStatus;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One town hall's news feed ({@code type: feed}), kept fresh in the background by the same machinery as every remote
 * local source ({@link RemoteSource}: Caffeine's refresh on the scheduler's executor, the last good copy on disk, the
 * tracker's back-off and admin status).
 *
 * <p>New items: each new version is compared with the one it replaces — after a restart, the last good copy read
 * back — by item id; the items the replaced version did not hold go to the listeners, once per refresh, before the new
 * version is kept (see {@link NewsListener}). So what was told before a restart is not told again after it.
 */
public final class RemoteFeed implements SourceMonitor {

    private static final Logger log = LoggerFactory.getLogger(RemoteFeed.class);

    private final FeedConfig config;
    private final RemoteSource<NewsItem> remote;
    private final List<NewsListener> listeners = new CopyOnWriteArrayList<>();

    RemoteFeed(FeedConfig config, Fetcher<NewsItem> fetcher, LastGoodCopy copy, Executor executor, Clock clock,
               Ticker ticker, Backoff backoff) {
        this.config = config;
        this.remote = new RemoteSource<>(config.id(), "feed", config.location(), config.refresh(), fetcher, copy,
                file -> FeedReader.read(config, file), this::replacing, executor, clock, ticker, backoff, log);
    }

    CompletableFuture<?> start() {
        return remote.start();
    }

    /** Starts a refresh when one is due; cheap otherwise. */
    public void tick() {
        remote.tick();
    }

    public String id() {
        return config.id();
    }

    public NewsSource source() {
        return config.source();
    }

    void onNewItems(NewsListener listener) {
        listeners.add(listener);
    }

    private void replacing(Version<NewsItem> held, Version<NewsItem> fetched) {
        Set<String> known = new HashSet<>();
        for (NewsItem i : held.items()) {
            known.add(i.id());
        }
        List<NewsItem> added = fetched.items().stream().filter(i -> !known.contains(i.id())).toList();
        if (added.isEmpty()) {
            return;
        }
        for (NewsListener l : listeners) {
            try {
                l.newItems(config.source(), added);
            } catch (RuntimeException e) {
                log.error("feed {}: a listener of its new items failed", config.id(), e);
            }
        }
    }

    /** What is held now; a read that starts a refresh in the background when one is due. */
    public NewsFeed feed() {
        Version<NewsItem> v = remote.read();
        if (v == null) {
            return new NewsFeed(config.source(), List.of(), null, null, null);
        }
        SourceStatus s = remote.status();
        return new NewsFeed(config.source(), v.items(), v.dataDate(), v.fetchedAt(), s.lastFailure());
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
