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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>An item that leaves the feed and comes back (a feed showing its last ten items, an item unpublished for a day) is
 * not new: the source remembers the ids of the last {@value #REMEMBERED} items it held, most recently held kept, so
 * an item is told once as long as it is among them. The memory is this instance's, from start-up (the version read
 * back counts); past it, or after a restart, the follow events' table, which keeps an item's key for its retention,
 * still stops a repeat.
 */
public final class RemoteFeed implements SourceMonitor {

    private static final Logger log = LoggerFactory.getLogger(RemoteFeed.class);

    private final FeedConfig config;
    private final RemoteSource<NewsItem> remote;
    private final List<NewsListener> listeners = new CopyOnWriteArrayList<>();

    /** How many item ids a source remembers; a town's feed holds tens of items. */
    static final int REMEMBERED = 1_000;

    /** The ids of the items this source held lately, least recently held first; guarded by itself. */
    private final Map<String, Boolean> held = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

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

    private void replacing(Version<NewsItem> before, Version<NewsItem> fetched) {
        List<NewsItem> added;
        synchronized (held) {
            // Only what was kept is remembered: the version being replaced (a fetched version is remembered when the
            // next one replaces it; if keeping it fails, its items are told again, at least once, as before).
            remember(before.items());
            added = fetched.items().stream().filter(i -> !held.containsKey(i.id())).toList();
        }
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

    /** Oldest first, so that the newest items are the most recently held and the last forgotten. */
    private void remember(List<NewsItem> items) {
        for (int i = items.size() - 1; i >= 0; i--) {
            held.put(items.get(i).id(), Boolean.TRUE);
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
