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
 */
public record EntityMention(EntityType type, String value, String text, int start, int end,
                            List<String> alternatives) {

    public EntityMention {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        alternatives = List.copyOf(alternatives);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ") for " + text);
        }
    }

    public EntityMention(EntityType type, String value, String text, int start, int end) {
        this(type, value, text, start, end, List.of());
    }

    public boolean ambiguous() {
        return alternatives.size() > 1;
    }
}
