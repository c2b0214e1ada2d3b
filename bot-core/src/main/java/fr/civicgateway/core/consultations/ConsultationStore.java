package fr.civicgateway.core.consultations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where consultation answers are kept: one submission per (consultation id, pseudonym), enforced by the store
 * itself (a unique key), so two concurrent submissions of the same person never both count.
 *
 * <p>The store never sees a messenger id or a conversation id, only the keyed pseudonym the flow derived.
 * Implementations are thread-safe. Every method throws {@link ConsultationStoreException} when the storage is
 * unavailable; {@link #save} returns only once the submission is durably committed, so the citizen is thanked only
 * for what is really stored.
 *
 * <pre>{@code
 * switch (store.save(ballot, pseudonym, now, consultation.allowChanges())) {
 *     case CREATED, REPLACED -> thank();
 *     case ALREADY_ANSWERED -> sayAlreadyAnswered();
 * }
 * }</pre>
 */
public interface ConsultationStore {

    /** What {@link #save} did. */
    enum SaveOutcome {
        /** A first submission of this person, committed. */
        CREATED,
        /** This person's earlier submission was replaced by this one, committed. */
        REPLACED,
        /** This person had already answered and {@code replace} was false: nothing changed. */
        ALREADY_ANSWERED
    }

    /**
     * Stores a ballot atomically (the submission and all its answers, or nothing).
     *
     * @param replace whether an existing submission of the same person may be replaced (the consultation allows
     *                changes); its first submission time is kept
     */
    SaveOutcome save(Ballot ballot, String pseudonym, Instant at, boolean replace);

    Optional<Submission> find(String consultationId, String pseudonym);

    /** Counts per question and option; no individual answer. */
    Results results(String consultationId);

    /** Every submission of a consultation with its answers, oldest first, for the organiser's export. */
    List<Submission> submissions(String consultationId);

    /**
     * Hides (or shows again) one free-text answer of a consultation.
     *
     * @return false when the consultation has no free-text answer with that id
     */
    boolean setHidden(String consultationId, long answerId, boolean hidden);
}
