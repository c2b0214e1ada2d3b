package fr.civicgateway.core.parliament.work;

import fr.civicgateway.core.parliament.Deputy;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Where a figure comes from, so that an answer can state it: the source's name and link, the period its data
 * covers (the date it goes to is what "données au …" says) and the method that computed it.
 *
 * @param source   a short human name ("Assemblée nationale, comptes rendus des séances publiques")
 * @param url      the public page or archive of the source
 * @param from     the first day the data covers; null when the source has no meaningful start
 * @param dataDate the day the data goes to
 * @param method   the method's id, one of {@link Method}
 */
public record Provenance(String source, String url, LocalDate from, LocalDate dataDate, Method method) {

    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(dataDate, "dataDate");
        Objects.requireNonNull(method, "method");
    }

    /**
     * True when this source's period cannot say anything of the deputy: no name in the data, or a mandate that ended
     * before the source's first day. Its zero is then no figure: the chat's record answers and the deputy's page
     * say so instead of giving it.
     */
    public boolean saysNothingOf(Deputy d) {
        return d.unresolved() || (d.mandateEnd() != null && from != null && d.mandateEnd().isBefore(from));
    }

    /**
     * The methods of API.md §4 and §5 (and the HATVP index's reading); the id is what answers cite, and the anchor of
     * its section on the methodology page ({@code core.answer.MethodLinks}, docs/journalists/methodology.md): a new
     * method needs its section there, or the app's {@code MethodologyPageTest} fails.
     */
    public enum Method {
        /** Participation in public votes: API.md §4. */
        PARTICIPATION("an-participation-1"),
        /** Interventions in séance: API.md §5 "Interventions". */
        SPEECHES("an-speeches-1"),
        /** Questions au Gouvernement and orales sans débat: API.md §5 "Questions". */
        QUESTIONS("an-questions-1"),
        /** Committee presence: API.md §5 "Committee presence". */
        COMMITTEE_PRESENCE("an-committee-presence-1"),
        /** Bills authored and co-signed: API.md §5 "Bills". */
        BILLS("an-bills-1"),
        /** A bill's stage: API.md §5 "A bill's stage". */
        BILL_STAGE("an-bill-stage-1"),
        /** The agenda's séances publiques as published. */
        AGENDA("an-agenda-1"),
        /** The HATVP index's rows for the deputy (docs/data.md). */
        HATVP_DECLARATIONS("hatvp-declarations-1"),
        /** Amendments signed, co-signed and adopted (docs/data.md). */
        AMENDMENTS("an-amendments-1"),
        /** A deputy's votes cast like their group's majority: {@code core.votes.VoteAlignments}. */
        LOYALTY("an-loyalty-1"),
        /** A group's cohesion, the Rice index averaged: {@code core.votes.VoteAlignments}. */
        COHESION("an-cohesion-1"),
        /** Two deputies' votes alike: {@code core.votes.VoteAlignments}. */
        CLOSENESS("an-closeness-1");

        public final String id;

        Method(String id) {
            this.id = id;
        }
    }
}
