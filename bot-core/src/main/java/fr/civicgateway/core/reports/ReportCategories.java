package fr.civicgateway.core.reports;

import fr.civicgateway.core.text.Text;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The categories citizens can report problems in (the Open311 service list), in the operator's order.
 *
 * <p>Implementations are immutable and thread-safe; {@link #of} checks the list at once (no two categories with one
 * code) so that a bad configuration fails at start-up naming the entry.
 *
 * <pre>{@code
 * ReportCategories c = ReportCategories.of(List.of(pothole, lighting));
 * c.guess("il y a un nid de poule rue Voltaire"); // Optional[pothole]
 * }</pre>
 */
public interface ReportCategories {

    /** Every category, in the configured order. Never empty. */
    List<ServiceCategory> all();

    default Optional<ServiceCategory> byCode(String code) {
        return all().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /**
     * The category a message most likely speaks of, by its keywords (folded, whole words); empty when none matches
     * or two categories match equally well — the flow then asks, it never guesses between two.
     */
    default Optional<ServiceCategory> guess(String message) {
        String words = " " + Text.foldToWords(message) + " ";
        ServiceCategory best = null;
        int bestScore = 0;
        boolean tie = false;
        for (ServiceCategory c : all()) {
            int score = 0;
            for (String k : c.keywords()) {
                String folded = Text.foldToWords(k);
                if (!folded.isEmpty() && words.contains(" " + folded + " ")) {
                    // A longer keyword is more specific: "depot sauvage" beats "depot".
                    score = Math.max(score, folded.length());
                }
            }
            if (score > bestScore) {
                best = c;
                bestScore = score;
                tie = false;
            } else if (score > 0 && score == bestScore) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    /** The category a citizen picked: its code, its French or English name, or one of its keywords exactly. */
    default Optional<ServiceCategory> pick(String answer) {
        String said = Text.foldToWords(answer);
        for (ServiceCategory c : all()) {
            if (said.equals(Text.foldToWords(c.code())) || said.equals(Text.foldToWords(c.nameFr()))
                    || said.equals(Text.foldToWords(c.nameEn()))) {
                return Optional.of(c);
            }
        }
        return guess(answer);
    }

    /** A fixed list. */
    static ReportCategories of(List<ServiceCategory> categories) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("at least one report category (Open311 service) is needed");
        }
        Set<String> codes = new HashSet<>();
        for (ServiceCategory c : categories) {
            if (!codes.add(c.code())) {
                throw new IllegalArgumentException("two report categories with service code " + c.code());
            }
        }
        List<ServiceCategory> copy = List.copyOf(categories);
        return () -> copy;
    }
}
