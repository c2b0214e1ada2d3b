package fr.civicgateway.core.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text folding shared by every look-up that must ignore case and accents ("Hérault" = "herault",
 * "Saint-Étienne" = "saint etienne"). One implementation, so that indexes built by the adapters and queries
 * made by the NLU fold words the same way.
 */
public final class Text {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Text() {
    }

    /** Lower case, accents removed, ligatures expanded; punctuation kept. Never null for a non-null input. */
    public static String fold(String s) {
        if (isAscii(s)) {
            // Nothing to decompose: most messages, and the costly part of folding skipped.
            return s.toLowerCase(Locale.ROOT);
        }
        String lower = s.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** {@link #fold} then every run of non-alphanumerics (hyphens, apostrophes, spaces) becomes one space. */
    public static String foldToWords(String s) {
        return NON_ALNUM.matcher(fold(s)).replaceAll(" ").trim();
    }
}
