package fr.civicgateway.core.nlu;

/**
 * One token of a message: its folded form (lower case, no accents) and where it sits in the original text.
 *
 * @param original the characters as written, {@code Député}
 * @param folded   {@code depute}; a placeholder such as {@code {deputy}} is kept whole
 * @param start    offset of the first character in the message
 * @param end      offset after the last character
 */
record Token(String original, String folded, int start, int end) {

    boolean isNumber() {
        for (int i = 0; i < folded.length(); i++) {
            if (!Character.isDigit(folded.charAt(i))) {
                return false;
            }
        }
        return !folded.isEmpty();
    }

    boolean isPlaceholder() {
        return folded.startsWith("{");
    }

    /** True when the user wrote it with an upper-case first letter: a hint that it is a proper name. */
    boolean capitalised() {
        return Character.isUpperCase(original.codePointAt(0));
    }
}
