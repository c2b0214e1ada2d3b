package fr.civicgateway.app;

import static fr.civicgateway.opendata.testing.ShippedData.many;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.opendata.testing.ShippedData;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Charts after their answers in {@code POST /api/v1/chat} (API.md §1), on the shipped data: the participation chart
 * and a scrutin's votes by group, as {@code "type": "chart"} messages with the chart's public addresses, a text
 * alternative and a caption whose figures are read independently from the raw files.
 */
@GatewayTest
class ChartRepliesOnRealDataTest {

    @LocalServerPort
    int port;

    private ChatClient chat;
    private String conversation;

    @BeforeEach
    void setUp() {
        chat = new ChatClient(port);
        conversation = "charts-" + UUID.randomUUID();
    }

    @Test
    void theParticipationAnswerIsFollowedByItsChartWithTheSameFigures() {
        int[] c = ShippedData.participation("PA720892");
        String tookPart = thousands(c[0]);
        String counted = thousands(c[1]);
        String rate = String.format(Locale.ROOT, "%.1f %%", Math.round(1000.0 * c[0] / c[1]) / 10.0).replace('.', ',');

        List<JsonNode> messages = messages(chat.answer(conversation, "Quel est le taux de participation de Mathilde Panot ?", null));

        assertThat(messages).extracting(m -> m.path("type").asString()).containsExactly("text", "chart");
        JsonNode chart = messages.getLast();
        String base = GatewayTest.PUBLIC_URL + "/api/v1/deputies/PA720892/charts/participation";
        assertThat(chart.path("svg").asString()).isEqualTo(base + ".svg");
        assertThat(chart.path("png").asString()).isEqualTo(base + ".png");
        assertThat(chart.path("csv").asString()).isEqualTo(base + ".csv");
        assertThat(normalised(chart.path("caption").asString()))
                .startsWith("Participation de Mathilde Panot aux scrutins publics ordinaires et solennels, mois par mois, du ")
                .endsWith(": " + tookPart + " sur " + counted + " sur toute la période, soit " + rate + ".");
        assertThat(normalised(chart.path("alt").asString())).startsWith("Graphique en barres : ")
                .contains("Sur toute la période : " + tookPart + " scrutins sur " + counted + ", soit " + rate + ".")
                .endsWith("Les chiffres de chaque mois sont dans le fichier CSV.");
        assertThat(chart.path("text").asString()).as("a client that knows only texts shows the caption")
                .isEqualTo(chart.path("caption").asString());
        // The answer's buttons ride on its last message, which clients offer.
        assertThat(messages.getFirst().path("quickReplies")).isEmpty();
        assertThat(chart.path("quickReplies")).isNotEmpty();
        assertThat(normalised(messages.getFirst().path("text").asString()))
                .contains("a pris part à " + tookPart + " des " + counted);
    }

    @Test
    void aScrutinsResultIsFollowedByItsVotesByGroupInEnglishToo() {
        JsonNode rn = many(ShippedData.scrutin(3876).path("ventilationVotes").path("organe").path("groupes").path("groupe"))
                .stream().filter(g -> g.path("organeRef").asString().equals("PO845401")).findFirst().orElseThrow();
        JsonNode rnCount = rn.path("vote").path("decompteVoix");
        String pour = rnCount.path("pour").asString();
        String contre = rnCount.path("contre").asString();
        String abstentions = rnCount.path("abstentions").asString();

        List<JsonNode> fr = messages(chat.answer(conversation, "Résultat du scrutin 3876", null));
        List<JsonNode> en = messages(chat.answer(conversation + "-en", "Result of scrutin 3876", "en"));

        assertThat(fr).extracting(m -> m.path("type").asString()).containsExactly("text", "chart");
        JsonNode chart = fr.getLast();
        assertThat(chart.path("svg").asString()).isEqualTo(GatewayTest.PUBLIC_URL + "/api/v1/scrutins/3876/charts/groups.svg");
        assertThat(chart.path("caption").asString()).startsWith("Scrutin n° 3876, votes par groupe [pour/contre/abstentions] : ")
                .contains("RN " + pour + "/" + contre + "/" + abstentions);
        assertThat(chart.path("alt").asString()).startsWith("Graphique en barres empilées : ")
                .contains("RN : " + pour + " pour, " + contre + " contre, " + abstentions + " abstention");
        assertThat(en.getLast().path("caption").asString()).startsWith("Scrutin no. 3876, votes by group [for/against/abstentions]: ")
                .contains("RN " + pour + "/" + contre + "/" + abstentions);
        assertThat(en.getLast().path("alt").asString()).startsWith("Stacked bar chart: ")
                .contains("RN: " + pour + " for, " + contre + " against");
    }

    @Test
    void aScrutinFoundByItsTopicGetsNoChart() {
        List<JsonNode> messages = messages(chat.answer(conversation, "Résultat du vote sur le budget", null));

        assertThat(messages).extracting(m -> m.path("type").asString()).doesNotContain("chart");
    }

    private static List<JsonNode> messages(JsonNode answer) {
        return many(answer.path("messages"));
    }

    private static String thousands(int n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    /** French numbers use a (narrow) no-break space between thousands: compare with plain spaces. */
    private static String normalised(String text) {
        return text.replaceAll("\\h", " ");
    }
}
