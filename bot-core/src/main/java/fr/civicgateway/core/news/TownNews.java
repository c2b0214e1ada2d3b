package fr.civicgateway.core.news;

import java.util.List;
import java.util.Optional;

/**
 * The town hall's news: the RSS or Atom feeds its operator configured (in {@code config/adapters}, {@code type: feed}),
 * fetched in the background, and the port behind the {@code local_news} intent and the follow target
 * {@code news:<source id>}.
 *
 * <p>Threading: every method may be called from many conversations at once, never waits on the network and never
 * throws: a source that is down answers from its last good copy ({@link NewsFeed#stale()}), or holds nothing yet
 * ({@link NewsFeed#available()} false). Listeners are called on the refresh threads (see {@link NewsListener}).
 *
 * <pre>{@code
 * for (NewsSource s : news.sources()) {
 *     NewsFeed f = news.latest(s.id()).orElseThrow();
 *     f.items().stream().limit(5).forEach(i -> show(i.title(), i.link(), i.published()));
 * }
 * news.onNewItems((source, items) -> events.record(source, items));
 * }</pre>
 */
public interface TownNews {

    /** The configured sources, in configuration order; empty when the town configured none. */
    List<NewsSource> sources();

    /** What is held of a source now, or empty for an id that is not configured. */
    Optional<NewsFeed> latest(String sourceId);

    /**
     * Registers a listener for every later refresh of every source. Register at start-up; a listener is never
     * removed.
     */
    void onNewItems(NewsListener listener);

    /** No news source: what a town without a feed gets. */
    static TownNews none() {
        return new TownNews() {
            @Override
            public List<NewsSource> sources() {
                return List.of();
            }

            @Override
            public Optional<NewsFeed> latest(String sourceId) {
                return Optional.empty();
            }

            @Override
            public void onNewItems(NewsListener listener) {
                // nothing is ever refreshed
            }
        };
    }
}
