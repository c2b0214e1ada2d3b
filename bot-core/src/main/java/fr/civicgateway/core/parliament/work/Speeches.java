package fr.civicgateway.core.parliament.work;

import java.util.Objects;

/**
 * A deputy's interventions in séance publique (API.md §5, "Interventions").
 *
 * @param interventions      paragraphs spoken, presiding and Government paragraphs left out
 * @param shortInterventions those of 20 words or fewer (included in {@code interventions})
 * @param sittings           sittings in which the deputy spoke at least once
 * @param latest             the latest such sitting, with the subject of the deputy's last intervention in it;
 *                           null when the deputy never spoke
 */
public record Speeches(int interventions, int shortInterventions, int sittings, SittingRef latest,
                       Provenance provenance) {

    public Speeches {
        Objects.requireNonNull(provenance, "provenance");
        if (interventions < 0 || shortInterventions < 0 || shortInterventions > interventions || sittings < 0) {
            throw new IllegalArgumentException("invalid counts: interventions " + interventions + ", short "
                    + shortInterventions + ", sittings " + sittings);
        }
    }

    /** Interventions of more than 20 words. */
    public int longInterventions() {
        return interventions - shortInterventions;
    }
}
