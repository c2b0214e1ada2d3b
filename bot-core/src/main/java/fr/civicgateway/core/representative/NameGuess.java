package fr.civicgateway.core.representative;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what looks like a person's name ("Emmanuel Macron", "Jordan Bardella") in a message where the gazetteer
 * found no deputy, so that the bot can say plainly that no deputy has that name instead of answering beside the
 * question. Only used to word a "not found" answer, never to look anything up.
 */
final class NameGuess {

    /** A capitalised word, hyphenated parts included: "Jean-Luc", "Saint-Just", "Dupont-Aignan". */
    private static final String WORD = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{L}[\\p{Ll}'’]+)*";
    private static final Pattern CAPITALISED_RUN = Pattern.compile(
            WORD + "(?:\\s+(?:(?:de|du|des|d'|le|la|van|von)\\s*)?" + WORD + ")+");
    // Capitalised words that start questions or name institutions, not people.
    private static final Set<String> NOT_NAMES = Set.of("comment", "qui", "quel", "quelle", "quels", "quelles", "est",
            "est-ce", "et", "le", "la", "les", "mon", "ma", "how", "who", "what", "which", "did", "does", "is", "and",
            "my", "the", "assemblée", "assemblee", "nationale", "national", "assembly", "parlement", "sénat", "senat",
            "france", "paris", "bonjour", "hello", "salut", "député", "depute", "députée", "deputee", "madame",
            "monsieur", "mme", "m.", "mr", "mrs", "ms", "a", "à", "au", "sur", "on", "vote", "voté");

    // "Qui est Marie Dupontel ?": the words right after a who-is cue, before any lowercase word.
    private static final Pattern ASKED_ABOUT = Pattern.compile(
            "^\\s*(?iu:qui\\s+est|c['’]est\\s+qui|who\\s+is)\\s+(" + WORD + "(?:\\s+(?:(?:de|du|des|d'|le|la|van|von)\\s*)?"
                    + WORD + ")+)");

    private NameGuess() {
    }

    /** The first run of capitalised words that reads like a person's name, if any. */
    static Optional<String> find(String text) {
        Matcher m = CAPITALISED_RUN.matcher(text);
        while (m.find()) {
            String[] words = m.group().split("\\s+");
            int from = 0;
            while (from < words.length && NOT_NAMES.contains(words[from].toLowerCase(java.util.Locale.ROOT))) {
                from++;
            }
            if (words.length - from >= 2) {
                return Optional.of(String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length)));
            }
        }
        return Optional.empty();
    }

    /**
     * The name asked about right after "qui est", "c'est qui" or "who is" when it reads like a person's name (a first
     * name and a capitalised surname): "Qui est Marie Dupontel ?" gives "Marie Dupontel", "Qui est le député de
     * Marie ?" nothing.
     */
    static Optional<String> askedAbout(String text) {
        Matcher m = ASKED_ABOUT.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1));
    }
}
