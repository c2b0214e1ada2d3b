package fr.civicgateway.core.parliament.work;

import java.util.List;
import java.util.Objects;

/**
 * The questions a deputy asked in séance (API.md §5, "Questions").
 *
 * @param government questions au Gouvernement
 * @param oral       questions orales sans débat
 * @param all        every question, the latest first
 */
public record Questions(int government, int oral, List<Question> all, Provenance provenance) {

    public Questions {
        Objects.requireNonNull(provenance, "provenance");
        all = List.copyOf(all);
        if (government + oral != all.size()) {
            throw new IllegalArgumentException("counts " + government + " + " + oral + " != " + all.size());
        }
    }

    /** The {@code n} latest questions, the latest first. */
    public List<Question> latest(int n) {
        return all.subList(0, Math.min(n, all.size()));
    }
}
