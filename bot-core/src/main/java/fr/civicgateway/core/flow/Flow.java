package fr.civicgateway.core.flow;

import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import java.util.List;
import java.util.Optional;

/**
 * A multi-turn conversation that collects answers one by one and then acts: a problem report, a consultation.
 * One small loop, as Rasa's {@code LoopAction}: {@link #start} asks the first missing slot; each later message goes
 * to {@link #next}, which validates the answer, asks the next missing slot or finishes.
 *
 * <p>The dialogue keeps the {@link ActiveFlow} in the conversation state between messages, sends every message to
 * the active flow, and handles "annuler" / "cancel" itself (the flow never sees it). A flow is stateless and
 * thread-safe: everything it needs to remember goes into the {@link ActiveFlow}'s slots. A bad answer is never an
 * exception: the flow asks again, saying what it expects. An exception (a store that is down) is logged once by the
 * dialogue; the user gets an apology and the flow stays where it was, so nothing typed so far is lost.
 *
 * <pre>{@code
 * final class NameFlow implements Flow {
 *     public String id() { return "name"; }
 *     public Intent intent() { return Intent.GREET; }
 *     public FlowStep start(Turn t) {
 *         return new FlowStep.Ask(ActiveFlow.start(id(), "name"), List.of(new Reply.Text("Votre nom ?")));
 *     }
 *     public FlowStep next(Turn t, ActiveFlow f) {
 *         return new FlowStep.Done(List.of(new Reply.Text("Merci " + t.message().text())));
 *     }
 * }
 * }</pre>
 */
public interface Flow {

    /** A stable id, stored with the conversation: never rename it once flows are in progress. */
    String id();

    /** The intent that starts this flow. */
    Intent intent();

    /** Starts the flow on the message that asked for it (which may already fill some slots). */
    FlowStep start(Turn turn);

    /** Continues the flow with the user's next message. */
    FlowStep next(Turn turn, ActiveFlow flow);

    /**
     * The bundle of this flow's sentences in the message catalogue ({@code messages/<bundle>.fr.properties} and
     * {@code .en.properties}, every key {@code <bundle>.<name>}). Default: the flow's id.
     */
    default String messageBundle() {
        return id();
    }

    /**
     * The message that follows this flow's end, when the flow ended with {@link FlowStep.Done#after()} (its
     * {@link ActiveFlow#ended() ended} state): the same answer again if the message repeats the one that ended the
     * flow — a double-clicked « oui » that arrives once the report is stored — or empty, and the message is answered
     * as any other. The default: empty.
     */
    default Optional<List<Reply>> again(Turn turn, ActiveFlow ended) {
        return Optional.empty();
    }
}
