package fr.civicgateway.core.news;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.Understanding;
import fr.civicgateway.core.town.Town;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalNewsHandlerTest {

    static final Town LE_MANS = new Town("Le Mans", ZoneId.of("Europe/Paris"), Town.Places.POSTCODES,
            List.of("72000", "72100"));
    static final NewsSource SOURCE = new NewsSource("le-mans-actualites", "Actualités de la Ville du Mans",
            "Ville du Mans", "conditions de réutilisation du site lemans.fr", "https://www.lemans.fr/");
    static final Instant CHECKED = Instant.parse("2026-12-01T09:00:00Z");

    /** A town's news as the test sets it: one feed per source id. */
    static TownNews news(Map<NewsSource, NewsFeed> feeds) {
        return new TownNews() {
            public List<NewsSource> sources() {
                return List.copyOf(feeds.keySet());
            }

            public Optional<NewsFeed> latest(String id) {
                return feeds.entrySet().stream().filter(e -> e.getKey().id().equals(id)).map(Map.Entry::getValue)
                        .findFirst();
            }

            public void onNewItems(NewsListener listener) {
            }
        };
    }

    static List<NewsItem> items(int n) {
        List<NewsItem> out = new ArrayList<>();
        for (int i = n; i >= 1; i--) {
            // Published at 23:30 UTC: the next day in Paris, which the answer must say.
            out.add(new NewsItem(SOURCE.id(), "news-" + i, "Nouvelle n° " + i, "https://www.lemans.fr/actualites/" + i,
                    Instant.parse("2026-11-%02dT23:30:00Z".formatted(i)), "Résumé " + i));
        }
        return out;
    }

    static Reply.Text ask(TownNews news, String text, Language lang) {
        var message = new IncomingMessage("web", "c1", text, lang, null);
        var u = new Understanding(text, lang, List.of(new IntentScore(Intent.LOCAL_NEWS, 1)), List.of());
        var turn = new Turn(message, u, lang, ConversationState.start(lang, Instant.EPOCH), CHECKED);
        return (Reply.Text) new LocalNewsHandler(news, LE_MANS).handle(turn).replies().getFirst();
    }

    @Test
    void givesTheLatestItemsNewestFirstWithTheirDateAndLinkThenTheSourceAndTheDateOfTheData() {
        var feed = new NewsFeed(SOURCE, items(7), LocalDate.of(2026, 11, 30), CHECKED, null);

        Reply.Text reply = ask(news(Map.of(SOURCE, feed)), "Quoi de neuf à la mairie ?", Language.FR);

        assertThat(reply.text()).isEqualTo("""
                Les dernières actualités de Actualités de la Ville du Mans (7 publications) :
                • Nouvelle n° 7 (8 novembre 2026) : https://www.lemans.fr/actualites/7
                • Nouvelle n° 6 (7 novembre 2026) : https://www.lemans.fr/actualites/6
                • Nouvelle n° 5 (6 novembre 2026) : https://www.lemans.fr/actualites/5
                • Nouvelle n° 4 (5 novembre 2026) : https://www.lemans.fr/actualites/4
                • Nouvelle n° 3 (4 novembre 2026) : https://www.lemans.fr/actualites/3
                Source : Ville du Mans, https://www.lemans.fr/, conditions de réutilisation du site lemans.fr \
                (données au 30 novembre 2026).""");
        assertThat(reply.quickReplies()).containsExactly(new QuickReply("Voir plus", "actualités de la mairie (2)"));
    }

    @Test
    void seeMoreGivesTheNextPageAndComesBackToThisHandler() {
        var feed = new NewsFeed(SOURCE, items(7), LocalDate.of(2026, 11, 30), CHECKED, null);
        var handler = new LocalNewsHandler(news(Map.of(SOURCE, feed)), LE_MANS);

        assertThat(handler.claims("actualités de la mairie (2)", ConversationState.start(Language.FR, Instant.EPOCH)))
                .isTrue();
        assertThat(handler.claims("town hall news (3)", ConversationState.start(Language.EN, Instant.EPOCH))).isTrue();
        assertThat(handler.claims("les actualités de la mairie", ConversationState.start(Language.FR, Instant.EPOCH)))
                .isFalse();

        Reply.Text page2 = ask(news(Map.of(SOURCE, feed)), "actualités de la mairie (2)", Language.FR);
        assertThat(page2.text()).startsWith("Suite des actualités de Actualités de la Ville du Mans (7 publications) :\n"
                + "• Nouvelle n° 2 (3 novembre 2026) : https://www.lemans.fr/actualites/2\n"
                + "• Nouvelle n° 1 (2 novembre 2026) : https://www.lemans.fr/actualites/1\nSource : ");
        assertThat(page2.quickReplies()).isEmpty();

        Reply.Text page3 = ask(news(Map.of(SOURCE, feed)), "actualités de la mairie (3)", Language.FR);
        assertThat(page3.text()).startsWith("Il n'y a pas d'autres actualités.\nSource : ");
    }

    @Test
    void answersInEnglish() {
        var feed = new NewsFeed(SOURCE, items(1), LocalDate.of(2026, 11, 30), CHECKED, null);

        Reply.Text reply = ask(news(Map.of(SOURCE, feed)), "What's new at the town hall?", Language.EN);

        assertThat(reply.text()).isEqualTo("""
                The latest news from Actualités de la Ville du Mans (1 item):
                • Nouvelle n° 1 (2 November 2026): https://www.lemans.fr/actualites/1
                Source: Ville du Mans, https://www.lemans.fr/, conditions de réutilisation du site lemans.fr \
                (data as of 30 November 2026).""");
    }

    @Test
    void saysSoWhenTheTownConfiguredNoFeed() {
        Reply.Text reply = ask(TownNews.none(), "Quoi de neuf à la mairie ?", Language.FR);

        assertThat(reply.text()).isEqualTo("Votre commune n'a pas encore branché ses actualités sur ce service : je ne"
                + " peux pas vous dire ce qu'elle publie. Consultez son site ou son journal municipal.");
    }

    @Test
    void saysAFeedNeverFetchedIsUnavailableRatherThanEmpty() {
        var feed = new NewsFeed(SOURCE, List.of(), null, null, null);

        Reply.Text reply = ask(news(Map.of(SOURCE, feed)), "Quoi de neuf à la mairie ?", Language.FR);

        assertThat(reply.text()).isEqualTo("Les actualités de Actualités de la Ville du Mans (https://www.lemans.fr/)"
                + " sont momentanément indisponibles : réessayez un peu plus tard.");
    }

    @Test
    void saysTheItemsAreTheLastGoodCopyAndItsDateWhileTheFeedFails() {
        var feed = new NewsFeed(SOURCE, items(2), LocalDate.of(2026, 11, 30), CHECKED,
                CHECKED.plusSeconds(7200 * 12));

        Reply.Text reply = ask(news(Map.of(SOURCE, feed)), "Quoi de neuf à la mairie ?", Language.FR);

        assertThat(reply.text()).contains("• Nouvelle n° 2 (3 novembre 2026)")
                .contains("\nLe fil de Actualités de la Ville du Mans ne répond pas pour le moment : voici sa dernière"
                        + " version connue, du 1er décembre 2026.\nSource : Ville du Mans");
    }

    @Test
    void saysAnEmptyFeedPublishedNothing() {
        var feed = new NewsFeed(SOURCE, List.of(), LocalDate.of(2026, 11, 30), CHECKED, null);

        Reply.Text reply = ask(news(Map.of(SOURCE, feed)), "Quoi de neuf à la mairie ?", Language.FR);

        assertThat(reply.text()).isEqualTo("Actualités de la Ville du Mans n'a publié aucune actualité dans son fil pour"
                + " le moment.\nSource : Ville du Mans, https://www.lemans.fr/, conditions de réutilisation du site"
                + " lemans.fr (données au 30 novembre 2026).");
    }

    @Test
    void showsAnItemWithoutDateOrLinkAsItIsAndNeverAsMarkup() {
        var item = new NewsItem(SOURCE.id(), "x", "Fête {name} & <musique>", null, null, null);
        var feed = new NewsFeed(SOURCE, List.of(item), LocalDate.of(2026, 11, 30), CHECKED, null);

        Reply.Text reply = ask(news(Map.of(SOURCE, feed)), "Quoi de neuf à la mairie ?", Language.FR);

        assertThat(reply.text()).contains("\n• Fête {name} & <musique>\nSource : ");
    }
}
