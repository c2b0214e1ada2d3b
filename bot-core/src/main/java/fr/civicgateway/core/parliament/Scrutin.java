package fr.civicgateway.core.parliament;

import java.time.LocalDate;
import java.util.List;

/**
 * A public vote of the Assemblée.
 *
 * @param number  {@code numero}, unique within the legislature
 * @param date    {@code dateScrutin}
 * @param type    ordinary, solemn, censure motion
 * @param title   {@code titre}, e.g. "l'ensemble du projet de loi de finances pour 2025 (première lecture)."
 * @param outcome adopted or rejected
 * @param counts  {@code syntheseVote}
 * @param groups  each group's vote, in the source's order
 */
public record Scrutin(int number, LocalDate date, ScrutinType type, String title, Outcome outcome,
                      VoteCounts counts, List<GroupVote> groups) {

    public Scrutin {
        groups = List.copyOf(groups);
    }

    /** The scrutin's page on the Assemblée's site, the source link of every answer about it. */
    public String pageUrl() {
        return "https://www.assemblee-nationale.fr/dyn/17/scrutins/" + number;
    }
}
