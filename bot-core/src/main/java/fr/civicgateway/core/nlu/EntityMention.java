package fr.civicgateway.core.nlu;

import java.util.List;
import java.util.Objects;

/**
 * An entity found in a message.
 *
 * @param type         the entity type
 * @param value        the normalised value (see {@link EntityType}); for an ambiguous mention, the first candidate
 * @param text         the text as the user wrote it
 * @param start        offset of the first character in the message
 * @param end          offset after the last character
 * @param alternatives every candidate value when the mention is ambiguous ("Rousseau": several deputies;
 *                     "Saint-Denis": several communes), including {@code value}; empty when unambiguous.
 *                     The dialogue asks back when this is not empty: it never guesses.
 * @param certainty    how the text matched: exactly, or as a misspelling (see {@link Certainty})
 */
public record EntityMention(EntityType type, String value, String text, int start, int end,
                            List<String> alternatives, Certainty certainty) {

    /** How a mention's text matched the name it stands for. */
    public enum Certainty {
        /** The text is the name (accents, case and punctuation aside). */
        EXACT,
        /** One typing error away from one name only, and from no other: answered as that name. */
        CORRECTED,
        /**
         * Close to one or more names without being any of them ("Jean Dupont" beside Stella Dupont): the dialogue
         * asks "did you mean …?" with {@code alternatives} (or {@code value} alone), never answers for them.
         */
        GUESSED
    }

    public EntityMention {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        alternatives = List.copyOf(alternatives);
        certainty = certainty == null ? Certainty.EXACT : certainty;
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ") for " + text);
        }
    }

    public EntityMention(EntityType type, String value, String text, int start, int end) {
        this(type, value, text, start, end, List.of(), Certainty.EXACT);
    }

    public EntityMention(EntityType type, String value, String text, int start, int end, List<String> alternatives) {
        this(type, value, text, start, end, alternatives, Certainty.EXACT);
    }

    /** The names this mention may stand for: its alternatives, or its value alone. */
    public List<String> candidates() {
        return alternatives.isEmpty() ? List.of(value) : alternatives;
    }

    public boolean guessed() {
        return certainty == Certainty.GUESSED;
    }

    public boolean ambiguous() {
        return alternatives.size() > 1;
    }
}
