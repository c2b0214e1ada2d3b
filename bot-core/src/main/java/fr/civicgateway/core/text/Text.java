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
    /**
     * The last folding done on this thread. One turn folds the same message a dozen times (each decision rule, each
     * handler's claim, the bill and place look-ups): the first folds it, the others read it here.
     */
    private static final ThreadLocal<Folded> LAST_FOLDED = new ThreadLocal<>();

    private record Folded(String text, String words) {
    }

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
        Folded last = LAST_FOLDED.get();
        if (last != null && last.text().equals(s)) {
            return last.words();
        }
        String words = NON_ALNUM.matcher(fold(s)).replaceAll(" ").trim();
        LAST_FOLDED.set(new Folded(s, words));
        return words;
    }
}
