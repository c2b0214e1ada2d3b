package fr.civicgateway.core.parliament.work;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A proposition a deputy authored or co-signed.
 *
 * @param dossier the dossier
 * @param author  true when the deputy is in its {@code initiateur}; false when a co-signatory only
 * @param date    when the deputy's text was deposited (for an author) or co-signed; sorts the latest first
 */
public record BillRole(Dossier dossier, boolean author, LocalDate date) {

    public BillRole {
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(date, "date");
    }
}
