package fr.civicgateway.core.representative;

import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinType;
import java.time.LocalDate;

/**
 * Computes {@link Participation} exactly as API.md §4 defines it:
 * over the public scrutins of type {@code SPO} or {@code SPS} (censure motions record only the votes for, so they
 * are left out) held on or after the day the deputy took office and, for a mandate that ended, on or before its
 * end; less the scrutins where the deputy is listed as non-voting with cause PAN, PSE or MG.
 * Stateless and thread-safe; one pass over the loaded scrutins (a few thousand byte look-ups).
 */
public final class ParticipationCalculator {

    private ParticipationCalculator() {
    }

    /**
     * @throws IllegalArgumentException when the deputy's start of mandate is unknown: no period, no rate
     */
    public static Participation compute(ParliamentData data, Deputy deputy) {
        LocalDate start = deputy.mandateStart();
        if (start == null) {
            throw new IllegalArgumentException("no start of mandate for " + deputy.uid());
        }
        LocalDate end = deputy.mandateEnd();
        int counted = 0;
        int tookPart = 0;
        int byProxy = 0;
        int excused = 0;
        int solemnCounted = 0;
        int solemnTookPart = 0;
        LocalDate first = null;
        LocalDate last = null;
        for (Scrutin s : data.scrutins()) {
            if (s.type() != ScrutinType.ORDINARY && s.type() != ScrutinType.SOLEMN) {
                continue;
            }
            if (s.date().isBefore(start) || (end != null && s.date().isAfter(end))) {
                continue;
            }
            DeputyVote v = data.vote(deputy.uid(), s.number());
            if (v.position() == Position.NON_VOTING && v.cause().excusedByFunction()) {
                excused++;
                continue;
            }
            counted++;
            boolean solemn = s.type() == ScrutinType.SOLEMN;
            if (solemn) {
                solemnCounted++;
            }
            if (v.tookPart()) {
                tookPart++;
                if (v.byProxy()) {
                    byProxy++;
                }
                if (solemn) {
                    solemnTookPart++;
                }
            }
            if (first == null || s.date().isBefore(first)) {
                first = s.date();
            }
            if (last == null || s.date().isAfter(last)) {
                last = s.date();
            }
        }
        return new Participation(counted, tookPart, byProxy, excused, solemnCounted, solemnTookPart, first, last);
    }
}
