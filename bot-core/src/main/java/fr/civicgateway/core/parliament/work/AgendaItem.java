package fr.civicgateway.core.parliament.work;

import java.util.Objects;

/**
 * One point of a sitting's agenda.
 *
 * @param subject what the agenda says ("Discussion", "Questions au Gouvernement", a title)
 * @param dossier the dossier it concerns, when the agenda names one and it is loaded; else null
 */
public record AgendaItem(String subject, Dossier dossier) {

    public AgendaItem {
        Objects.requireNonNull(subject, "subject");
    }

    /** The dossier's title when there is one, else the agenda's subject. */
    public String title() {
        return dossier != null ? dossier.title() : subject;
    }
}
