package fr.civicgateway.app.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The town hall's news added by configuration only: a {@code type: feed} file in {@code civic.local.directory}, its
 * RSS 2.0 feed on MockWebServer, and "Quoi de neuf à la mairie ?" answered from it through {@code POST /api/v1/chat};
 * the feed listed in the admin sources.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "CIVIC_ADMIN_TOKEN=test-admin-token"})
class TownNewsChatTest {

    static final MockWebServer TOWN_HALL = new MockWebServer();
    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel>
              <title>Ville du Mans</title><link>https://www.lemans.fr/</link><description>Actualités</description>
              <item><guid>news-101</guid><title>Marché de Noël place de la République</title>
                <link>https://www.lemans.fr/actualites/marche-de-noel</link>
                <pubDate>Fri, 27 Nov 2026 08:30:00 +0100</pubDate><description>Ouvert dès le 28.</description></item>
              <item><guid>news-102</guid><title>&lt;b&gt;Travaux&lt;/b&gt; avenue du Général-de-Gaulle&lt;script&gt;alert(1)&lt;/script&gt;</title>
                <link>https://www.lemans.fr/actualites/travaux-gaulle</link>
                <pubDate>Mon, 30 Nov 2026 16:00:00 GMT</pubDate></item>
            </channel></rss>
            """;
    static Path directory;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void townHall(DynamicPropertyRegistry registry) throws IOException {
        TOWN_HALL.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getUrl().encodedPath().equals("/actualites/rss.xml")
                        ? new MockResponse.Builder().setHeader("Content-Type", "application/rss+xml")
                                .setHeader("Last-Modified", "Mon, 30 Nov 2026 17:00:00 GMT").body(FEED).build()
                        : new MockResponse.Builder().code(404).build();
            }
        });
        TOWN_HALL.start();
        directory = Files.createTempDirectory("civic-news-");
        Path adapters = Files.createDirectories(directory.resolve("adapters"));
        Files.writeString(adapters.resolve("le-mans-actualites.yml"), """
                id: le-mans-actualites
                type: feed
                title: Actualités de la Ville du Mans
                publisher: Ville du Mans
                licence: conditions de réutilisation du site lemans.fr
                url: https://www.lemans.fr/
                file: %s
                refresh: 1h
                """.formatted(TOWN_HALL.url("/actualites/rss.xml")));
        registry.add("civic.local.directory", adapters::toString);
        registry.add("civic.local.cache-directory", () -> directory.resolve("cache").toString());
    }

    @AfterAll
    static void stopTheTownHall() throws IOException {
        TOWN_HALL.close();
    }

    @Test
    void answersWhatIsNewAtTheTownHallFromItsFeed() {
        List<BotMessage> replies = new ChatClient(port).say("test-" + UUID.randomUUID(), "Quoi de neuf à la mairie ?");

        assertThat(replies).singleElement().satisfies(reply -> assertThat(reply.text()).isEqualTo("""
                Les dernières actualités de Actualités de la Ville du Mans (2 publications) :
                • Travaux avenue du Général-de-Gaulle (30 novembre 2026) : https://www.lemans.fr/actualites/travaux-gaulle
                • Marché de Noël place de la République (27 novembre 2026) : https://www.lemans.fr/actualites/marche-de-noel
                Source : Ville du Mans, https://www.lemans.fr/, conditions de réutilisation du site lemans.fr \
                (données au 30 novembre 2026)."""));
    }

    @Test
    void understandsTheOtherWaysOfAskingForIt() {
        for (String question : List.of("les actualités de la ville", "Quelles sont les nouvelles de la mairie ?")) {
            List<BotMessage> replies = new ChatClient(port).say("test-" + UUID.randomUUID(), question);

            assertThat(replies).as(question).singleElement().satisfies(reply -> assertThat(reply.text())
                    .startsWith("Les dernières actualités de Actualités de la Ville du Mans (2 publications) :\n"));
        }
    }

    @Test
    void answersInEnglishToo() {
        List<BotMessage> replies = new ChatClient(port).say("test-" + UUID.randomUUID(),
                "What's new at the town hall?");

        assertThat(replies).singleElement().satisfies(reply -> assertThat(reply.text())
                .startsWith("The latest news from Actualités de la Ville du Mans (2 items):\n"
                        + "• Travaux avenue du Général-de-Gaulle (30 November 2026): ")
                .endsWith("(data as of 30 November 2026)."));
    }

    @Test
    void listsTheFeedInTheAdminSources() throws Exception {
        HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/admin/sources"))
                .header("Authorization", "Bearer test-admin-token").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(listed.statusCode()).isEqualTo(200);
        List<JsonNode> feeds = new ArrayList<>();
        ChatClient.json(listed.body()).forEach(s -> {
            if (s.path("kind").asString().equals("feed")) {
                feeds.add(s);
            }
        });
        assertThat(feeds).singleElement().satisfies(s -> {
            assertThat(s.path("id").asString()).isEqualTo("le-mans-actualites");
            assertThat(s.path("url").asString()).isEqualTo(TOWN_HALL.url("/actualites/rss.xml").toString());
            assertThat(s.path("dataDate").asString()).isEqualTo("2026-11-30");
            assertThat(s.path("counts").path("items").asInt()).isEqualTo(2);
            assertThat(s.path("lastError").isNull()).isTrue();
        });
    }
}
