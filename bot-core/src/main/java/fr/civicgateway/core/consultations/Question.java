package fr.civicgateway.core.consultations;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One question of a consultation. Its kind decides how the citizen answers it in the chat and how its answers are
 * counted: options as quick replies, a 1–5 scale as five buttons, a free text with a length limit.
 */
public sealed interface Question {

    /** Ids of questions and options: they are stored with every answer, so short and stable. */
    Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** Stable within its consultation; stored with the answers, so never renamed while the consultation runs. */
    String id();

    Localized text();

    /** False: the citizen may skip it. */
    boolean required();

    /** A choice offered by a single- or multiple-choice question. */
    record Option(String id, Localized label) {
        public Option {
            requireId(id, "option id");
            Objects.requireNonNull(label, "label");
        }
    }

    /** Exactly one option. */
    record SingleChoice(String id, Localized text, List<Option> options, boolean required) implements Question {
        public SingleChoice {
            requireId(id, "question id");
            Objects.requireNonNull(text, "text");
            options = checkedOptions(id, options);
        }
    }

    /** One or more options (none when the question is not required). */
    record MultipleChoice(String id, Localized text, List<Option> options, boolean required) implements Question {
        public MultipleChoice {
            requireId(id, "question id");
            Objects.requireNonNull(text, "text");
            options = checkedOptions(id, options);
        }
    }

    /** A rating from 1 to 5; the labels say what the ends mean ("pas du tout d'accord" … "tout à fait d'accord"). */
    record Scale(String id, Localized text, Localized lowLabel, Localized highLabel, boolean required) implements Question {
        public static final int MIN = 1;
        public static final int MAX = 5;

        public Scale {
            requireId(id, "question id");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(lowLabel, "lowLabel");
            Objects.requireNonNull(highLabel, "highLabel");
        }
    }

    /** A text of at most {@code maxLength} characters. */
    record FreeText(String id, Localized text, int maxLength, boolean required) implements Question {
        public FreeText {
            requireId(id, "question id");
            Objects.requireNonNull(text, "text");
            // 2000 characters fit the database's VARCHAR(4000) even when every one is a surrogate pair (an emoji).
            if (maxLength < 1 || maxLength > 2000) {
                throw new IllegalArgumentException("max-length of question " + id + " must be within 1-2000, was " + maxLength);
            }
        }
    }

    /** The options of a choice question, or an empty list for the other kinds. */
    default List<Option> options() {
        return List.of();
    }

    default Optional<Option> option(String optionId) {
        return options().stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    private static void requireId(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 characters of [a-z0-9_-] starting with a letter or digit: " + id);
        }
    }

    private static List<Option> checkedOptions(String questionId, List<Option> options) {
        if (options == null || options.size() < 2) {
            throw new IllegalArgumentException("question " + questionId + " needs at least 2 options");
        }
        Set<String> seen = new HashSet<>();
        for (Option o : options) {
            if (!seen.add(o.id())) {
                throw new IllegalArgumentException("question " + questionId + " has two options with id " + o.id());
            }
        }
        return List.copyOf(options);
    }
}
