package fr.civicgateway.core.parliament.work;

import java.util.Objects;

/**
 * A question a deputy asked in séance (API.md §5, "Questions").
 *
 * @param kind    question au Gouvernement or question orale sans débat
 * @param sitting the sitting, its date; its subject is the question's title
 * @param title   the sommaire's title of the question's point
 */
public record Question(Kind kind, SittingRef sitting, String title) {

    public enum Kind {
        /** {@code QG_…} points: questions au Gouvernement. */
        GOVERNMENT,
        /** {@code QOSD_…} points: questions orales sans débat. */
        ORAL_WITHOUT_DEBATE
    }

    public Question {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sitting, "sitting");
        Objects.requireNonNull(title, "title");
    }
}
