package fr.civicgateway.core.nlu;

import java.util.Optional;

/** The languages the bot speaks: French first, and English. */
public enum Language {
    FR("fr"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** {@code fr}, {@code fr-FR}, {@code en_GB}... → the language; anything else → empty. */
    public static Optional<Language> fromCode(String code) {
        if (code == null || code.length() < 2) {
            return Optional.empty();
        }
        String prefix = code.substring(0, 2).toLowerCase(java.util.Locale.ROOT);
        for (Language l : values()) {
            if (l.code.equals(prefix)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
