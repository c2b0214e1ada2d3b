package fr.civicgateway.core.consultations;

import java.time.Instant;
import java.util.List;

/**
 * A stored submission, as the organiser's export and the "already answered" check see it.
 *
 * @param id          the store's id of the submission
 * @param pseudonym   the keyed pseudonym of the citizen for this consultation (never a messenger id)
 * @param submittedAt first submission
 * @param updatedAt   last change (equal to {@code submittedAt} when never changed)
 * @param answers     one row per chosen option, rating or free text
 */
public record Submission(long id, String consultationId, String pseudonym, Instant submittedAt, Instant updatedAt,
                         List<StoredAnswer> answers) {

    public Submission {
        answers = List.copyOf(answers);
    }

    /**
     * One stored answer row. A chosen option or a rating has {@code choice} (the option id, or "1".."5"); a free
     * text has {@code text}. {@code id} is what a moderator names to hide a free text.
     */
    public record StoredAnswer(long id, String questionId, String choice, String text, boolean hidden) {
    }
}
