package fr.civicgateway.opendata.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.conversation.GeoPoint;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.local.LocalDataSource;
import fr.civicgateway.core.nlu.Language;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A shared position ranks the shipped Paris worksites by distance ({@code LocalProjectsHandler} over the shipped
 * configurations). The expected order and distances are computed here from the raw export: its own
 * {@code geo_point_2d} of each row, a great-circle distance written again in this test, from the position rounded to
 * three decimals as the handler rounds it.
 */
class LocalProjectsNearAPositionTest {

    static final Instant NOW = Instant.parse("2026-01-10T09:00:00Z");
    /** The published point of the export's first worksite (EC479740, 75020): a citizen standing there. */
    static GeoPoint here;
    static List<LocalDataSource> shipped;

    @BeforeAll
    static void load() throws IOException {
        shipped = LocalAdapters.load(ShippedWorksites.root().resolve("config/adapters"), ShippedWorksites.root());
        double[] p = ShippedWorksites.point(ShippedWorksites.first(1).getFirst());
        here = new GeoPoint(p[0], p[1]);
    }

    private record Expected(List<String> row, double metres) {
    }

    /** Every worksite with its distance from the rounded position, nearest first, ties by reference. */
    private static List<Expected> byDistance(double lat, double lon) throws IOException {
        List<Expected> out = new ArrayList<>();
        for (List<String> row : ShippedWorksites.table().subList(1, ShippedWorksites.table().size())) {
            if (row.get(13).isBlank()) {
                continue;
            }
            double[] p = ShippedWorksites.point(row);
            double p1 = Math.toRadians(lat);
            double p2 = Math.toRadians(p[0]);
            double h = Math.pow(Math.sin((p2 - p1) / 2), 2)
                    + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(p[1] - lon) / 2), 2);
            out.add(new Expected(row, 2 * 6_371_000 * Math.asin(Math.sqrt(h))));
        }
        out.sort(Comparator.comparingDouble(Expected::metres).thenComparing(e -> e.row().getFirst()));
        return out;
    }

    /** "à 350 m": to 50 m under a kilometre, "à 1,2 km" above. */
    private static String french(double metres) {
        if (metres < 50) {
            return "à moins de 50 m";
        }
        long m = Math.round(metres / 50) * 50;
        return m < 1000 ? "à " + m + " m"
                : "à " + String.format(Locale.ROOT, "%.1f", Math.round(metres / 100) / 10.0).replace('.', ',') + " km";
    }

    private static String title(List<String> row) {
        return row.get(7).isEmpty() ? "#" + row.getFirst() : row.get(7);
    }

    private static void assertRanked(Reply.Text reply, List<Expected> expected) {
        List<String> items = Turns.items(reply);
        assertThat(items).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(items.get(i)).startsWith("• " + title(expected.get(i).row()) + " — ")
                    .endsWith(", " + expected.get(i).row().get(1) + ", " + french(expected.get(i).metres()));
        }
    }

    @Test
    void ranksTheWorksitesByDistanceFromASharedPositionAndSaysHowFar() throws IOException {
        List<Expected> nearest = byDistance(48.872, 2.393);

        Reply.Text reply = Turns.ask(shipped, "chantiers", Language.FR, here, "telegram", NOW);

        assertThat(reply.text()).startsWith("Les chantiers les plus proches de votre position :\n• ")
                .endsWith("Source : Ville de Paris, https://opendata.paris.fr/explore/dataset/chantiers-a-paris/,"
                        + " licence ODbL (données au 14 décembre 2025).");
        assertRanked(reply, nearest.subList(0, 3));
        assertThat(reply.quickReplies()).containsExactly(new QuickReply("Voir plus", "chantiers près de 48.872,2.393 (2)"));
    }

    @Test
    void theNextPageCarriesTheRoundedPositionAndContinuesTheRanking() throws IOException {
        List<Expected> nearest = byDistance(48.872, 2.393);

        Reply.Text second = Turns.ask(shipped, "chantiers près de 48.872,2.393 (2)", NOW);

        assertThat(second.text()).startsWith("Les chantiers les plus proches de votre position (suite) :");
        assertRanked(second, nearest.subList(3, 6));
        assertThat(second.quickReplies()).containsExactly(new QuickReply("Voir plus", "chantiers près de 48.872,2.393 (3)"));
    }

    @Test
    void saysThatTheParticipatoryBudgetGivesNoPositionToRankBy() throws IOException {
        // A position shared on Telegram arrives as the words "ma position": no kind named, both searched.
        Reply.Text reply = Turns.ask(shipped, "ma position", Language.FR, here, "telegram", NOW);

        assertThat(reply.text()).startsWith("Les chantiers les plus proches de votre position :")
                .contains("\nLes projets de Ville de Paris ne donnent pas de position : je ne peux pas les classer par"
                        + " distance. Demandez-les par arrondissement, par exemple « projets dans le 75011 ».");
        assertRanked(reply, byDistance(48.872, 2.393).subList(0, 3));
        assertThat(reply.quickReplies()).extracting(QuickReply::payload)
                .containsExactly("projets et chantiers près de 48.872,2.393 (2)");
    }

    @Test
    void answersInEnglishWithTheDistanceInEnglish() throws IOException {
        Expected nearest = byDistance(48.872, 2.393).getFirst();

        Reply.Text reply = Turns.ask(shipped, "worksites near me", Language.EN, here, "telegram", NOW);

        assertThat(reply.text()).startsWith("The nearest worksites to your location:\n• " + title(nearest.row()));
        assertThat(Turns.items(reply).getFirst()).endsWith(nearest.metres() < 50 ? "less than 50 m away"
                : Math.round(nearest.metres() / 50) * 50 + " m away");
        assertThat(reply.quickReplies()).extracting(QuickReply::payload)
                .containsExactly("worksites near 48.872,2.393 (2)");
    }

    @Test
    void asksForAPositionOnTelegramAndForAPlaceElsewhere() {
        Reply.Text telegram = Turns.ask(shipped, "des chantiers près de chez moi ?", Language.FR, null, "telegram", NOW);
        Reply.Text web = Turns.ask(shipped, "des chantiers près de chez moi ?", Language.FR, null, "web", NOW);

        assertThat(telegram.text()).isEqualTo("Pour vous donner les chantiers les plus proches, partagez votre position"
                + " (bouton « 📍 Partager ma position »), ou dites-moi l'arrondissement ou le code postal. Votre position ne sert"
                + " qu'à cette recherche : elle n'est pas gardée dans la conversation.");
        assertThat(web.text()).isEqualTo("Je ne connais pas votre position : dites-moi l'arrondissement ou le code"
                + " postal, par exemple « chantiers dans le 75011 ».");
    }
}
