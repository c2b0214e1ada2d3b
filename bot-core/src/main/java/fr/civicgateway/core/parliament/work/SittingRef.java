package fr.civicgateway.core.parliament.work;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A sitting of the séance publique as a compte rendu records it.
 *
 * @param uid     the compte rendu's uid ({@code CRSANR5L17S2026O1N150})
 * @param date    the sitting's day
 * @param subject the title of the item under discussion (the sommaire's first-level title); null when none
 */
public record SittingRef(String uid, LocalDate date, String subject) {

    public SittingRef {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(date, "date");
    }

    /** The compte rendu's page on assemblee-nationale.fr. */
    public String url() {
        return "https://www.assemblee-nationale.fr/dyn/17/comptes-rendus/seance/" + uid;
    }
}
