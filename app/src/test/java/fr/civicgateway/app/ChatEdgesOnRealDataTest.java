package fr.civicgateway.app;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.core.text.Text;
import fr.civicgateway.opendata.testing.ShippedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outside tester's second round of conversation edges, through {@code POST /api/v1/chat} on the shipped data: a
 * group's follow-up, short and unknown replies while a town is awaited, a deputy's pay, the deputy's page wherever a
 * deputy is identified, a family name two edits away. Each answer is compared with the same question asked directly.
 */
@GatewayTest
class ChatEdgesOnRealDataTest {

    private static final String OUT_OF_SCOPE_FR = "Je ne sais pas répondre à cela.";

    @LocalServerPort
    int port;
    ChatClient chat;
    String conversation;

    @BeforeEach
    void newConversation() {
        chat = new ChatClient(port);
        conversation = "chat-edges-" + UUID.randomUUID();
    }

    private String fresh(String text) {
        return chat.read("chat-edges-" + UUID.randomUUID(), text);
    }

    @Test
    void aFollowUpNamingAnotherGroupAsksItsCohesion() {
        chat.read(conversation, "Le groupe LFI est-il uni ?");
        String answer = chat.read(conversation, "et le RN ?");

        assertThat(answer).startsWith("Le groupe Rassemblement National (RN) a un indice de cohésion (indice de Rice) moyen")
                .isEqualTo(fresh("Le groupe RN est-il uni ?"));
        // a deputy's follow-up after a deputy's answer is not taken for a group's
        String other = "chat-edges-" + UUID.randomUUID();
        chat.read(other, "Est-ce que Boris Vallaud vote comme son groupe ?");
        assertThat(chat.read(other, "et Marine Le Pen ?")).startsWith("Marine Le Pen a voté comme la majorité");
    }

    /** The INSEE codes of La Poste's shipped file whose commune's name is exactly {@code name}, read naively. */
    private static List<String> communesNamed(String name) throws IOException {
        return Files.readAllLines(ShippedData.repositoryRoot().resolve("data/geo/laposte-codes-postaux/019HexaSmal.csv"),
                        StandardCharsets.ISO_8859_1).stream().skip(1).map(l -> l.split(";"))
                .filter(r -> Text.foldToWords(r[1]).equals(name)).map(r -> r[0]).distinct().toList();
    }

    @Test
    void aOneOrTwoLetterCommuneIsReadWhenATownIsAwaited() throws IOException {
        assertThat(communesNamed("eu")).containsExactly("76255");
        assertThat(communesNamed("y")).containsExactly("80829");

        chat.read(conversation, "Qui est mon député ?");
        assertThat(chat.read(conversation, "Eu")).startsWith("Eu fait partie de la 6e circonscription de la Seine-Maritime.")
                .isEqualTo(fresh("J'habite à Eu"));

        String y = "chat-edges-" + UUID.randomUUID();
        chat.read(y, "Qui est mon député ?");
        assertThat(chat.read(y, "Y")).startsWith("Y fait partie de la 5e circonscription de la Somme.")
                .isEqualTo(fresh("J'habite à Y"));

        String en = "chat-edges-" + UUID.randomUUID();
        chat.say(en, "Who is my MP?", "en");
        assertThat(chat.say(en, "Y", "en").getFirst().text()).startsWith("Y is in the 5th constituency of Somme.");

        String ay = "chat-edges-" + UUID.randomUUID();
        chat.read(ay, "Qui est mon député ?");
        List<BotMessage> asked = chat.say(ay, "Ay");
        assertThat(asked.getFirst().text()).startsWith("Plusieurs communes s'appellent « Ay ».");
        assertThat(asked.getFirst().titles()).containsExactlyInAnyOrder("Ay-sur-Moselle (57)", "Aÿ-Champagne (51)");
    }

    @Test
    void aShortWordIsNoTownInFreeText() {
        assertThat(fresh("Y")).doesNotContain("fait partie");
        assertThat(fresh("Eu")).doesNotContain("fait partie");
    }

    @Test
    void anUnknownPostcodeWhileATownIsAwaitedIsSaidSo() {
        chat.read(conversation, "Qui est mon député ?");

        String unknown = chat.read(conversation, "99999");
        String tulle = chat.read(conversation, "Tulle");

        assertThat(unknown).startsWith("Je ne trouve pas « 99999 » dans les tables géographiques (")
                .doesNotContain(OUT_OF_SCOPE_FR);
        assertThat(tulle).startsWith("Tulle fait partie de la 1re circonscription de la Corrèze.");

        String name = "chat-edges-" + UUID.randomUUID();
        chat.read(name, "Qui est mon député ?");
        assertThat(chat.read(name, "Trifouillis-les-Oies")).startsWith("Je ne trouve pas « Trifouillis-les-Oies » dans les tables");
    }

    @Test
    void aDeputysPayIsOutOfScopeEvenWithTheDeputyNamed() {
        for (String text : List.of("Combien gagne Mathilde Panot ?", "Quel est le salaire de Mathilde Panot ?",
                "Quelle est l'indemnité de Mathilde Panot ?")) {
            assertThat(fresh(text)).as(text).startsWith(OUT_OF_SCOPE_FR);
        }
        String en = "chat-edges-" + UUID.randomUUID();
        assertThat(chat.say(en, "How much does Mathilde Panot earn?", "en").getFirst().text())
                .startsWith("I can't answer that.");
        // her declared outside income stays the HATVP's declarations
        assertThat(fresh("Combien gagne Mathilde Panot en plus de son mandat ?"))
                .startsWith("D'après l'index des déclarations publiées par la HATVP");
    }

    @Test
    void theDeputyFoundByAPlaceHasTheLinkToTheirPage() {
        String link = "Voir la fiche : https://civic.example.org/deputes/PA1654";
        assertThat(fresh("Qui est François Hollande ?")).contains(link);

        assertThat(fresh("Qui est mon député ? J'habite à Tulle")).contains(link);
        chat.read(conversation, "Qui est mon député ?");
        assertThat(chat.read(conversation, "Tulle")).contains(link);
        assertThat(fresh("19000")).contains(link);
        // a question about the deputy of a place: the place, the deputy and their page, then the answer
        assertThat(fresh("Comment contacter mon député ? J'habite à Tulle")).startsWith("Tulle fait partie de la 1re"
                + " circonscription de la Corrèze. Votre député est François Hollande.\n" + link + "\n");
    }

    @Test
    void aFamilyNameTwoEditsAwayBesideTheGivenNameIsSuggested() {
        List<BotMessage> asked = chat.say(conversation, "Qui est Mathilde Panotte ?");

        assertThat(asked.getFirst().text())
                .startsWith("Je ne trouve aucun député nommé « Mathilde Panotte ». Vouliez-vous dire Mathilde Panot ?");
        assertThat(chat.read(conversation, asked.getFirst().payloadOf("Mathilde Panot")))
                .isEqualTo(fresh("Qui est Mathilde Panot ?"));
        // unrelated names are suggested nothing
        assertThat(fresh("Qui est Mathilde Dupontel ?")).doesNotContain("Vouliez-vous dire");
        assertThat(fresh("Qui est Jean Dupont ?")).doesNotContain("Vouliez-vous dire Mathilde");
    }
}
