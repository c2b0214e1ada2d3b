package fr.civicgateway.core.parliament;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A deputy of the loaded legislature: a sitting one (AMO10) or a former one known from the votes.
 *
 * @param uid           the Assemblée's acteur uid, e.g. {@code PA720892}
 * @param civility      {@code M.} or {@code Mme}; empty when unknown (an unresolved former deputy)
 * @param firstName     first name as published; empty when unknown
 * @param lastName      last name as published; empty when unknown
 * @param current       true for a deputy in office in the data (AMO10)
 * @param groupUid      organe uid of the current political group ({@code PO845413}), null when unknown
 * @param constituency  the constituency of the ASSEMBLEE mandate, null when unknown
 * @param mandateStart  the day the deputy took office: {@code mandature.datePriseFonction}, else the mandate's
 *                      {@code dateDebut}; null when unknown
 * @param mandateEnd    the mandate's {@code dateFin} for a mandate that ended, else null
 */
public record Deputy(String uid, String civility, String firstName, String lastName, boolean current,
                     String groupUid, Constituency constituency, LocalDate mandateStart, LocalDate mandateEnd) {

    public Deputy {
        Objects.requireNonNull(uid, "uid");
        if (!uid.startsWith("PA")) {
            throw new IllegalArgumentException("deputy uid must start with PA: " + uid);
        }
        civility = civility == null ? "" : civility;
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
    }

    /** True when the data gave us no name for this acteur (a former deputy absent from the loaded files). */
    public boolean unresolved() {
        return lastName.isEmpty();
    }

    /** "Mathilde Panot"; the uid for an unresolved acteur. */
    public String fullName() {
        return unresolved() ? uid : (firstName + " " + lastName).trim();
    }

    public boolean feminine() {
        return "Mme".equals(civility);
    }

    /** The deputy's page on the Assemblée's site, the source link of every answer about them. */
    public String pageUrl() {
        return "https://www.assemblee-nationale.fr/dyn/deputes/" + uid;
    }
}
