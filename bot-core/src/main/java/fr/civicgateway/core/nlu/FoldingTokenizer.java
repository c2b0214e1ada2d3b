package fr.civicgateway.core.nlu;

import fr.civicgateway.core.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a message into folded word tokens, the single tokenisation shared by the entity extractor, the
 * classifier and the corpus, so that training and run time see words the same way.
 *
 * <p>Runs of letters and digits are tokens; everything else (spaces, hyphens, apostrophes, punctuation) separates
 * them, as {@link Text#foldToWords} does for the gazetteers: "l'Haÿ-les-Roses" gives {@code l hay les roses}.
 * A placeholder such as {@code {deputy}} stays one token. Stateless and thread-safe.
 */
final class FoldingTokenizer {

    private FoldingTokenizer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '{') {
                int close = text.indexOf('}', i);
                if (close > i + 1 && isPlaceholderName(text, i + 1, close)) {
                    String p = text.substring(i, close + 1);
                    tokens.add(new Token(p, p, i, close + 1));
                    i = close + 1;
                    continue;
                }
            }
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < n && isWordChar(text, i)) {
                    i += Character.charCount(text.codePointAt(i));
                }
                String original = text.substring(start, i);
                tokens.add(new Token(original, Text.fold(original), start, i));
            } else {
                i++;
            }
        }
        return tokens;
    }

    /** Folded tokens only, as the classifier wants them. */
    static List<String> foldedWords(String text) {
        return tokenize(text).stream().map(Token::folded).toList();
    }

    private static boolean isWordChar(String text, int i) {
        int cp = text.codePointAt(i);
        // combining marks belong to the letter before them (a decomposed "é")
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    private static boolean isPlaceholderName(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char ch = text.charAt(k);
            if (!(ch >= 'a' && ch <= 'z') && ch != '_') {
                return false;
            }
        }
        return true;
    }
}
