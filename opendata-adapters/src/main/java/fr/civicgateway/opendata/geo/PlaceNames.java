package fr.civicgateway.opendata.geo;

import fr.civicgateway.core.text.Text;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** How place names are keyed for look-up and written for display. */
final class PlaceNames {
    /** Words French names keep in lower case inside a name ("Saint-Martin-de-la-Mer"). */
    private static final Set<String> PARTICLES = Set.of("de", "du", "des", "la", "le", "les", "en", "sur", "sous",
            "aux", "au", "et", "lès", "lez", "l", "d");
    /** Words a speaker puts before a place name and the directory does not ("la Gironde", "en Corrèze"). */
    private static final Set<String> LEADING_WORDS = Set.of("la", "le", "les", "l", "de", "du", "des", "d", "en");

    private PlaceNames() {
    }

    /**
     * The look-up key of a name: {@link Text#foldToWords} (case, accents, hyphens, apostrophes), then La Poste's
     * abbreviations spelled out, so that "ST ETIENNE", "St-Étienne" and "saint etienne" share one key.
     */
    static String key(String name) {
        String words = Text.foldToWords(name);
        if (words.isEmpty()) {
            return words;
        }
        StringBuilder key = new StringBuilder(words.length() + 8);
        for (String word : words.split(" ")) {
            if (!key.isEmpty()) {
                key.append(' ');
            }
            key.append(switch (word) {
                case "st" -> "saint";
                case "ste" -> "sainte";
                case "sts" -> "saints";
                case "stes" -> "saintes";
                default -> word;
            });
        }
        return key.toString();
    }

    /** {@link #key}, without the articles and prepositions a sentence puts before a place ("de la Réunion"). */
    static String keyWithoutLeadingArticles(String name) {
        String key = key(name);
        while (true) {
            int space = key.indexOf(' ');
            if (space < 0 || !LEADING_WORDS.contains(key.substring(0, space))) {
                return key;
            }
            key = key.substring(space + 1);
        }
    }

    /**
     * A readable form of a La Poste name, which is upper case without accents, hyphens or apostrophes
     * ("ST GERMAIN L HERM" becomes "Saint-Germain-l'Herm"). Accents cannot be restored; it is used only for the
     * few communes that no other source names.
     */
    static String readableLaPosteName(String laPosteName) {
        String[] words = laPosteName.trim().toLowerCase(Locale.ROOT).split("\\s+");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = switch (words[i]) {
                case "st" -> "saint";
                case "ste" -> "sainte";
                default -> words[i];
            };
            boolean elided = (word.equals("l") || word.equals("d")) && i + 1 < words.length;
            boolean leadingArticle = i == 0 && (word.equals("le") || word.equals("la") || word.equals("les"));
            String written = i == 0 || !PARTICLES.contains(word) ? capitalise(word) : word;
            out.append(elided ? written + "'" : written);
            if (i + 1 < words.length && !elided) {
                // An initial article is followed by a space ("Le Havre"); the other words are hyphenated.
                out.append(leadingArticle ? ' ' : '-');
            }
        }
        return out.toString();
    }

    /** "Paris 11e arrondissement", "Lyon 1er arrondissement". */
    static String arrondissementName(String city, int number) {
        return city + " " + ordinal(number) + " arrondissement";
    }

    /** The spellings people use for an arrondissement: "paris 11", "paris 11e", "paris 11eme arrondissement". */
    static Set<String> arrondissementAliases(String city, int number) {
        Set<String> aliases = new LinkedHashSet<>();
        for (String suffix : number == 1 ? new String[] {"1", "1er", "1ere", "1e"}
                : new String[] {number + "", number + "e", number + "eme", number + "em"}) {
            aliases.add(city + " " + suffix);
            aliases.add(city + " " + suffix + " arrondissement");
        }
        return aliases;
    }

    private static String ordinal(int number) {
        return number == 1 ? "1er" : number + "e";
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
