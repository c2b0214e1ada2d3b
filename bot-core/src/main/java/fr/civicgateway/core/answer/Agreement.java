package fr.civicgateway.core.answer;

import fr.civicgateway.core.parliament.Deputy;

/** French gender agreement for a deputy: "député"/"députée", "abstenu"/"abstenue", "il"/"elle". */
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

    public static String depute(Deputy d) {
        return d.feminine() ? "députée" : "député";
    }

    /** "e" for a woman, "" otherwise: {@code "abstenu" + e(d)}. */
    public static String e(Deputy d) {
        return d.feminine() ? "e" : "";
    }

    public static String il(Deputy d) {
        return d.feminine() ? "elle" : "il";
    }

    public static String heShe(Deputy d) {
        return d.feminine() ? "she" : d.civility().isEmpty() ? "they" : "he";
    }

    public static String hisHer(Deputy d) {
        return d.feminine() ? "her" : d.civility().isEmpty() ? "their" : "his";
    }
}
