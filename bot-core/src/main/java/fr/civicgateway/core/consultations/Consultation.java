package fr.civicgateway.core.consultations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A consultation the operator defined: what is asked, from when until when, and whether a citizen may change their
 * answer while it is open.
 *
 * @param id           stable id, stored with every answer (e.g. {@code piste-cyclable-avenue-des-alpes})
 * @param opensAt      first instant answers are accepted
 * @param closesAt     first instant answers are no longer accepted (exclusive)
 * @param lastDay      the last day answers are accepted, as told to citizens ("jusqu'au 31 janvier 2027")
 * @param allowChanges whether a citizen who answered may change their answer until it closes
 */
public record Consultation(String id, Localized title, Localized description, Instant opensAt, Instant closesAt,
                           LocalDate lastDay, boolean allowChanges, List<Question> questions) {

    public Consultation {
        if (id == null || !Question.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("consultation id must be 1-64 characters of [a-z0-9_-]: " + id);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(lastDay, "lastDay");
        if (!closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("consultation " + id + " closes (" + closesAt + ") before it opens (" + opensAt + ")");
        }
        if (questions == null || questions.isEmpty()) {
            throw new IllegalArgumentException("consultation " + id + " has no question");
        }
        Set<String> seen = new HashSet<>();
        for (Question q : questions) {
            if (!seen.add(q.id())) {
                throw new IllegalArgumentException("consultation " + id + " has two questions with id " + q.id());
            }
        }
        questions = List.copyOf(questions);
    }

    /** Open at {@code now}: on or after the opening, before the closing. */
    public boolean isOpen(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }
}
