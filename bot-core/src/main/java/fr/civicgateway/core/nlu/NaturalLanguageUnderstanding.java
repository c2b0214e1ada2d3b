package fr.civicgateway.core.nlu;

/**
 * Understands one message: language, intent ranking, entities. No side effect, no conversation context.
 *
 * <p>Thread-safe: one instance serves every conversation. Never throws for any text of 1 to 4096 characters.
 *
 * <pre>{@code
 * Understanding u = nlu.parse("Comment a voté Mathilde Panot au scrutin 3876 ?", null);
 * u.intent();                       // REPRESENTATIVE_VOTES
 * u.first(EntityType.DEPUTY);       // PA720892 "Mathilde Panot"
 * }</pre>
 */
public interface NaturalLanguageUnderstanding {

    /**
     * @param text         the user's message
     * @param languageHint the language the client declared, or null to detect it from the text
     */
    Understanding parse(String text, Language languageHint);

    /**
     * The same as {@link #parse}, with the promise that nothing of the text is kept once it returns — for what a
     * citizen writes inside a report or a consultation (a description, a free-text answer), which may be personal.
     */
    default Understanding parseWithoutRemembering(String text, Language languageHint) {
        return parse(text, languageHint);
    }
}
