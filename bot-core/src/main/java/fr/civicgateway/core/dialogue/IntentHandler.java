package fr.civicgateway.core.dialogue;

import fr.civicgateway.core.nlu.Intent;
import java.util.Set;

/**
 * Answers the messages of one intent. The dialogue picks the handler by {@link #intent()}; exactly one handler per
 * intent may be registered (the dialogue fails at start-up otherwise, naming the intent).
 *
 * <p>A handler owns its intent: the intent's name ({@code Intent.named("...")}) and its training examples, the
 * classpath resources {@code nlu/intents/<name>.fr.tsv} and {@code nlu/intents/<name>.en.tsv} beside it. The app
 * discovers every implementation under {@code fr.civicgateway} (a Spring component scan: nothing to list anywhere)
 * and trains the classifier on the corpora of the intents registered; see docs/contributing-intents.md.
 *
 * <p>Handlers compute their answer from the ports they were given (parliament data, places) and the turn; they
 * do not call each other and do not store anything themselves: the state they return is saved by the dialogue.
 * They must be thread-safe. An exception thrown by a handler is logged once by the dialogue and the user gets an
 * apology, so a handler never needs to catch-and-log.
 *
 * <pre>{@code
 * final class GreetHandler implements IntentHandler {
 *     public Intent intent() { return Intent.GREET; }
 *     public Answer handle(Turn t) { return Answer.text(t.state(), t.msg("greet.hello")); }
 * }
 * }</pre>
 */
public interface IntentHandler {

    Intent intent();

    /**
     * Every intent this handler answers: its {@link #intent()} alone, unless it answers several the same way (the
     * honest "not yet" of the catalogue's planned intents).
     */
    default Set<Intent> intents() {
        return Set.of(intent());
    }

    Answer handle(Turn turn);

    /**
     * Whether this handler answers {@code text} whatever the classifier says: a quick reply's payload it wrote itself
     * and can read back (a "Voir plus" that carries a position is mostly figures, which no classifier reads well), or
     * the bare answer to a question it asked ({@code state.pendingIntent()} is its intent). Keep it narrow: a claim
     * overrides understanding. Called for every message outside a flow, so it must be cheap. Default: no claim.
     */
    default boolean claims(String text, ConversationState state) {
        return false;
    }

    /**
     * The bundle of this handler's sentences in the message catalogue: {@code messages/<bundle>.fr.properties} and
     * {@code .en.properties} in bot-core's resources, every key {@code <bundle>.<name>}. Default: the intent's name.
     */
    default String messageBundle() {
        return intent().apiName();
    }
}
