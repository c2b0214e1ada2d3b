package fr.civicgateway.core.smalltalk;

import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Answers honestly, for an intent the gateway understands but does not serve yet, that it cannot answer that kind
 * of question yet — naming it — then what it can do, instead of pretending or answering beside the question (a
 * question about a deputy's speeches answered with their votes).
 *
 * <p>{@link #planned()} gives one for every intent of the API's catalogue that no handler serves yet
 * ({@link #PLANNED}); the app and the benchmarks register them all. Stateless and thread-safe.
 */
public final class NotYetAvailableHandler implements IntentHandler {

    /** The intents of the API's catalogue (API.md §2) that later work will answer from real data. */
    public static final Set<Intent> PLANNED = EnumSet.of(Intent.BILL_STATUS, Intent.LEGISLATIVE_WORK, Intent.AGENDA,
            Intent.REPRESENTATIVE_BILLS, Intent.REPRESENTATIVE_SPEECHES, Intent.REPRESENTATIVE_QUESTIONS,
            Intent.REPRESENTATIVE_PRESENCE, Intent.REPRESENTATIVE_INTERESTS, Intent.CONTACT_REPRESENTATIVE,
            Intent.ASSEMBLY_INFO, Intent.LOCAL_NEWS, Intent.FOLLOW, Intent.UNFOLLOW);

    private final Intent intent;

    public NotYetAvailableHandler(Intent intent) {
        this.intent = intent;
    }

    /** One handler for each of the {@link #PLANNED} intents. */
    public static List<IntentHandler> planned() {
        List<IntentHandler> out = new ArrayList<>();
        for (Intent i : PLANNED) {
            out.add(new NotYetAvailableHandler(i));
        }
        return List.copyOf(out);
    }

    @Override
    public Intent intent() {
        return intent;
    }

    /** Every planned intent says the same sentence, naming its own kind of question. */
    @Override
    public String messageBundle() {
        return "not_yet_available";
    }

    @Override
    public Answer handle(Turn t) {
        String list = Capabilities.list(t);
        return Answer.text(t.state(), t.msg("not_yet_available.answer", "intent", intent.apiName(),
                        "capabilities", Character.toLowerCase(list.charAt(0)) + list.substring(1)),
                Capabilities.examples(t));
    }
}
