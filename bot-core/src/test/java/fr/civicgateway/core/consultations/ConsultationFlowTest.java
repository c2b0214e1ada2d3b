package fr.civicgateway.core.consultations;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.dialogue.InMemoryConversationStore;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.NaturalLanguageUnderstanding;
import fr.civicgateway.core.nlu.Understanding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The consultation flow through the dialogue, with an in-memory store and a clock the test moves. */
class ConsultationFlowTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final NaturalLanguageUnderstanding NLU = (text, hint) -> new Understanding(text, Language.FR,
            List.of(new IntentScore(text.contains("consultation") ? Intent.CONSULTATION : Intent.OUT_OF_SCOPE, 0.9)), List.of());

    static Consultation library(boolean allowChanges) {
        return new Consultation("bibliotheque", Localized.of("Horaires de la bibliothèque", "Library opening hours"),
                Localized.of("La ville revoit les horaires.", "The town is reviewing the hours."),
                LocalDate.of(2026, 11, 1).atStartOfDay(PARIS).toInstant(), LocalDate.of(2027, 2, 1).atStartOfDay(PARIS).toInstant(),
                LocalDate.of(2027, 1, 31), allowChanges, List.of(
                new Question.SingleChoice("frequence", Localized.of("Venez-vous souvent ?", "Do you come often?"), List.of(
                        new Question.Option("semaine", Localized.of("Chaque semaine", "Every week")),
                        new Question.Option("jamais", Localized.of("Jamais", "Never"))), true),
                new Question.MultipleChoice("creneaux", Localized.of("Quels créneaux ?", "Which slots?"), List.of(
                        new Question.Option("matin", Localized.of("Le matin", "Mornings")),
                        new Question.Option("soir", Localized.of("Le soir", "Evenings")),
                        new Question.Option("dimanche", Localized.of("Le dimanche", "Sundays"))), true),
                new Question.Scale("satisfaction", Localized.of("Êtes-vous satisfait ?", "Are you satisfied?"),
                        Localized.of("pas du tout", "not at all"), Localized.of("tout à fait", "completely"), true),
                new Question.FreeText("idee", Localized.of("Une idée ?", "An idea?"), 20, false)));
    }

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T10:00:00Z"));
    private final Clock clock = new Clock() {
        public ZoneId getZone() { return ZoneOffset.UTC; }
        public Clock withZone(ZoneId zone) { return this; }
        public Instant instant() { return now.get(); }
    };
    private final java.util.concurrent.atomic.AtomicBoolean storeDown = new java.util.concurrent.atomic.AtomicBoolean();
    private final InMemoryConsultationStore store = new InMemoryConsultationStore();
    /** The in-memory store, failing every save while {@link #storeDown} is set. */
    private final ConsultationStore failingStore = new ConsultationStore() {
        public SaveOutcome save(Ballot b, String p, Instant at, boolean replace) {
            if (storeDown.get()) {
                throw new ConsultationStoreException("consultation store: cannot save a submission (SQLSTATE 08001)", null);
            }
            return store.save(b, p, at, replace);
        }
        public java.util.Optional<Submission> find(String c, String p) { return store.find(c, p); }
        public Results results(String c) { return store.results(c); }
        public List<Submission> submissions(String c) { return store.submissions(c); }
        public boolean setHidden(String c, long id, boolean h) { return store.setHidden(c, id, h); }
    };
    private final ConsultationPseudonyms pseudonyms = ConsultationPseudonyms.fromSecret("a test key of sixteen bytes or more");

    private final InMemoryConversationStore conversations = new InMemoryConversationStore(100, Duration.ofHours(1), Ticker.systemTicker());

    private Dialogue dialogue(Consultation... consultations) {
        return dialogue(pseudonyms, consultations);
    }

    private Dialogue dialogue(ConsultationPseudonyms keys, Consultation... consultations) {
        List<IntentHandler> handlers = new ArrayList<>();
        for (Intent i : fr.civicgateway.core.nlu.IntentCorpus.shippedIntents()) {
            if (i != Intent.CONSULTATION) {
                handlers.add(new IntentHandler() {
                    public Intent intent() { return i; }
                    public Answer handle(Turn t) { return Answer.text(t.state(), "intent " + i.apiName()); }
                });
            }
        }
        ConsultationFlow flow = new ConsultationFlow(ConsultationCatalog.of(List.of(consultations)), failingStore, keys, PARIS);
        return Dialogue.builder(NLU, conversations).handlers(handlers).flows(List.of(flow)).clock(clock).build();
    }

    private static Reply.Text last(List<Reply> replies) {
        return (Reply.Text) replies.getLast();
    }

    private static List<String> titles(Reply.Text r) {
        return r.quickReplies().stream().map(QuickReply::title).toList();
    }

    private static Reply.Text say(Dialogue d, String conversation, String text) {
        return last(d.handle(new IncomingMessage("web", conversation, text, Language.FR, null)));
    }

    private static void answerAll(Dialogue d, String c) {
        say(d, c, "je veux participer à une consultation");
        say(d, c, "bibliotheque");
        say(d, c, "Chaque semaine");
        say(d, c, "Le soir");
        say(d, c, "valider");
        say(d, c, "4");
        say(d, c, "passer");
    }

    @Test
    void listsTheOpenConsultationsAndTakesEachKindOfQuestionThenThanksOnlyAfterTheStoreCommitted() {
        Dialogue d = dialogue(library(true));

        Reply.Text list = say(d, "c1", "je veux participer à une consultation");
        assertThat(list.text()).isEqualTo("Une consultation est ouverte :\n1. Horaires de la bibliothèque (jusqu'au 31 janvier 2027)\nVoulez-vous y répondre ?");
        assertThat(list.quickReplies()).containsExactly(new QuickReply("Horaires de la bibliothèque", "bibliotheque"));

        List<Reply> intro = d.handle(new IncomingMessage("web", "c1", "bibliotheque", Language.FR, null));
        assertThat(((Reply.Text) intro.getFirst()).text()).startsWith("« Horaires de la bibliothèque »\nLa ville revoit les horaires.\nOuverte jusqu'au 31 janvier 2027 inclus. 4 questions");
        assertThat(last(intro).text()).isEqualTo("Question 1/4 : Venez-vous souvent ?");
        assertThat(titles(last(intro))).containsExactly("Chaque semaine", "Jamais");

        Reply.Text multi = say(d, "c1", "Chaque semaine");
        assertThat(multi.text()).isEqualTo("Question 2/4 : Quels créneaux ?\nChoisissez une ou plusieurs réponses, puis « Valider ».");
        Reply.Text ticked = say(d, "c1", "Le soir");
        assertThat(ticked.text()).endsWith("Choisi : Le soir.");
        assertThat(titles(ticked)).containsExactly("Le matin", "✓ Le soir", "Le dimanche", "Valider");
        ticked = say(d, "c1", "Le dimanche");
        assertThat(titles(ticked)).containsExactly("Le matin", "✓ Le soir", "✓ Le dimanche", "Valider");
        ticked = say(d, "c1", "Le soir");
        assertThat(titles(ticked)).as("pressing again unticks").containsExactly("Le matin", "Le soir", "✓ Le dimanche", "Valider");

        Reply.Text scale = say(d, "c1", "valider");
        assertThat(scale.text()).isEqualTo("Question 3/4 : Êtes-vous satisfait ?\nDe 1 (pas du tout) à 5 (tout à fait).");
        assertThat(titles(scale)).containsExactly("1", "2", "3", "4", "5");
        assertThat(say(d, "c1", "7").text()).startsWith("Répondez par un nombre de 1 à 5.\nQuestion 3/4");

        Reply.Text free = say(d, "c1", "4");
        assertThat(free.text()).isEqualTo("Question 4/4 : Une idée ?\nÉcrivez votre réponse (20 caractères au plus).");
        assertThat(titles(free)).containsExactly("Passer");
        assertThat(say(d, "c1", "Ouvrir le lundi matin, svp").text())
                .startsWith("Votre réponse fait 26 caractères, pour 20 au plus : raccourcissez-la, s'il vous plaît.\nQuestion 4/4");

        Reply.Text review = say(d, "c1", "Ouvrir le lundi");
        assertThat(review.text()).isEqualTo("""
                Vos réponses à « Horaires de la bibliothèque » :
                1. Venez-vous souvent ? → Chaque semaine
                2. Quels créneaux ? → Le dimanche
                3. Êtes-vous satisfait ? → 4/5
                4. Une idée ? → « Ouvrir le lundi »
                Envoyer ces réponses ? Vous pouvez aussi en modifier une.""");
        assertThat(titles(review)).containsExactly("Envoyer", "Modifier 1", "Modifier 2", "Modifier 3", "Modifier 4", "Annuler");

        assertThat(say(d, "c1", "modifier 2147483648").text()).as("a number past any question, even past an int")
                .contains("Choisissez « Envoyer », « Modifier » suivi du numéro de la question, ou « annuler ».");
        assertThat(say(d, "c1", "modifier 99").text()).contains("Choisissez « Envoyer », « Modifier » suivi du numéro");
        for (String outOfRange : List.of("modifier -1", "modifier 0", "modifier 5", "modifier 99", "modifier 2147483648", "-1")) {
            assertThat(say(d, "c1", outOfRange).text()).as(outOfRange)
                    .contains("Il n'y a pas de question de ce numéro : elles vont de 1 à 4.")
                    .doesNotContain("Question 1/4");
        }
        assertThat(say(d, "c1", "modifier 3").text()).startsWith("Question 3/4");
        assertThat(say(d, "c1", "2").text()).as("back to the review after a change").contains("3. Êtes-vous satisfait ? → 2/5");
        assertThat(store.submissions("bibliotheque")).as("nothing stored before sending").isEmpty();

        assertThat(say(d, "c1", "envoyer").text())
                .isEqualTo("Merci, votre réponse est enregistrée. Vous pourrez la modifier jusqu'au 31 janvier 2027 inclus.");
        Results r = store.results("bibliotheque");
        assertThat(r.submissions()).isEqualTo(1);
        assertThat(r.count("frequence", "semaine")).isEqualTo(1);
        assertThat(r.count("creneaux", "dimanche")).isEqualTo(1);
        assertThat(r.count("creneaux", "soir")).isZero();
        assertThat(r.count("satisfaction", "2")).isEqualTo(1);
        assertThat(r.textCounts()).containsEntry("idee", 1L);
    }

    @Test
    void aSecondAttemptIsToldItAlreadyAnsweredAndMayChangeItsAnswerUntilTheClosing() {
        Dialogue d = dialogue(library(true));
        answerAll(d, "c2");
        say(d, "c2", "envoyer");

        say(d, "c2", "je veux participer à une consultation");
        Reply.Text again = say(d, "c2", "bibliotheque");
        assertThat(again.text()).isEqualTo("Vous avez déjà répondu à la consultation « Horaires de la bibliothèque » le 24 novembre 2026. "
                + "Vous pouvez modifier votre réponse jusqu'au 31 janvier 2027 inclus.");
        assertThat(titles(again)).containsExactly("Modifier ma réponse", "Annuler");
        List<Reply> change = d.handle(new IncomingMessage("web", "c2", "modifier ma réponse", Language.FR, null));
        assertThat(((Reply.Text) change.getFirst()).text()).isEqualTo("Répondez de nouveau aux questions : vos nouvelles "
                + "réponses remplaceront les précédentes une fois envoyées.");
        assertThat(last(change).text()).isEqualTo("Question 1/4 : Venez-vous souvent ?");
        assertThat(conversations.find("web:c2").orElseThrow().activeFlow().slots().keySet())
                .as("the stored answers stay in the store, out of the conversation's state")
                .noneMatch(slot -> slot.startsWith("a."));
        say(d, "c2", "Jamais");
        say(d, "c2", "Le matin");
        say(d, "c2", "valider");
        say(d, "c2", "5");
        assertThat(say(d, "c2", "passer").text()).contains("1. Venez-vous souvent ? → Jamais")
                .contains("2. Quels créneaux ? → Le matin");
        assertThat(say(d, "c2", "envoyer").text()).isEqualTo("Merci, votre réponse modifiée est enregistrée.");

        Results r = store.results("bibliotheque");
        assertThat(r.submissions()).isEqualTo(1);
        assertThat(r.count("frequence", "jamais")).isEqualTo(1);
        assertThat(r.count("frequence", "semaine")).isZero();
    }

    @Test
    void withoutChangesAllowedASecondAttemptIsRefused() {
        Dialogue d = dialogue(library(false));
        answerAll(d, "c3");
        assertThat(say(d, "c3", "envoyer").text()).isEqualTo("Merci, votre réponse est enregistrée.");

        say(d, "c3", "je veux participer à une consultation");
        assertThat(say(d, "c3", "bibliotheque").text()).isEqualTo("Vous avez déjà répondu à la consultation « Horaires de la bibliothèque » "
                + "le 24 novembre 2026 : une seule réponse par personne, et cette consultation ne permet pas de la modifier.");
    }

    @Test
    void twoConversationsAreTwoPeopleAndThePseudonymHoldsNoConversationId() {
        Dialogue d = dialogue(library(false));
        answerAll(d, "conversation-alice");
        say(d, "conversation-alice", "envoyer");
        answerAll(d, "conversation-bob");
        say(d, "conversation-bob", "envoyer");

        List<Submission> all = store.submissions("bibliotheque");
        assertThat(all).hasSize(2);
        for (Submission s : all) {
            assertThat(s.pseudonym()).doesNotContain("alice").doesNotContain("bob").doesNotContain("web:")
                    .matches("[A-Za-z0-9_-]{43}");
        }
        assertThat(pseudonyms.of("bibliotheque", "web:conversation-alice"))
                .as("another consultation gets another pseudonym").isNotEqualTo(pseudonyms.of("autre", "web:conversation-alice"));
    }

    @Test
    void aClosedConsultationIsNotOfferedAndOneThatClosesDuringTheAnswerIsNotStored() {
        Dialogue d = dialogue(library(true));
        answerAll(d, "c4");
        now.set(Instant.parse("2027-01-31T23:00:00Z")); // midnight in Paris: closed
        assertThat(say(d, "c4", "envoyer").text())
                .isEqualTo("La consultation « Horaires de la bibliothèque » est close : votre réponse n'a pas pu être enregistrée.");
        assertThat(store.submissions("bibliotheque")).isEmpty();
        assertThat(say(d, "c4", "je veux participer à une consultation").text()).isEqualTo("Aucune consultation n'est ouverte en ce moment.");
    }

    @Test
    void aStoreFailureIsNotThankedAndKeepsTheAnswersForAnotherTry() {
        Dialogue d = dialogue(library(true));
        answerAll(d, "c7");
        storeDown.set(true);
        assertThat(say(d, "c7", "envoyer").text()).startsWith("Désolé, une erreur m'empêche d'enregistrer cela pour le moment : rien n'est perdu");
        assertThat(store.submissions("bibliotheque")).isEmpty();

        storeDown.set(false);
        assertThat(say(d, "c7", "envoyer").text()).startsWith("Merci, votre réponse est enregistrée.");
        assertThat(store.results("bibliotheque").count("frequence", "semaine")).isEqualTo(1);
    }

    @Test
    void withoutAPseudonymSecretAnswersAreRefusedUpFront() {
        Dialogue d = dialogue(ConsultationPseudonyms.disabled(), library(true));
        assertThat(say(d, "c5", "je veux participer à une consultation").text()).startsWith(
                "Les réponses aux consultations ne peuvent pas être enregistrées sur ce serveur pour le moment");
    }

    @Test
    void speaksEnglishToAnEnglishConversation() {
        Dialogue d = dialogue(library(true));
        Reply.Text list = last(d.handle(new IncomingMessage("web", "c6", "consultation please", Language.EN, null)));
        assertThat(list.text()).isEqualTo("One consultation is open:\n1. Library opening hours (until 31 January 2027)\nWould you like to answer it?");
        Reply.Text q = last(d.handle(new IncomingMessage("web", "c6", "Library opening hours", Language.EN, null)));
        assertThat(q.text()).isEqualTo("Question 1/4: Do you come often?");
        assertThat(titles(q)).containsExactly("Every week", "Never");
    }
}
