package fr.civicgateway.app.follow;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.ChatClient.BotMessage;
import fr.civicgateway.app.support.GatewayTest;
import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.follow.Subscription;
import fr.civicgateway.core.follow.SubscriptionStore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.opendata.testing.ShippedData;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following and stopping through {@code POST /api/v1/chat} on the shipped data, as a web visitor sees it, with what
 * the gateway's database then holds.
 */
@GatewayTest
class FollowOverHttpTest {

    static final String PANOT = "PA720892";
    /** "Fin de vie", the bill of the "aide à mourir" (see BillsOnRealDataTest). */
    static final String FIN_DE_VIE = "DLR5L17N51670";

    @LocalServerPort
    int port;
    @Autowired
    SubscriptionStore store;
    ChatClient chat;
    String conversation;

    @BeforeEach
    void newConversation() {
        chat = new ChatClient(port);
        conversation = "test-" + UUID.randomUUID();
    }

    List<String> followed() {
        return store.list("web:" + conversation).stream().map(s -> s.target().key()).toList();
    }

    @Test
    void followsADeputyByNameSaysHowOftenThatItWaitsForTheNextVisitAndHowToStop() {
        BotMessage r = chat.say(conversation, "suis Mathilde Panot").getLast();
        assertThat(r.text()).isEqualTo("C'est noté : vous suivez Mathilde Panot. Je vous enverrai une fois par jour un "
                + "résumé de ses positions sur les nouveaux scrutins, de ses nouvelles questions et de ses interventions, "
                + "chacune avec son lien — jamais un message par vote.\n"
                + "Ici, je ne peux pas vous écrire de moi-même : les nouveautés vous attendront à votre prochaine visite.\n"
                + "Pour arrêter : « arrête de suivre Mathilde Panot », /abonnements pour la liste de vos suivis, /stop pour tout arrêter.");
        assertThat(r.titles()).containsExactly("Mes abonnements");
        assertThat(store.list("web:" + conversation)).singleElement().satisfies(s -> {
            assertThat(s.target()).isEqualTo(new FollowTarget.Deputy(PANOT));
            assertThat(s.language()).isEqualTo(Language.FR);
        });

        assertThat(chat.read(conversation, "je veux suivre Mathilde Panot")).isEqualTo("Vous suivez déjà Mathilde Panot : rien n'a changé.");
        assertThat(followed()).containsExactly("deputy:" + PANOT);
    }

    @Test
    void myDeputyAfterGivingTheTownFollowsThatTownsDeputy() {
        Set<String> circos = ShippedData.constituenciesIn2017Table("19", "Tulle");
        assertThat(circos).hasSize(1);
        String[] circo = circos.iterator().next().split("-");
        String uid = ShippedData.sittingDeputyOf(circo[0], circo[1]);

        assertThat(chat.read(conversation, "Préviens-moi quand mon député vote")).startsWith("De quel député parlez-vous ?");
        assertThat(followed()).isEmpty();
        List<BotMessage> replies = chat.say(conversation, "J'habite à Tulle");
        assertThat(replies.getFirst().text()).startsWith("Tulle fait partie de la 1re circonscription de la Corrèze.");
        assertThat(replies.getLast().text()).startsWith("C'est noté : vous suivez " + ShippedData.name(uid) + ".");
        assertThat(followed()).containsExactly("deputy:" + uid);
    }

    @Test
    void followsTheAideAMourirBillAndATopic() {
        assertThat(chat.read(conversation, "suis le projet de loi sur l'aide à mourir"))
                .startsWith("C'est noté : vous suivez le texte « Fin de vie ». Je vous dirai chacune de ses nouvelles étapes");
        assertThat(chat.read(conversation, "alerte-moi sur les votes sur l'agriculture"))
                .startsWith("C'est noté : vous suivez les votes sur « agriculture ».");
        assertThat(followed()).containsExactly("bill:" + FIN_DE_VIE, "topic:agriculture");
    }

    @Test
    void listsStopsOneThenStopsEverything() {
        chat.say(conversation, "suis Mathilde Panot");
        chat.say(conversation, "alerte-moi sur les votes sur l'agriculture");
        BotMessage list = chat.say(conversation, "/abonnements").getLast();
        assertThat(list.text()).startsWith("Vous suivez 2 choses :\n• Mathilde Panot (résumé de ses votes, questions et interventions), depuis le ")
                .contains("\n• les votes sur « agriculture », depuis le ");
        assertThat(list.titles()).containsExactly("Arrêter : Mathilde Panot", "Arrêter : les votes sur « agriculture »", "Tout arrêter");

        assertThat(chat.read(conversation, list.payloadOf("Arrêter : Mathilde Panot"))).isEqualTo("C'est fait : vous ne suivez plus Mathilde Panot.");
        assertThat(followed()).containsExactly("topic:agriculture");
        chat.say(conversation, "suis Mathilde Panot");

        assertThat(chat.read(conversation, "/stop")).isEqualTo("C'est fait : j'ai supprimé vos 2 abonnements. Je ne vous "
                + "enverrai plus aucune alerte. Vous pouvez me poser vos questions comme avant.");
        assertThat(followed()).isEmpty();
        assertThat(chat.read(conversation, "mes abonnements")).startsWith("Vous ne suivez rien pour l'instant.");
    }

    @Test
    void anAmbiguousNameIsAskedBackAndAnUnknownOneIsSaid() {
        BotMessage q = chat.say(conversation, "suis Rousseau").getFirst();
        assertThat(q.text()).startsWith("Plusieurs députés correspondent à « Rousseau »");
        assertThat(q.titles()).containsExactlyInAnyOrder("Sandrine Rousseau", "Aurélien Rousseau");
        assertThat(chat.read(conversation, q.payloadOf("Aurélien Rousseau"))).startsWith("C'est noté : vous suivez Aurélien Rousseau.");
        assertThat(followed()).containsExactly("deputy:PA826635");

        String other = "test-" + UUID.randomUUID();
        assertThat(chat.read(other, "suis Emmanuel Macron")).startsWith("Je ne trouve aucun député nommé « Emmanuel Macron »");
        assertThat(store.list("web:" + other)).isEmpty();
    }

    @Test
    void inEnglish() {
        assertThat(chat.say(conversation, "follow Mathilde Panot", "en").getLast().text())
                .startsWith("Done: you follow Mathilde Panot. I will send you once a day a digest")
                .contains("Here I cannot write to you unasked: the news will wait for your next visit.");
        assertThat(store.list("web:" + conversation)).extracting(Subscription::language).containsExactly(Language.EN);
        BotMessage list = chat.say(conversation, "what do I follow?", "en").getLast();
        assertThat(list.text()).startsWith("You follow one thing:\n• Mathilde Panot (digest of their votes, questions and speeches)");
        assertThat(list.titles()).containsExactly("Stop: Mathilde Panot", "Stop everything");
    }

    @Test
    void theFinanceBillsThreeResponsibilityDossiersHaveButtonsToldApart() {
        BotMessage r = chat.say(conversation, "suis le projet de loi de finances").getLast();
        assertThat(r.text()).startsWith("Plusieurs textes correspondent");
        assertThat(r.titles()).hasSizeBetween(2, 5).doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(40));
        // the three the tester saw read alike: each now ends with the date of its stage, as its line says
        List<String> alike = r.quickReplies().stream().filter(q -> q.getValue().matches(".*DLR5L17N(53689|53619|53597)"))
                .map(java.util.Map.Entry::getKey).toList();
        assertThat(alike).hasSize(3).allSatisfy(t -> assertThat(t).startsWith("Engagement de la")
                .matches(".*\\(\\d\\d/\\d\\d/20\\d\\d\\)"));
        String chosen = r.quickReplies().stream().filter(q -> q.getValue().endsWith("DLR5L17N53597")).findFirst()
                .orElseThrow().getValue();
        assertThat(chat.read(conversation, chosen)).startsWith("C'est noté : vous suivez le texte « Engagement de la "
                + "responsabilité du Gouvernement sur la première partie du projet de loi de finances pour 2026 ».");
        assertThat(followed()).containsExactly("bill:DLR5L17N53597");
    }

    @Test
    void aTopicOfNoMeaningfulWordIsRefusedAndTheConfirmationQuotesOnce() {
        assertThat(chat.read(conversation, "alerte-moi sur les votes sur ' OR 1=1 --"))
                .startsWith("Je ne peux pas suivre les votes sur « or 1 1 » : ces mots ne disent pas de quel sujet il s'agit");
        assertThat(followed()).isEmpty();
        assertThat(chat.read(conversation, "alerte-moi sur les votes sur l'agriculture"))
                .contains("« arrête de suivre les votes sur “agriculture” »");
        assertThat(followed()).containsExactly("topic:agriculture");
    }

    @Test
    void myDeputyIsNotTheLastDeputyTalkedAbout() {
        chat.say(conversation, "Qui est Mathilde Panot ?");
        assertThat(chat.read(conversation, "Préviens-moi quand mon député vote")).startsWith("De quel député parlez-vous ?");
        assertThat(followed()).isEmpty();
    }

    @Test
    void aFollowCommandWithoutLocaleIsEnglishAndUnfollowStopsItOrSaysItWasNotFollowed() {
        assertThat(chat.read(conversation, "follow Mathilde Panot")).startsWith("Done: you follow Mathilde Panot.");
        assertThat(chat.read(conversation, "Tell me when my MP votes")).startsWith("Which deputy do you mean?");
        assertThat(chat.read(conversation, "alert me on votes about agriculture")).startsWith("Done: you follow votes on “agriculture”.");
        assertThat(followed()).containsExactlyInAnyOrder("deputy:" + PANOT, "topic:agriculture");

        assertThat(chat.read(conversation, "unfollow votes on agriculture")).isEqualTo("Done: you no longer follow votes on “agriculture”.");
        assertThat(chat.read(conversation, "unfollow agriculture")).startsWith("You follow nothing that matches “agriculture”");
        assertThat(chat.read(conversation, "unfollow Mathilde Panot")).isEqualTo("Done: you no longer follow Mathilde Panot.");
        assertThat(followed()).isEmpty();
    }

    @Test
    void stoppingInFrenchWordsReachesTheSubscription() {
        chat.say(conversation, "suis Mathilde Panot");
        chat.say(conversation, "alerte-moi sur les votes sur l'agriculture");
        assertThat(chat.read(conversation, "ne plus suivre agriculture")).isEqualTo("C'est fait : vous ne suivez plus les votes sur « agriculture ».");
        assertThat(chat.read(conversation, "désabonne-moi de Mathilde Panot")).isEqualTo("C'est fait : vous ne suivez plus Mathilde Panot.");
        assertThat(chat.read(conversation, "je ne veux plus suivre Mathilde Panot")).isEqualTo("Vous ne suiviez pas Mathilde Panot : rien n'a changé.");
        assertThat(followed()).isEmpty();
    }

    @Test
    void aMisspeltNameIsAskedBackAndFollowedOnItsButton() {
        BotMessage q = chat.say(conversation, "suis Mathilde Pannot").getLast();
        assertThat(q.text()).startsWith("Je ne trouve aucun député nommé « Mathilde Pannot ». Vouliez-vous dire Mathilde Panot ?");
        assertThat(q.titles()).containsExactly("Mathilde Panot");
        assertThat(followed()).isEmpty();
        assertThat(chat.read(conversation, "suis Gabriel Atal")).contains("Vouliez-vous dire Gabriel Attal ?");
        assertThat(followed()).isEmpty();

        String other = "test-" + UUID.randomUUID();
        BotMessage again = chat.say(other, "suis Mathilde Pannot").getLast();
        assertThat(chat.read(other, again.payloadOf("Mathilde Panot"))).startsWith("C'est noté : vous suivez Mathilde Panot.");
        assertThat(store.list("web:" + other)).extracting(sub -> sub.target().key()).containsExactly("deputy:" + PANOT);
    }
}
