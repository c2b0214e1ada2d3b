package fr.civicgateway.core.dialogue;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.flow.ActiveFlow;
import fr.civicgateway.core.flow.Flow;
import fr.civicgateway.core.flow.FlowStep;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentCorpus;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.NaturalLanguageUnderstanding;
import fr.civicgateway.core.nlu.Understanding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The multi-turn loop: a flow starts on its intent, gets every later message, and "annuler" leaves it. */
class DialogueFlowTest {

    /** Classifies "je veux signaler …" as report_problem, anything else as out_of_scope. */
    private static final NaturalLanguageUnderstanding NLU = (text, hint) -> new Understanding(text, Language.FR,
            List.of(new IntentScore(text.startsWith("je veux signaler") ? Intent.REPORT_PROBLEM : Intent.OUT_OF_SCOPE, 0.9)),
            List.of());

    private final AtomicBoolean storeDown = new AtomicBoolean();

    /** Asks "what", then "where", then says what it would send. Fails while {@link #storeDown} is set. */
    private final Flow twoQuestions = new Flow() {
        public String id() {
            return "test-report";
        }

        public Intent intent() {
            return Intent.REPORT_PROBLEM;
        }

        public FlowStep start(Turn t) {
            return new FlowStep.Ask(ActiveFlow.start(id(), "what"), List.of(new Reply.Text("Quel problème ?")));
        }

        public FlowStep next(Turn t, ActiveFlow f) {
            String answer = t.message().text();
            if (f.step().equals("what")) {
                return new FlowStep.Ask(f.with("what", answer).at("where"), List.of(new Reply.Text("Où ?")));
            }
            if (storeDown.get()) {
                throw new IllegalStateException("store down");
            }
            return new FlowStep.Done(List.of(new Reply.Text("Envoyé : " + f.slot("what") + " à " + answer)));
        }
    };

    private final Dialogue dialogue = Dialogue.builder(NLU,
            new InMemoryConversationStore(100, Duration.ofHours(1), Ticker.systemTicker()))
            .handlers(handlersFor(Intent.REPORT_PROBLEM)).flows(List.of(twoQuestions))
            .clock(Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC)).build();

    /** One echo handler for every intent but those the flows answer. */
    private static List<IntentHandler> handlersFor(Intent... byFlows) {
        List<IntentHandler> out = new ArrayList<>();
        for (Intent i : fr.civicgateway.core.nlu.IntentCorpus.shippedIntents()) {
            if (!Arrays.asList(byFlows).contains(i)) {
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

    private String say(String text) {
        List<Reply> replies = dialogue.handle(new IncomingMessage("test", "c1", text, null, null));
        return ((Reply.Text) replies.getFirst()).text();
    }

    @Test
    void aFlowAsksItsQuestionsInTurnThenFinishes() {
        assertThat(say("je veux signaler un problème")).isEqualTo("Quel problème ?");
        assertThat(say("un nid de poule")).isEqualTo("Où ?");
        assertThat(say("rue de Rivoli")).isEqualTo("Envoyé : un nid de poule à rue de Rivoli");
        assertThat(say("bonjour")).as("the flow is over").isEqualTo("intent out_of_scope");
    }

    @Test
    void everyAnswerGoesToTheFlowWhateverTheClassifierThinks() {
        say("je veux signaler un problème");
        assertThat(say("quel temps fait-il")).as("an answer, not a new question").isEqualTo("Où ?");
    }

    @Test
    void annulerLeavesTheFlowWithoutSendingAnything() {
        say("je veux signaler un problème");
        say("un lampadaire cassé");

        assertThat(say("Annuler")).startsWith("C'est annulé : rien n'a été envoyé.");
        assertThat(say("rue de Rivoli")).isEqualTo("intent out_of_scope");
    }

    @Test
    void aFailureKeepsTheFlowWhereItWasSoNothingIsLost() {
        say("je veux signaler un problème");
        say("un nid de poule");
        storeDown.set(true);

        assertThat(say("rue de Rivoli")).startsWith("Désolé, une erreur m'empêche d'enregistrer cela");

        storeDown.set(false);
        assertThat(say("rue de Rivoli")).isEqualTo("Envoyé : un nid de poule à rue de Rivoli");
    }

    @Test
    void refusesAConfigurationWithoutAnOutOfScopeHandler() {
        List<IntentHandler> withoutOutOfScope = handlersFor(Intent.REPORT_PROBLEM, Intent.OUT_OF_SCOPE);
        assertThatThrownBy(() -> Dialogue.builder(NLU, new InMemoryConversationStore(1, Duration.ofHours(1), Ticker.systemTicker()))
                .handlers(withoutOutOfScope).flows(List.of(twoQuestions)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no handler for intent out_of_scope");
    }

    @Test
    void anOpenQuestionForAnIntentNoHandlerAnswersIsForgotten() {
        Intent gone = Intent.named("sign_petition");
        ConversationState saved = ConversationState.start(null, Instant.EPOCH).withPendingIntent(gone)
                .withPendingChoice(new PendingChoice(gone, List.of(), List.of(new PendingChoice.Option("Annecy", "Annecy",
                        new fr.civicgateway.core.nlu.EntityMention(fr.civicgateway.core.nlu.EntityType.COMMUNE, "74010",
                                "Annecy", 0, 6)))));
        ConversationState waitingForVotes = saved.withPendingIntent(Intent.REPRESENTATIVE_VOTES);

        ConversationState read = dialogue.withoutUnansweredQuestions(saved);
        assertThat(read.pendingIntent()).isNull();
        assertThat(read.pendingChoice()).isNull();
        assertThat(dialogue.withoutUnansweredQuestions(waitingForVotes).pendingIntent())
                .isEqualTo(Intent.REPRESENTATIVE_VOTES);
    }

    @Test
    void answersEveryIntentOfItsHandlersAndFlowsAndNoOther() {
        assertThat(dialogue.intents()).containsAll(IntentCorpus.shippedIntents()).doesNotContain(Intent.named("sign_petition"));
    }

    @Test
    void refusesTwoAnswerersForOneIntentNamingThem() {
        assertThatThrownBy(() -> Dialogue.builder(NLU, new InMemoryConversationStore(1, Duration.ofHours(1), Ticker.systemTicker()))
                .handlers(handlersFor()).flows(List.of(twoQuestions)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two handlers for intent report_problem").hasMessageContaining("flow test-report");
    }

    @Test
    void runsEachTurnInsideItsScope() {
        List<String> seen = new ArrayList<>();
        TurnScope scope = turn -> {
            seen.add("begin");
            List<Reply> replies = turn.get();
            seen.add("end " + replies.size());
            return replies;
        };
        Dialogue scoped = Dialogue.builder(NLU, new InMemoryConversationStore(100, Duration.ofHours(1), Ticker.systemTicker()))
                .handlers(handlersFor()).scope(scope).build();

        scoped.handle(new IncomingMessage("test", "c9", "bonjour", null, null));

        assertThat(seen).containsExactly("begin", "end 1");
    }
}
