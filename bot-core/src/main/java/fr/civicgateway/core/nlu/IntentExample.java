package fr.civicgateway.core.nlu;

import java.util.Objects;

/**
 * One training sentence of the intent corpus, entity mentions written as placeholders
 * ({@code Comment a voté {deputy} sur le budget ?}).
 */
public record IntentExample(Intent intent, Language language, String text) {

    public IntentExample {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(language, "language");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("example text must not be blank for intent " + intent.apiName());
        }
    }
}
