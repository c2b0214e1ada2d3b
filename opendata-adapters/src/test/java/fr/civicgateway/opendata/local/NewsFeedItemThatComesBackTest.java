package fr.civicgateway.opendata.local;

import static fr.civicgateway.opendata.local.NewsFeedTest.item;
import static fr.civicgateway.opendata.local.NewsFeedTest.rss;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.news.NewsItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An item that leaves a town's feed and comes back is not news again: the feed's listeners (the follow events, hence
 * the followers of the town hall's news) are told of it once.
 */
class NewsFeedItemThatComesBackTest {

    static final String MARKET = NewsFeedTest.MARKET;
    static final String WORKS = NewsFeedTest.WORKS;
    static final String SALE = item("news-103", "Vente de livres à la médiathèque",
            "https://www.lemans.fr/actualites/vente-livres", "Tue, 01 Dec 2026 09:00:00 GMT", null);

    @StartStop
    final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;

    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
    final ManualTime time = new ManualTime(Instant.parse("2026-12-01T10:00:00Z"));
    final List<String> told = new ArrayList<>();

    @AfterEach
    void stopClient() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void anItemThatLeavesTheFeedAndComesBackIsToldOnce() throws Exception {
        RemoteFeed feed = load(rss(MARKET));
        serve(rss(MARKET, WORKS));     // WORKS is new
        serve(rss(MARKET));            // WORKS unpublished for a while
        serve(rss(MARKET, WORKS));     // and back
        serve(rss(SALE, MARKET, WORKS)); // SALE is new

        assertThat(told).containsExactly("news-102", "news-103");
        assertThat(feed.feed().items()).extracting(NewsItem::id).containsExactlyInAnyOrder("news-103", "news-101", "news-102");
    }

    @Test
    void anItemThatLeftBeforeTheFirstRefreshAndComesBackIsNotNewEither() throws Exception {
        RemoteFeed feed = load(rss(MARKET, WORKS)); // the first version: nobody's news
        serve(rss(MARKET));
        serve(rss(WORKS, MARKET));

        assertThat(told).isEmpty();
        assertThat(feed.feed().items()).extracting(NewsItem::id).containsExactlyInAnyOrder("news-102", "news-101");
    }

    @Test
    void theMemoryIsBoundedAndForgetsTheItemsHeldLongestAgo() throws Exception {
        // Versions of FeedReader.MAX_ITEMS items each, all different: one version more than a source remembers.
        int versions = RemoteFeed.REMEMBERED / FeedReader.MAX_ITEMS;
        load(batch(0));
        for (int b = 1; b <= versions; b++) {
            serve(batch(b));
        }
        assertThat(told).hasSize(versions * FeedReader.MAX_ITEMS).doesNotContain("b0-0");
        told.clear();

        // The first version's item, held longest ago, is forgotten (a repeat the follow events' table stops within its
        // retention); the second's and the last's are still remembered.
        serve(rss(item("b0-0", "Article 0 of 0", null, null, null),
                item("b" + versions + "-0", "Article 0 of " + versions, null, null, null),
                item("b1-0", "Article 0 of 1", null, null, null)));

        assertThat(told).containsExactly("b0-0");
    }

    private static String batch(int b) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < FeedReader.MAX_ITEMS; i++) {
            items.add(item("b" + b + "-" + i, "Article " + i + " of " + b, null, null, null));
        }
        return rss(items.toArray(String[]::new));
    }

    private RemoteFeed load(String first) throws IOException {
        server.enqueue(feed(first));
        Path adapters = Files.createDirectories(dir.resolve("adapters"));
        Files.writeString(adapters.resolve("news.yml"), """
                id: le-mans-actualites
                type: feed
                title: Actualités de la Ville du Mans
                publisher: Ville du Mans
                licence: conditions de réutilisation du site lemans.fr
                url: https://www.lemans.fr/
                file: %s
                refresh: 1h
                maxSize: 1MB
                """.formatted(server.url("/rss")));
        LocalAdapters.Loaded loaded = LocalAdapters.loadAll(adapters, dir, TestRemote.of(http, time, dir.resolve("cache")));
        loaded.news().onNewItems((source, items) -> items.forEach(i -> told.add(i.id())));
        current = loaded.news().feeds().getFirst();
        return current;
    }

    private void serve(String body) {
        server.enqueue(feed(body));
        time.advance(Duration.ofHours(1));
        current.tick();
    }

    private RemoteFeed current;

    private static MockResponse feed(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/rss+xml; charset=UTF-8")
                .body(body).build();
    }
}
