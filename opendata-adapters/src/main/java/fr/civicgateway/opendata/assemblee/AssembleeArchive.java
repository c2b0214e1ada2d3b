package fr.civicgateway.opendata.assemblee;

import java.time.LocalDate;
import java.util.Map;

/**
 * The three archives of the Assemblée's open data the gateway refreshes, each kept on disk under its official file
 * name, and what the admin API says of each.
 */
enum AssembleeArchive {

    /** Sitting deputies, their mandates and organes. */
    AMO10("assemblee-amo10", "AMO10", "AMO10_deputes_actifs_mandats_actifs_organes.json.zip", "json/acteur/"),
    /** Every acteur since 1997 with every mandate: the former deputies of the legislature. */
    AMO30("assemblee-amo30", "AMO30", "AMO30_tous_acteurs_tous_mandats_tous_organes_historique.json.zip", "json/acteur/"),
    /** Every public vote of the legislature. */
    SCRUTINS("assemblee-scrutins", "Scrutins", "Scrutins.json.zip", "json/");

    final String id;
    /** How the data's source and messages name it. */
    final String title;
    final String fileName;
    /** Where a complete archive has {@code .json} entries: the first check made of a download. */
    final String entries;

    AssembleeArchive(String id, String title, String fileName, String entries) {
        this.id = id;
        this.title = title;
        this.fileName = fileName;
        this.entries = entries;
    }

    /** The date of the data this archive gives the snapshot: what "données au" means for it. */
    LocalDate dataDate(AssembleeSnapshot s) {
        return switch (this) {
            case AMO10 -> s.info().deputiesDataDate();
            case AMO30 -> s.contents().formerDataDate();
            case SCRUTINS -> s.info().lastScrutinDate();
        };
    }

    /** The record counts this archive gives the snapshot. */
    Map<String, Integer> counts(AssembleeSnapshot s) {
        return switch (this) {
            case AMO10 -> Map.of("sittingDeputies", s.contents().sittingDeputies(), "groups", s.groups().size());
            case AMO30 -> Map.of("formerDeputies", s.contents().formerDeputies(),
                    "unresolvedDeputies", s.contents().unresolvedDeputies());
            case SCRUTINS -> Map.of("scrutins", s.info().scrutinCount(), "votes", s.contents().votes());
        };
    }
}
