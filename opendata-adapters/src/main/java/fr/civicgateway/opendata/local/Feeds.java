package fr.civicgateway.opendata.local;

import fr.civicgateway.core.news.NewsFeed;
import fr.civicgateway.core.news.NewsListener;
import fr.civicgateway.core.news.NewsSource;
import fr.civicgateway.core.news.TownNews;
import fr.civicgateway.core.sources.SourceMonitor;
import fr.civicgateway.core.sources.SourceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The town's news feeds of {@code config/adapters} ({@code type: feed}), as the core's {@link TownNews}; a feed
 * configured with {@code enabled: false} is checked at start-up and left out. Thread-safe.
 */
public final class Feeds implements TownNews, SourceMonitor {

    private final List<RemoteFeed> feeds;

    Feeds(List<RemoteFeed> feeds) {
        this.feeds = List.copyOf(feeds);
    }

    /** No feed. */
    public static Feeds none() {
        return new Feeds(List.of());
    }

    /** The feeds, to schedule their {@link RemoteFeed#tick()} and bind their caches' metrics. */
    public List<RemoteFeed> feeds() {
        return feeds;
    }

    @Override
    public List<NewsSource> sources() {
        return feeds.stream().map(RemoteFeed::source).toList();
    }

    @Override
    public Optional<NewsFeed> latest(String sourceId) {
        for (RemoteFeed f : feeds) {
            if (f.id().equals(sourceId)) {
                return Optional.of(f.feed());
            }
        }
        return Optional.empty();
    }

    @Override
    public void onNewItems(NewsListener listener) {
        feeds.forEach(f -> f.onNewItems(listener));
    }

    @Override
    public List<SourceStatus> statuses() {
        List<SourceStatus> out = new ArrayList<>();
        feeds.forEach(f -> out.addAll(f.statuses()));
        return out;
    }
}
