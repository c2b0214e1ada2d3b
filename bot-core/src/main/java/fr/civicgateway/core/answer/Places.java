package fr.civicgateway.core.answer;

import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.Constituency;
import fr.civicgateway.core.text.Text;
import java.util.Set;

/**
 * Names constituencies the way a French reader says them: "10e circonscription du Val-de-Marne",
 * "4e circonscription de la Gironde", "1re circonscription de l'Ain", "2e circonscription des Bouches-du-Rhône";
 * in English "10th constituency of Val-de-Marne".
 */
public final class Places {

    // Département names that take "du" (masculine, consonant). Folded to words for comparison.
    private static final Set<String> MASCULINE = Set.of(
            "bas rhin", "haut rhin", "calvados", "cantal", "cher", "doubs", "finistere", "gard", "gers", "jura",
            "loir et cher", "loiret", "lot", "lot et garonne", "maine et loire", "morbihan", "nord", "pas de calais",
            "puy de dome", "rhone", "tarn", "tarn et garonne", "territoire de belfort", "val de marne", "val d oise",
            "var", "vaucluse");
    // Names used without an article ("de Paris", "de Mayotte").
    private static final Set<String> NO_ARTICLE = Set.of("paris", "mayotte", "saint pierre et miquelon",
            "wallis et futuna", "saint barthelemy et saint martin", "saint martin saint barthelemy");

    private Places() {
    }

    /** "de la Gironde", "du Val-de-Marne", "des Yvelines", "de l'Ain", "de Paris". */
    public static String ofDepartement(String name) {
        String folded = Text.foldToWords(name);
        if (NO_ARTICLE.contains(folded) || name.startsWith("La ") || name.startsWith("Le ")) {
            return "de " + name;
        }
        if (MASCULINE.contains(folded)) {
            return "du " + name;
        }
        if (folded.startsWith("francais")) {
            return "des " + name;
        }
        // plural names take "des"; Seine-Saint-Denis ends in "s" but is one département: "de la Seine-Saint-Denis"
        if (folded.endsWith("s") && !folded.equals("paris") && !folded.endsWith("saint denis") || folded.startsWith("bouches") || folded.startsWith("hauts ")
                || folded.startsWith("hautes ") || folded.startsWith("deux ") || folded.startsWith("alpes ")
                || folded.startsWith("pyrenees ") || folded.startsWith("cotes ")) {
            return "des " + name;
        }
        // "de l'Hérault" but "de la Haute-Savoie": only Hérault has a mute h among the départements.
        if (!folded.isEmpty() && ("aeiouy".indexOf(folded.charAt(0)) >= 0 || folded.equals("herault"))) {
            return "de l'" + name;
        }
        return "de la " + name;
    }

    /** "4e circonscription de la Gironde" / "4th constituency of Gironde". */
    public static String constituency(Language lang, Constituency c) {
        String dep = c.departementName() == null || c.departementName().isBlank() ? c.departementCode() : c.departementName();
        return lang == Language.EN
                ? Formats.ordinal(lang, c.number()) + " constituency of " + dep
                : Formats.ordinal(lang, c.number()) + " circonscription " + ofDepartement(dep);
    }
}
