package fr.civicgateway.core.consultations;

import fr.civicgateway.core.nlu.Language;
import java.util.Objects;

/**
 * An operator-written text in French and, optionally, English (French is shown when no English is given).
 *
 * @param fr the French text, never blank
 * @param en the English text, or null
 */
public record Localized(String fr, String en) {

    public Localized {
        Objects.requireNonNull(fr, "fr");
        if (fr.isBlank()) {
            throw new IllegalArgumentException("the French text must not be blank");
        }
        en = en == null || en.isBlank() ? null : en;
    }

    public static Localized of(String fr, String en) {
        return new Localized(fr, en);
    }

    public String in(Language language) {
        return language == Language.EN && en != null ? en : fr;
    }
}
