package fr.civicgateway.core.dialogue;

import fr.civicgateway.core.conversation.Reply;
import java.util.List;
import java.util.function.Supplier;

/**
 * Wraps each turn of the {@link Dialogue}, from reading the conversation to the last reply, so that what the turn
 * reads can be held steady for its length. The app's refreshable open data uses it to pin one version of the data
 * for the whole answer: a refresh that swaps the data mid-turn cannot give a vote from the new data a date from the
 * old one.
 *
 * <p>Threading: called on the thread that handles the message; an implementation runs the turn on that same thread,
 * once, and returns its replies. Errors: whatever the turn throws passes through unchanged.
 *
 * <pre>{@code
 * TurnScope timed = turn -> {
 *     long start = System.nanoTime();
 *     try { return turn.get(); } finally { record(System.nanoTime() - start); }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface TurnScope {

    /** Runs the turn as it is. */
    TurnScope NONE = Supplier::get;

    List<Reply> run(Supplier<List<Reply>> turn);
}
