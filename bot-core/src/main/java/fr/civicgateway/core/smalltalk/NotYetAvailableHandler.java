package fr.civicgateway.core.smalltalk;

import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Answers honestly, for an intent the gateway understands but does not serve yet, that it cannot answer that kind
 * of question yet — naming it — then what it can do, instead of pretending or answering beside the question (a
 * question about a deputy's speeches answered with their votes).
 *
 * <p>The no-argument instance, which the app discovers as every handler, answers every intent of the API's catalogue
 * that no handler serves yet ({@link #PLANNED}): it owns those names and their training corpora. When a real handler
 * comes for one, remove the name from {@link #PLANNED} (the dialogue refuses two handlers for one intent). Stateless
 * and thread-safe.
 */
public final class NotYetAvailableHandler implements IntentHandler {

    /**
     * The intents of the API's catalogue (API.md §2) that later work will answer from real data: none left
     * (local_news, follow and unfollow are answered). The class stays for a trimmed configuration, one instance
     * per intent whose real handler is not registered.
     */
    public static final Set<Intent> PLANNED = Set.of();

    private final Set<Intent> intents;

    /** The honest "not yet" for every {@link #PLANNED} intent. */
    public NotYetAvailableHandler() {
        this.intents = PLANNED;
    }

    /** The honest "not yet" for one intent (of {@link #PLANNED}, or one whose real handler is not registered). */
    public NotYetAvailableHandler(Intent intent) {
        this.intents = Set.of(intent);
    }

    /** One handler for each of the {@link #PLANNED} intents. */
    public static List<IntentHandler> planned() {
        List<IntentHandler> out = new ArrayList<>();
        for (Intent i : PLANNED) {
            out.add(new NotYetAvailableHandler(i));
        }
        return List.copyOf(out);
    }

    /** The first of its intents; the dialogue registers it for all of {@link #intents()}. */
    @Override
    public Intent intent() {
        if (intents.isEmpty()) {
            // The discovered no-argument instance once every planned intent is answered: it registers for nothing.
            throw new IllegalStateException("no planned intent is left for NotYetAvailableHandler to answer");
        }
        return intents.iterator().next();
    }

    @Override
    public Set<Intent> intents() {
        return intents;
    }

    /** Every planned intent says the same sentence, naming its own kind of question. */
    @Override
    public String messageBundle() {
        return "not_yet_available";
    }

    @Override
    public Answer handle(Turn t) {
        String list = Capabilities.list(t);
        return Answer.text(t.state(), t.msg("not_yet_available.answer", "intent",
                        (intents.contains(t.intent()) ? t.intent() : intent()).apiName(),
                        "capabilities", Character.toLowerCase(list.charAt(0)) + list.substring(1)),
                Capabilities.examples(t));
    }
}
