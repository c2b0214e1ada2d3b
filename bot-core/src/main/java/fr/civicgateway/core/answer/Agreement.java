package fr.civicgateway.core.answer;

import fr.civicgateway.core.parliament.Deputy;

/**
 * A deputy's gender, as the catalogue's sentences agree with it: "député"/"députée", "abstenu"/"abstenue",
 * "il"/"elle", "he"/"she"/"they" are written in the sentences themselves ({@code docs/messages.md}).
 */
public final class Agreement {

    private Agreement() {
    }

    /**
     * The deputy's gender as the catalogue's sentences select on it ({@code {gender, select, female {elle} other
     * {il}}}): "female", "male", or "other" when the data gives no civility (an unresolved former deputy).
     */
    public static String gender(Deputy d) {
        return d.feminine() ? "female" : d.civility().isEmpty() ? "other" : "male";
    }
}
