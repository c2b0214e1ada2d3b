package fr.civicgateway.core.representative;

import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes {@link Participation} exactly as API.md §4 defines it:
 * over the public scrutins of type {@code SPO} or {@code SPS} (censure motions record only the votes for, so they
 * are left out) held on or after the day the deputy took office and, for a mandate that ended, on or before its
 * end; less the scrutins where the deputy is listed as non-voting with cause PAN, PSE or MG.
 * Stateless and thread-safe; one pass over the loaded scrutins (a few thousand byte look-ups).
 *
 * <p>{@link #byMonth} is the same count split by the month of each scrutin (the charts' participation month by
 * month): the months' figures add up to {@link #compute}'s.
 */
public final class ParticipationCalculator {

    private static final Object WHOLE_PERIOD = new Object();
    private static final Participation NONE = new Participation(0, 0, 0, 0, 0, 0, null, null);

    private ParticipationCalculator() {
    }

    /**
     * @throws IllegalArgumentException when the deputy's start of mandate is unknown: no period, no rate
     */
    public static Participation compute(ParliamentData data, Deputy deputy) {
        return tally(data, deputy, s -> WHOLE_PERIOD).getOrDefault(WHOLE_PERIOD, NONE);
    }

    /**
     * The deputy's participation in each month that had a scrutin within the method's scope (a month whose only such
     * scrutins were excused by function is there, with {@code counted} 0), oldest first.
     *
     * @throws IllegalArgumentException when the deputy's start of mandate is unknown: no period, no rate
     */
    public static SortedMap<YearMonth, Participation> byMonth(ParliamentData data, Deputy deputy) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(tally(data, deputy, s -> YearMonth.from(s.date()))));
    }

    /**
     * Whether the scrutin is one the method counts for this deputy before looking at the vote: ordinary or solemn,
     * held while in office. (A vote excused by function is then left out, see {@link #excused}.)
     *
     * @throws IllegalArgumentException when the deputy's start of mandate is unknown
     */
    public static boolean inScope(Deputy deputy, Scrutin s) {
        LocalDate start = deputy.mandateStart();
        if (start == null) {
            throw new IllegalArgumentException("no start of mandate for " + deputy.uid());
        }
        LocalDate end = deputy.mandateEnd();
        if (s.type() != ScrutinType.ORDINARY && s.type() != ScrutinType.SOLEMN) {
            return false;
        }
        return !s.date().isBefore(start) && (end == null || !s.date().isAfter(end));
    }

    /** Listed as non-voting because of a function (PAN, PSE, MG): left out of the count. */
    public static boolean excused(DeputyVote v) {
        return v.position() == Position.NON_VOTING && v.cause().excusedByFunction();
    }

    /** One pass over the scrutins in scope, counted under the key each scrutin gives. */
    private static <K> Map<K, Participation> tally(ParliamentData data, Deputy deputy,
                                                           Function<Scrutin, K> key) {
        if (deputy.mandateStart() == null) {
            throw new IllegalArgumentException("no start of mandate for " + deputy.uid());
        }
        Map<K, Counter> counters = new LinkedHashMap<>();
        for (Scrutin s : data.scrutins()) {
            if (!inScope(deputy, s)) {
                continue;
            }
            Counter c = counters.computeIfAbsent(key.apply(s), k -> new Counter());
            DeputyVote v = data.vote(deputy.uid(), s.number());
            if (excused(v)) {
                c.excused++;
                continue;
            }
            c.counted++;
            boolean solemn = s.type() == ScrutinType.SOLEMN;
            if (solemn) {
                c.solemnCounted++;
            }
            if (v.tookPart()) {
                c.tookPart++;
                if (v.byProxy()) {
                    c.byProxy++;
                }
                if (solemn) {
                    c.solemnTookPart++;
                }
            }
            if (c.first == null || s.date().isBefore(c.first)) {
                c.first = s.date();
            }
            if (c.last == null || s.date().isAfter(c.last)) {
                c.last = s.date();
            }
        }
        Map<K, Participation> out = new LinkedHashMap<>();
        counters.forEach((k, c) -> out.put(k, new Participation(c.counted, c.tookPart, c.byProxy, c.excused,
                c.solemnCounted, c.solemnTookPart, c.first, c.last)));
        return out;
    }

    private static final class Counter {
        int counted;
        int tookPart;
        int byProxy;
        int excused;
        int solemnCounted;
        int solemnTookPart;
        LocalDate first;
        LocalDate last;
    }
}
