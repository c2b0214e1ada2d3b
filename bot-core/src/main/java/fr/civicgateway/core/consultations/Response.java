package fr.civicgateway.core.consultations;

import java.util.List;
import java.util.Objects;

/** A citizen's answer to one question, by the question's kind. */
public sealed interface Response {

    /** The options chosen (one for a single choice), by option id, in the question's order. */
    record Choices(List<String> optionIds) implements Response {
        public Choices {
            optionIds = List.copyOf(optionIds);
        }
    }

    /** A value on the 1–5 scale. */
    record Rating(int value) implements Response {
        public Rating {
            if (value < Question.Scale.MIN || value > Question.Scale.MAX) {
                throw new IllegalArgumentException("a rating must be within 1-5, was " + value);
            }
        }
    }

    /** A free text, already checked against the question's limit. */
    record Text(String text) implements Response {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }
}
