package fr.civicgateway.core.dialogue;

import fr.civicgateway.core.flow.ActiveFlow;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What the bot remembers of one conversation between two messages: the language, what was last talked about
 * (so that "et son taux de participation ?" refers to the last deputy), and an open question.
 * Immutable; the dialogue saves a new one after each message. It holds no personal data beyond the choices made
 * in the conversation.
 *
 * @param language         the language of the last answer
 * @param lastDeputyUid    the deputy last talked about, or null
 * @param lastScrutin      the scrutin last talked about, or null
 * @param lastTopic        the vote topic last asked about, or null
 * @param lastIntent       the intent of the last answered message, or null
 * @param pendingChoice    a question the bot asked with options ("which Rousseau?"), or null
 * @param pendingIntent    the intent to answer once the user gives the deputy or the place it needs
 *                         ("mon député participe-t-il aux votes ?" → "J'habite à Annecy"), or null
 * @param activeFlow       a multi-turn flow in progress (a report, a consultation) with its slots, or null
 * @param lastDay          the day the last agenda answer was about ("et le 16 avril ?" is placed near it), or null
 * @param updatedAt        when the state was last saved
 * @param lastDeputyIsOwn  whether {@code lastDeputyUid} is the citizen's own deputy, found from the place they said
 *                         they live in (or gave when asked where they live), so that a lasting request ("préviens-moi
 *                         quand mon député vote") may use it; false for a deputy merely talked about. Nothing more is
 *                         kept than the deputy already is, for as long as the state is.
 * @param lastAspect       what the last answer asked of its deputy beyond its intent, named by that intent's handler
 *                         (a deputy's loyalty, a closeness to {@code lastDeputyUid}), so that a follow-up naming only
 *                         another deputy ("et Marine Le Pen ?") asks them the same; null when nothing more. The
 *                         dialogue hands it to a handler only on such a follow-up
 */
public record ConversationState(Language language, String lastDeputyUid, Integer lastScrutin, String lastTopic,
                                Intent lastIntent, PendingChoice pendingChoice, Intent pendingIntent,
                                ActiveFlow activeFlow, LocalDate lastDay, Instant updatedAt, Boolean lastDeputyIsOwn,
                                String lastAspect) {

    /** A state saved before the field existed reads as not the citizen's own (and without {@code lastAspect}). */
    public ConversationState {
        lastDeputyIsOwn = Boolean.TRUE.equals(lastDeputyIsOwn);
    }

    public ConversationState(Language language, String lastDeputyUid, Integer lastScrutin, String lastTopic,
                             Intent lastIntent, PendingChoice pendingChoice, Intent pendingIntent,
                             ActiveFlow activeFlow, LocalDate lastDay, Instant updatedAt) {
        this(language, lastDeputyUid, lastScrutin, lastTopic, lastIntent, pendingChoice, pendingIntent, activeFlow,
                lastDay, updatedAt, false, null);
    }

    /** The questions about one deputy that finding the citizen's deputy from a place can answer. */
    public static final Set<Intent> ABOUT_A_DEPUTY = Set.of(Intent.REPRESENTATIVE_PROFILE,
            Intent.REPRESENTATIVE_ATTENDANCE, Intent.REPRESENTATIVE_VOTES, Intent.REPRESENTATIVE_SPEECHES,
            Intent.REPRESENTATIVE_QUESTIONS, Intent.REPRESENTATIVE_PRESENCE, Intent.REPRESENTATIVE_BILLS,
            Intent.REPRESENTATIVE_INTERESTS, Intent.CONTACT_REPRESENTATIVE, Intent.FOLLOW);

    /**
     * Whether a question about one deputy waits for the place that gives the citizen's deputy: the answer that
     * finds the deputy then only says who it is, and that question is answered right after.
     */
    public boolean waitsForTheDeputy() {
        return pendingIntent != null && ABOUT_A_DEPUTY.contains(pendingIntent);
    }

    public static ConversationState start(Language language, Instant now) {
        return new ConversationState(language, null, null, null, null, null, null, null, null, now);
    }

    public ConversationState withLanguage(Language l) {
        return new ConversationState(l, lastDeputyUid, lastScrutin, lastTopic, lastIntent, pendingChoice, pendingIntent, activeFlow, lastDay, updatedAt, lastDeputyIsOwn, lastAspect);
    }

    /** The deputy last talked about; still the citizen's own only if it is the same deputy. */
    public ConversationState withDeputy(String uid) {
        return new ConversationState(language, uid, lastScrutin, lastTopic, lastIntent, pendingChoice, pendingIntent,
                activeFlow, lastDay, updatedAt, Boolean.TRUE.equals(lastDeputyIsOwn) && Objects.equals(uid, lastDeputyUid), lastAspect);
    }

    /** The citizen's own deputy, found from where they live, now the deputy last talked about. */
    public ConversationState withOwnDeputy(String uid) {
        return new ConversationState(language, uid, lastScrutin, lastTopic, lastIntent, pendingChoice, pendingIntent,
                activeFlow, lastDay, updatedAt, true, lastAspect);
    }

    public ConversationState withScrutin(Integer number) {
        return new ConversationState(language, lastDeputyUid, number, lastTopic, lastIntent, pendingChoice, pendingIntent, activeFlow, lastDay, updatedAt, lastDeputyIsOwn, lastAspect);
    }

    public ConversationState withTopic(String topic) {
        return new ConversationState(language, lastDeputyUid, lastScrutin, topic, lastIntent, pendingChoice, pendingIntent, activeFlow, lastDay, updatedAt, lastDeputyIsOwn, lastAspect);
    }

    public ConversationState withLastIntent(Intent intent) {
        return new ConversationState(language, lastDeputyUid, lastScrutin, lastTopic, intent, pendingChoice, pendingIntent, activeFlow, lastDay, updatedAt, lastDeputyIsOwn, lastAspect);
    }

    public ConversationState withPendingChoice(PendingChoice choice) {
        return new ConversationState(language, lastDeputyUid, lastScrutin, lastTopic, lastIntent, choice, pendingIntent, activeFlow, lastDay, updatedAt, lastDeputyIsOwn, lastAspect);
    }

    public ConversationState withPendingIntent(Intent intent) {
        return new ConversationState(language, lastDeputyUid, lastScrutin, lastTopic, lastIntent, pendingChoice, intent, activeFlow, lastDay, updatedAt, lastDeputyIsOwn, lastAspect);
    }

    public ConversationState withActiveFlow(ActiveFlow flow) {
        return new ConversationState(language, lastDeputyUid, lastScrutin, lastTopic, lastIntent, pendingChoice, pendingIntent, flow, lastDay, updatedAt, lastDeputyIsOwn, lastAspect);
    }

    public ConversationState withLastDay(LocalDate day) {
        return new ConversationState(language, lastDeputyUid, lastScrutin, lastTopic, lastIntent, pendingChoice, pendingIntent, activeFlow, day, updatedAt, lastDeputyIsOwn, lastAspect);
    }

    public ConversationState withLastAspect(String aspect) {
        return new ConversationState(language, lastDeputyUid, lastScrutin, lastTopic, lastIntent, pendingChoice, pendingIntent, activeFlow, lastDay, updatedAt, lastDeputyIsOwn, aspect);
    }

    public ConversationState withUpdatedAt(Instant t) {
        return new ConversationState(language, lastDeputyUid, lastScrutin, lastTopic, lastIntent, pendingChoice, pendingIntent, activeFlow, lastDay, t, lastDeputyIsOwn, lastAspect);
    }
}
