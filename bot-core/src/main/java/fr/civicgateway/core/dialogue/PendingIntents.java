package fr.civicgateway.core.dialogue;

import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Understanding;
import java.util.Optional;
import java.util.Set;

/**
 * What becomes of the question a handler left open ({@link ConversationState#pendingIntent()}: "which deputy? where
 * do you live?") once a turn is answered. Two rules, applied by the dialogue after the turn's handler answered:
 *
 * <ol>
 *   <li>{@link #answerNow}: "Est-ce que mon député participe aux votes ?" → "J'habite à Annecy": the place answered
 *       "where do you live?" and gave a deputy, so the question about that deputy that was waiting is answered in
 *       the same turn.</li>
 *   <li>{@link #forgetUnanswered}: a turn about something else, whose handler left the open question as it found it,
 *       closes it, so that a later bare name or place is not taken as its answer.</li>
 * </ol>
 *
 * <p>Pure functions of the states; thread-safe.
 */
final class PendingIntents {

    /** The questions about one deputy that finding the citizen's deputy can answer. */
    static final Set<Intent> ABOUT_A_DEPUTY = ConversationState.ABOUT_A_DEPUTY;

    private PendingIntents() {
    }

    /**
     * The waiting intent to answer now: when this turn found the citizen's deputy ({@code answered} is
     * {@link Intent#FIND_REPRESENTATIVE} and the deputy changed, or the finding closed every open question) and a
     * question about a deputy was waiting for it.
     *
     * @param before the state before the turn, with the question that was open
     * @param after  the state the turn's handler returned
     */
    static Optional<Intent> answerNow(Intent answered, ConversationState before, ConversationState after) {
        Intent waiting = before.pendingIntent();
        // The deputy found may be the one already talked about: the finding closed the question all the same.
        if (answered == Intent.FIND_REPRESENTATIVE && waiting != null && ABOUT_A_DEPUTY.contains(waiting)
                && after.lastDeputyUid() != null && (!after.lastDeputyUid().equals(before.lastDeputyUid())
                || after.pendingIntent() == null && after.pendingChoice() == null)) {
            return Optional.of(waiting);
        }
        return Optional.empty();
    }

    /**
     * "Comment contacter mon député ? J'habite à Tulle": a question about the citizen's own deputy (or a place's:
     * "Comment contacter le député de Tulle ?") that names a place, and no deputy, is answered as its two-message form ("Comment contacter mon député ?" → "Tulle"): the
     * place is first taken as the answer to "which deputy?", with the question waiting for it.
     */
    static boolean placeGivesTheDeputy(Intent intent, Understanding u) {
        // A guessed place ("Macron", one typing error from a few communes) is no place the message surely names; a
        // place with no word of a deputy nor of living there ("la participation de Arthès", a misspelt Barthès) is
        // left to the deputy's resolver.
        return ABOUT_A_DEPUTY.contains(intent) && u.first(EntityType.DEPUTY).isEmpty()
                && u.entities().stream().anyMatch(e -> Dialogue.PLACES.contains(e.type()) && !e.guessed())
                && IntentNeeds.speaksOfADeputyOrWhereOneLives(u.text());
    }

    /**
     * {@code after} without its open question when the turn answered another intent than the one waiting (and not
     * {@link Intent#FIND_REPRESENTATIVE}, which may still lead to it) and its handler left that question unchanged;
     * {@code after} as it is otherwise.
     */
    static ConversationState forgetUnanswered(Intent answered, ConversationState before, ConversationState after) {
        if (answered != Intent.FIND_REPRESENTATIVE && after.pendingIntent() == before.pendingIntent()
                && after.pendingIntent() != null && answered != before.pendingIntent()) {
            return after.withPendingIntent(null);
        }
        return after;
    }
}
