package fr.civicgateway.core.reports;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.conversation.Attachment;
import fr.civicgateway.core.conversation.ChannelCapabilities;
import fr.civicgateway.core.conversation.GeoPoint;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.dialogue.InMemoryConversationStore;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.fixtures.FakeGeoDirectory;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.OpenNlpUnderstanding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A report taken in the chat, through the real dialogue and NLU, on an in-memory store. */
class ReportFlowTest {

    static final OpenNlpUnderstanding NLU = OpenNlpUnderstanding.create(new FakeParliamentData(), new FakeGeoDirectory());

    static final ServiceCategory POTHOLE = new ServiceCategory("voirie-nid-de-poule", "Nid-de-poule ou chaussée abîmée",
            "Pothole or damaged road", List.of("nid de poule", "nids de poule", "trou", "chaussee", "pothole"), "Voirie",
            List.of());
    static final ServiceCategory LIGHTING = new ServiceCategory("eclairage-public", "Éclairage public en panne",
            "Street light out", List.of("lampadaire", "eclairage", "street light"), "Éclairage", List.of());
    static final ReportCategories CATEGORIES = ReportCategories.of(List.of(POTHOLE, LIGHTING));

    final InMemoryReportStore store = new InMemoryReportStore();
    final Dialogue dialogue = Dialogue.builder(NLU, new InMemoryConversationStore(100, Duration.ofHours(1), Ticker.systemTicker()))
            .handlers(otherHandlers()).flows(List.of(new ReportFlow(CATEGORIES, store, new FakeGeoDirectory(),
                    new ReportFlow.Recipient("les services techniques de la mairie", "the town's technical services"))))
            .notices(new ReportNotices(store, CATEGORIES, java.time.ZoneId.of("Europe/Paris")))
            .clock(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC)).build();

    List<IntentHandler> otherHandlers() {
        List<IntentHandler> out = new ArrayList<>();
        out.add(new ReportStatusHandler(store, CATEGORIES, java.time.ZoneId.of("Europe/Paris")));
        for (Intent i : fr.civicgateway.core.nlu.IntentCorpus.shippedIntents()) {
            if (i != Intent.REPORT_PROBLEM && i != Intent.REPORT_STATUS) {
                out.add(new IntentHandler() {
                    public Intent intent() {
                        return i;
                    }

                    public Answer handle(Turn t) {
                        return Answer.text(t.state(), "intent " + i.apiName());
                    }
                });
            }
        }
        return out;
    }

    Reply.Text say(String channel, String text) {
        return say(new IncomingMessage(channel, "c1", text, Language.FR, null));
    }

    Reply.Text say(IncomingMessage m) {
        // Telegram's connector says what a private chat can do; the core reads that, never the channel's name.
        List<Reply> replies = dialogue.handle(m.channel().equals("telegram") ? m.withCapabilities(ChannelCapabilities.ALL) : m);
        return (Reply.Text) replies.getLast();
    }

    @Test
    void guessesTheCategoryThenAsksWhereDetailsContactAndGivesTheTrackingNumberAfterConfirmation() {
        Reply.Text first = say("web", "Il y a un nid de poule devant chez moi");
        assertThat(first.text()).endsWith("S'agit-il de : Nid-de-poule ou chaussée abîmée ?");
        assertThat(first.quickReplies()).extracting(QuickReply::title).containsExactly("Oui", "Éclairage public en panne");

        assertThat(say("web", "oui").text()).startsWith("Où se trouve le problème ?");
        assertThat(say("web", "12 rue Carnot, Annecy").text()).startsWith("Décrivez le problème en quelques mots (2000 caractères au plus).");
        assertThat(say("web", "x".repeat(2500)).text())
                .startsWith("Votre description fait 2500 caractères : c'est trop long. Pouvez-vous la raccourcir ?");
        assertThat(say("web", "Un trou profond au milieu de la chaussée").text()).isEqualTo("Voulez-vous être "
                + "recontacté(e) à propos de ce signalement ? C'est facultatif. Si oui, donnez une adresse e-mail ou un "
                + "numéro de téléphone : il ne sera transmis qu'au destinataire du signalement (les services techniques "
                + "de la mairie). Sinon, répondez « non ».");
        Reply.Text summary = say("web", "non");
        assertThat(summary.text()).contains("• Type : Nid-de-poule ou chaussée abîmée", "• Lieu : 12 rue Carnot, Annecy (Annecy)",
                "• Description : Un trou profond au milieu de la chaussée", "• Photo : non", "• Contact : aucun",
                "Destinataire : les services techniques de la mairie. Partent avec lui : le type, le lieu, la description. "
                        + "Ni votre nom ni votre identifiant de messagerie ne sont transmis : vous restez anonyme.");
        assertThat(store.query(new ReportQuery(List.of(), List.of(), null, null, null, 10))).isEmpty();

        assertThat(say("web", "oui").text()).startsWith("Merci, votre signalement n° 1 est enregistré.");
        Report stored = store.find(1).orElseThrow();
        assertThat(stored.serviceCode()).isEqualTo("voirie-nid-de-poule");
        assertThat(stored.location()).isEqualTo(new ReportLocation(null, null, "12 rue Carnot, Annecy", "74010"));
        assertThat(stored.contact()).isNull();
        assertThat(stored.conversationKey()).isEqualTo("web:c1");
    }

    @Test
    void anExtraYesAfterTheReportIsStoredConfirmsTheSameReportAgainAndOnlyRightAfter() {
        say("web", "Il y a un nid de poule devant chez moi");
        say("web", "oui");
        say("web", "12 rue Carnot, Annecy");
        say("web", "Un trou profond au milieu de la chaussée");
        say("web", "non");
        assertThat(say("web", "oui").text()).startsWith("Merci, votre signalement n° 1 est enregistré.");

        assertThat(say("web", "oui").text()).isEqualTo("Votre signalement n° 1 est bien enregistré (une seule fois). "
                + "Destinataire : les services techniques de la mairie. Pour suivre son état, demandez-moi « Où en est mon "
                + "signalement 1 ? ».");
        assertThat(say("web", "Envoyer").text()).as("the summary's button title, a third click")
                .startsWith("Votre signalement n° 1 est bien enregistré");
        assertThat(store.find(2)).as("a second report").isEmpty();

        assertThat(say("web", "Où en est mon signalement 1 ?").text()).startsWith("Le signalement n° 1 ");
        assertThat(say("web", "oui").text()).as("a « oui » once the conversation has moved on")
                .doesNotContain("signalement n° 1");
    }

    @Test
    void somethingElseRightAfterTheReportIsAnsweredAsUsual() {
        say("web", "un lampadaire est en panne");
        say("web", "oui");
        say("web", "12 rue Carnot, Annecy");
        say("web", "il ne marche plus");
        say("web", "non");
        assertThat(say("web", "oui").text()).startsWith("Merci, votre signalement n° 1 est enregistré.");

        assertThat(say("web", "annuler").text()).as("nothing to cancel: the report is sent")
                .doesNotStartWith("C'est annulé").doesNotContain("signalement n° 1");
        assertThat(say("web", "Où en est mon signalement 1 ?").text()).startsWith("Le signalement n° 1 ");
        assertThat(store.find(1)).isPresent();
    }

    @Test
    void asksAgainForAnUnknownPlace() {
        say("web", "je veux signaler un problème");
        say("web", "Éclairage public en panne");
        assertThat(say("web", "derrière la boulangerie").text())
                .startsWith("Je n'ai pas reconnu de commune dans « derrière la boulangerie ».\nOù se trouve le problème ?");
    }

    @Test
    void offersToShareThePositionAndTheNumberWithButtonsWhereTheChannelCanWhateverItsName() {
        ChannelCapabilities all = ChannelCapabilities.ALL;
        say(new IncomingMessage("web", "c1", "un lampadaire est en panne", Language.FR, null).withCapabilities(all));
        Reply.Text where = say(new IncomingMessage("web", "c1", "oui", Language.FR, null).withCapabilities(all));
        assertThat(where.text()).contains(", ou partagez votre position avec le bouton ci-dessous.");
        assertThat(where.quickReplies()).containsExactly(
                new QuickReply("📍 Partager ma position", "📍 Partager ma position", QuickReply.Kind.SHARE_LOCATION));
        say(new IncomingMessage("web", "c1", "ma position", Language.FR, new GeoPoint(45.9, 6.12)).withCapabilities(all));
        Reply.Text contact = say(new IncomingMessage("web", "c1", "Le lampadaire clignote puis s'éteint", Language.FR, null)
                .withCapabilities(all));
        assertThat(contact.quickReplies()).containsExactly(
                new QuickReply("📞 Partager mon numéro", "📞 Partager mon numéro", QuickReply.Kind.SHARE_CONTACT),
                new QuickReply("Non merci", "non"));
    }

    @Test
    void offersNoSharingButtonNorMentionWhereTheChannelCannotEvenIfItIsCalledTelegram() {
        ChannelCapabilities buttons = ChannelCapabilities.BUTTONS;
        dialogue.handle(new IncomingMessage("telegram", "c2", "un lampadaire est en panne", Language.FR, null)
                .withCapabilities(buttons));
        Reply.Text where = (Reply.Text) dialogue.handle(new IncomingMessage("telegram", "c2", "oui", Language.FR, null)
                .withCapabilities(buttons)).getLast();
        assertThat(where.text()).doesNotContain("position");
        assertThat(where.quickReplies()).isEmpty();
        Reply.Text details = (Reply.Text) dialogue.handle(new IncomingMessage("telegram", "c2", "12 rue Carnot, Annecy",
                Language.FR, null).withCapabilities(buttons)).getLast();
        assertThat(details.text()).doesNotContain("photo");
        Reply.Text contact = (Reply.Text) dialogue.handle(new IncomingMessage("telegram", "c2",
                "Le lampadaire clignote puis s'éteint", Language.FR, null).withCapabilities(buttons)).getLast();
        assertThat(contact.quickReplies()).containsExactly(new QuickReply("Non merci", "non"));
    }

    @Test
    void takesATelegramLocationAndPhotoAndAContact() {
        say("telegram", "un lampadaire est en panne");
        say("telegram", "oui");
        assertThat(say(new IncomingMessage("telegram", "c1", "ma position", Language.FR, new GeoPoint(45.9, 6.12))).text())
                .contains("Vous pouvez aussi envoyer une photo.");
        assertThat(say(new IncomingMessage("telegram", "c1", "", Language.FR, null,
                new Attachment(Attachment.Kind.PHOTO, "AgADBAADq6cxG"))).text()).startsWith("Merci pour la photo.");
        say("telegram", "Le lampadaire clignote puis s'éteint");
        Reply.Text summary = say("telegram", "marie@example.org");
        assertThat(summary.text()).contains("• Lieu : votre position (45.9, 6.12)", "• Photo : oui",
                "Partent avec lui : le type, le lieu, la description, la photo et votre contact.");
        say("telegram", "oui");
        Report r = store.find(1).orElseThrow();
        assertThat(r.photoReference()).isEqualTo("AgADBAADq6cxG");
        assertThat(r.contact()).isEqualTo("marie@example.org");
        assertThat(r.location().latitude()).isEqualTo(45.9);
        assertThat(summary.text()).contains("Le type, le lieu, la description et l'état du signalement seront "
                + "consultables publiquement");
    }

    @Test
    void aPublishedPhotoFromAChannelThatSharesAPositionAndAPhotoIsSaidToBePublic() {
        ChannelCapabilities web = new ChannelCapabilities(true, false, true, true);
        say(new IncomingMessage("web", "w1", "un lampadaire est en panne", Language.FR, null).withCapabilities(web));
        assertThat(say(new IncomingMessage("web", "w1", "oui", Language.FR, null).withCapabilities(web)).text())
                .endsWith("ou partagez votre position avec le bouton ci-dessous.");
        assertThat(say(new IncomingMessage("web", "w1", "", Language.FR, new GeoPoint(48.85, 2.35)).withCapabilities(web))
                .text()).endsWith("Vous pouvez aussi envoyer une photo.");
        say(new IncomingMessage("web", "w1", "", Language.FR, null,
                new Attachment(Attachment.Kind.PHOTO, "attachment:abc", true)).withCapabilities(web));
        say(new IncomingMessage("web", "w1", "Le lampadaire clignote", Language.FR, null).withCapabilities(web));
        Reply.Text summary = say(new IncomingMessage("web", "w1", "non", Language.FR, null).withCapabilities(web));

        assertThat(summary.text()).contains("• Photo : oui", "Le type, le lieu, la description, la photo et l'état du "
                + "signalement seront consultables publiquement (données ouvertes Open311) ; votre contact, jamais.");
        say(new IncomingMessage("web", "w1", "oui", Language.FR, null).withCapabilities(web));
        assertThat(store.find(1).orElseThrow().photoReference()).isEqualTo("attachment:abc");
    }

    @Test
    void cancelLeavesTheFlowAtAnyStepAndNothingIsStored() {
        for (int steps = 1; steps <= 5; steps++) {
            String conversation = "cancel-" + steps;
            List<String> answers = List.of("un lampadaire est en panne", "oui", "Annecy", "il ne marche plus", "non");
            for (int i = 0; i < steps; i++) {
                dialogue.handle(new IncomingMessage("web", conversation, answers.get(i), Language.FR, null));
            }
            List<Reply> r = dialogue.handle(new IncomingMessage("web", conversation, "annuler", Language.FR, null));
            assertThat(((Reply.Text) r.getFirst()).text()).startsWith("C'est annulé : rien n'a été envoyé.");
        }
        assertThat(store.find(1)).isEmpty();
    }

    @Test
    void answersTheStatusOfAReportAndTellsTheCitizenOfAChangeAtTheirNextMessage() {
        Report r = store.submit(new NewReport("voirie-nid-de-poule", "trou", new ReportLocation(null, null, "Annecy", "74010"),
                null, null, "web", "web:c1"), Instant.parse("2026-11-20T09:00:00Z"));
        assertThat(say("web", "Où en est mon signalement " + r.id() + " ?").text()).isEqualTo("Le signalement n° 1 "
                + "(Nid-de-poule ou chaussée abîmée), enregistré le 20 novembre 2026, est ouvert : il est en cours de traitement.");
        assertThat(say("web", "Où en est mon signalement 99 ?").text()).startsWith("Je ne trouve pas de signalement n° 99.");
        assertThat(say("web", "Où en est mon signalement 2147483648 ?").text()).as("past an int")
                .startsWith("Je ne trouve pas de signalement n° 2147483648.");
        assertThat(say("web", "Où en est mon signalement 99999999999999999999999 ?").text()).as("past a long")
                .startsWith("Je ne trouve pas de signalement n° 99999999999999999999999.");

        store.updateStatus(1, ReportStatus.CLOSED, "Trou rebouché le 23 novembre.", Instant.parse("2026-11-23T15:00:00Z"));
        List<Reply> next = dialogue.handle(new IncomingMessage("web", "c1", "bonjour", Language.FR, null));
        assertThat(((Reply.Text) next.getFirst()).text()).isEqualTo("Du nouveau sur votre signalement : Le signalement "
                + "n° 1 (Nid-de-poule ou chaussée abîmée), enregistré le 20 novembre 2026, est clos (mis à jour le "
                + "23 novembre 2026). Note de la mairie : Trou rebouché le 23 novembre.");
        assertThat(dialogue.handle(new IncomingMessage("web", "c1", "bonjour", Language.FR, null))).hasSize(1);
    }

    @Test
    void understandsAStatusQuestionInEnglish() {
        store.submit(new NewReport("eclairage-public", "dark", new ReportLocation(45.9, 6.12, null, null),
                null, null, "web", "web:c1"), Instant.parse("2026-11-20T09:00:00Z"));
        Reply.Text r = say(new IncomingMessage("web", "c2", "What is the status of report #1?", Language.EN, null));
        assertThat(r.text()).isEqualTo("Report no. 1 (Street light out), registered on 20 November 2026, is open: it is being handled.");
    }
}
