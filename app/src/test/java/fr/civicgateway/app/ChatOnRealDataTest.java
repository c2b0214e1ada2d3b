package fr.civicgateway.app;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.opendata.testing.ShippedData;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static fr.civicgateway.opendata.testing.ShippedData.many;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questions citizens and journalists ask, through {@code POST /api/v1/chat}, on the shipped data. Every
 * expected figure is read independently from the raw files by {@link ShippedData}, never written in the test.
 */
@GatewayTest
class ChatOnRealDataTest {

    @LocalServerPort
    int port;
    ChatClient chat;
    String conversation;

    @BeforeEach
    void newConversation() {
        chat = new ChatClient(port);
        conversation = "test-" + UUID.randomUUID();
    }

    private static String frenchDate(LocalDate d) {
        String s = d.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH));
        return d.getDayOfMonth() == 1 ? "1er" + s.substring(1) : s;
    }

    private static String frenchPosition(String listing) {
        return switch (listing == null ? "" : listing) {
            case "pours" -> "a voté pour";
            case "contres" -> "a voté contre";
            case "abstentions" -> "s'est abstenu";
            default -> "n'a pas pris part au vote";
        };
    }

    private static LocalDate lastScrutinDate() {
        return LocalDate.parse(ShippedData.scrutin(3876).path("dateScrutin").asString());
    }

    @Test
    void answersWithTheDeputysPositionAndTheScrutinLink() {
        JsonNode s = ShippedData.scrutin(3876);
        String expected = frenchPosition(ShippedData.listing(s, "PA720892"));

        String answer = chat.read(conversation, "Comment a voté Mathilde Panot au scrutin 3876 ?");

        assertThat(answer).startsWith("Mathilde Panot " + expected + " lors du scrutin n° 3876 du 17 novembre 2025")
                .contains("https://www.assemblee-nationale.fr/dyn/17/scrutins/3876")
                .contains("données au " + frenchDate(lastScrutinDate()));
    }

    @Test
    void saysAVoteCastByProxyIsByProxy() {
        JsonNode s = ShippedData.scrutin(3876);
        String uid = null;
        String listing = null;
        for (JsonNode g : many(s.path("ventilationVotes").path("organe").path("groupes").path("groupe"))) {
            for (String cat : List.of("pours", "contres", "abstentions")) {
                for (JsonNode v : many(g.path("vote").path("decompteNominatif").path(cat).path("votant"))) {
                    if (uid == null && "true".equals(v.path("parDelegation").asString())
                            && ShippedData.isSitting(v.path("acteurRef").asString())) {
                        uid = v.path("acteurRef").asString();
                        listing = cat;
                    }
                }
            }
        }
        assertThat(uid).as("a proxy vote in scrutin 3876").isNotNull();
        String name = ShippedData.name(uid);

        String answer = chat.read(conversation, "Comment a voté " + name + " au scrutin 3876 ?");

        assertThat(answer).startsWith(name + " " + frenchPosition(listing)).contains("(par délégation)");
    }

    @Test
    void explainsThatTheSessionChairCouldNotVote() {
        JsonNode s = ShippedData.scrutin(3876);
        String chair = null;
        for (JsonNode g : many(s.path("ventilationVotes").path("organe").path("groupes").path("groupe"))) {
            for (JsonNode v : many(g.path("vote").path("decompteNominatif").path("nonVotants").path("votant"))) {
                if ("PSE".equals(v.path("causePositionVote").asString())) {
                    chair = v.path("acteurRef").asString();
                }
            }
        }
        assertThat(chair).as("the session chair of scrutin 3876").isNotNull();

        String answer = chat.read(conversation, "Comment a voté " + ShippedData.name(chair) + " au scrutin 3876 ?");

        assertThat(answer).startsWith(ShippedData.name(chair) + " n'a pas pris part au vote").contains("présidait la séance");
    }

    @Test
    void givesAResultWithItsCountsAndEachGroupsMajorityPosition() {
        JsonNode synthese = ShippedData.scrutin(3876).path("syntheseVote").path("decompte");
        String outcome = ShippedData.scrutin(3876).path("sort").path("code").asString();
        JsonNode rn = many(ShippedData.scrutin(3876).path("ventilationVotes").path("organe").path("groupes").path("groupe"))
                .stream().filter(g -> g.path("organeRef").asString().equals("PO845401")).findFirst().orElseThrow();
        JsonNode rnCount = rn.path("vote").path("decompteVoix");

        String answer = chat.read(conversation, "Résultat du scrutin 3876");

        assertThat(answer).contains(outcome + " (" + synthese.path("pour").asString() + " pour, "
                + synthese.path("contre").asString() + " contre, " + synthese.path("abstentions").asString() + " abstentions)");
        assertThat(answer).contains("RN " + rn.path("vote").path("positionMajoritaire").asString() + " ("
                + rnCount.path("pour").asString() + "/" + rnCount.path("contre").asString() + "/"
                + rnCount.path("abstentions").asString() + ")");
    }

    @Test
    void computesParticipationByThePublishedMethodology() {
        int[] c = ShippedData.participation("PA720892");
        String rate = String.format(Locale.ROOT, "%.1f %%", Math.round(1000.0 * c[0] / c[1]) / 10.0).replace('.', ',');
        String solemnRate = String.format(Locale.ROOT, "%.1f %%", Math.round(1000.0 * c[2] / c[3]) / 10.0).replace('.', ',');

        String answer = chat.read(conversation, "Quel est le taux de participation de Mathilde Panot ?");

        assertThat(answer)
                .contains("a pris part à " + String.format(Locale.ROOT, "%,d", c[0]).replace(',', ' ')
                        + " des " + String.format(Locale.ROOT, "%,d", c[1]).replace(',', ' '))
                .contains("soit " + rate)
                .contains(c[2] + " sur " + c[3] + ", soit " + solemnRate)
                .contains("pas de la présence")
                .as("the method, as a link to its section of the public page")
                .contains("Méthode an-participation-1 : " + GatewayTest.PUBLIC_URL + "/methodology#an-participation-1");
    }

    @Test
    void findsTheDeputyOfATownInOneConstituency() {
        Set<String> circos = ShippedData.constituenciesIn2017Table("48", "Mende");
        assertThat(circos).hasSize(1);
        String[] circo = circos.iterator().next().split("-");
        String uid = ShippedData.sittingDeputyOf(circo[0], circo[1]);

        String answer = chat.read(conversation, "Qui est mon député ? J'habite à Mende");

        assertThat(answer).contains(ShippedData.name(uid)).contains("https://www.assemblee-nationale.fr/dyn/deputes/" + uid);
    }

    @Test
    void findsTheDeputyOfANumberedConstituency() {
        String uid = ShippedData.sittingDeputyOf("33", "4");

        String answer = chat.read(conversation, "Qui est le député de la 4e circonscription de la Gironde ?");

        assertThat(answer).contains(ShippedData.name(uid)).contains("4e circonscription de la Gironde");
    }

    @Test
    void asksWhichConstituencyWhenTheTownIsSplit() {
        String first = ShippedData.name(ShippedData.sittingDeputyOf("74", "1"));
        String second = ShippedData.name(ShippedData.sittingDeputyOf("74", "2"));

        List<BotMessage> replies = chat.say(conversation, "Qui est mon député ? J'habite à Annecy");

        assertThat(replies.getFirst().text()).contains("partagée entre 2 circonscriptions").contains(first).contains(second);
        assertThat(replies.getFirst().titles()).containsExactly(
                "1re circonscription de la Haute-Savoie", "2e circonscription de la Haute-Savoie");

        String chosen = chat.read(conversation, replies.getFirst().payloadOf("2e circonscription de la Haute-Savoie"));

        assertThat(chosen).contains(second + " est").doesNotContain(first);
    }

    @Test
    void asksWhichTownWhenAPostcodeServesSeveral() {
        // 01000 serves Bourg-en-Bresse, split between two constituencies, and Saint-Denis-lès-Bourg.
        List<BotMessage> replies = chat.say(conversation, "député du 01000");

        assertThat(replies.getFirst().text()).contains("Le code postal 01000 dessert");
        assertThat(replies.getFirst().quickReplies()).hasSizeGreaterThan(1);
    }

    @Test
    void followsUpOnTheLastDeputyAndScrutin() {
        chat.read(conversation, "Comment a voté Mathilde Panot au scrutin 3876 ?");
        String expected = frenchPosition(ShippedData.listing(ShippedData.scrutin(3700), "PA720892"));

        String onAnother = chat.read(conversation, "et sur le scrutin 3700 ?");
        String participation = chat.read(conversation, "et son taux de participation ?");

        assertThat(onAnother).startsWith("Mathilde Panot " + expected + " lors du scrutin n° 3700");
        assertThat(participation).startsWith("Mathilde Panot a pris part à");
    }

    @Test
    void asksWhichDeputyWhenTwoShareTheNameAndNeverGuesses() {
        List<BotMessage> replies = chat.say(conversation, "Comment a voté Rousseau au scrutin 3876 ?");

        assertThat(replies.getFirst().text()).contains("Plusieurs députés correspondent à « Rousseau »");
        assertThat(replies.getFirst().titles()).containsExactlyInAnyOrder("Sandrine Rousseau", "Aurélien Rousseau");

        String answer = chat.read(conversation, replies.getFirst().payloadOf("Aurélien Rousseau"));

        String expected = frenchPosition(ShippedData.listing(ShippedData.scrutin(3876), "PA826635"));
        assertThat(answer).startsWith("Aurélien Rousseau " + expected + " lors du scrutin n° 3876");
    }

    @Test
    void saysPlainlyWhenANameIsNotADeputy() {
        String answer = chat.read(conversation, "Comment a voté Emmanuel Macron au scrutin 3876 ?");

        assertThat(answer).contains("Je ne trouve aucun député nommé « Emmanuel Macron »");
    }

    @Test
    void answersInEnglishWhenAskedInEnglish() {
        String expected = switch (String.valueOf(ShippedData.listing(ShippedData.scrutin(3876), "PA720892"))) {
            case "pours" -> "voted for";
            case "contres" -> "voted against";
            case "abstentions" -> "abstained";
            default -> "did not take part in the vote";
        };

        String answer = chat.read(conversation, "How did Mathilde Panot vote in scrutin 3876?");

        assertThat(answer).startsWith("Mathilde Panot " + expected).contains("data as of 17 November 2025");
    }

    @Test
    void saysHowOldTheDataIsWhenAskedAboutThisWeek() {
        String answer = chat.read(conversation, "Qu'est-ce qui a été voté cette semaine ?");

        assertThat(answer).contains("Les données chargées s'arrêtent au " + frenchDate(lastScrutinDate()))
                .contains("n° 3876");
    }

    @Test
    void findsScrutinsByTopicAndOffersThemAsQuickReplies() {
        List<BotMessage> replies = chat.say(conversation, "Comment a voté Mathilde Panot sur le budget ?");

        BotMessage answer = replies.getFirst();
        assertThat(answer.text()).contains("correspondent à « budget »");
        assertThat(answer.quickReplies()).isNotEmpty();
        for (String title : answer.titles()) {
            int number = Integer.parseInt(title.replaceAll("\\D", ""));
            assertThat(ShippedData.scrutin(number).path("titre").asString().toLowerCase(Locale.ROOT))
                    .as("title of scrutin " + number).containsAnyOf("financ", "budg");
        }
    }

    @Test
    void answersTheQuestionThatWaitedForThePlaceOnceTheDeputyIsKnown() {
        String first = chat.read(conversation, "Est-ce que mon député participe aux votes ?");
        assertThat(first).contains("De quel député parlez-vous ?");

        String uid = ShippedData.sittingDeputyOf("48", "1");
        String answer = chat.read(conversation, "J'habite à Mende");

        // the place says which deputy and why; the question that waited is the answer (not the deputy's profile)
        assertThat(answer).startsWith("Mende fait partie de la 1re circonscription de la Lozère. Votre député")
                .contains(" est " + ShippedData.name(uid) + ".\n").contains(ShippedData.name(uid) + " a pris part à");
    }

    @Test
    void saysThatAFormerDeputyNoLongerSits() {
        String answer = chat.read(conversation, "Qui est Nicolas Forissier ?");

        assertThat(answer).startsWith("Nicolas Forissier n'est plus député en exercice");
    }

    @Test
    void saysPlainlyThatAPersonWhoIsNotADeputyIsNotOne() {
        String answer = chat.read(conversation, "Qui est Jean-Luc Mélenchon ?");

        assertThat(answer).contains("Je ne trouve aucun député nommé « Jean-Luc Mélenchon »");
    }

    @Autowired
    fr.civicgateway.core.dialogue.Dialogue dialogue;

    @Test
    void saysHonestlyThatAPositionCannotBePlacedInAConstituencyYet() {
        var replies = dialogue.handle(new fr.civicgateway.core.conversation.IncomingMessage("telegram", conversation,
                "ma position", fr.civicgateway.core.nlu.Language.FR, new fr.civicgateway.core.conversation.GeoPoint(45.899, 6.129)));

        assertThat(((fr.civicgateway.core.conversation.Reply.Text) replies.getFirst()).text())
                .startsWith("Merci pour votre position. Je ne peux pas encore en déduire votre circonscription")
                .contains("Dites-moi votre commune ou votre code postal");
    }
}
