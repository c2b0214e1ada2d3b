package fr.civicgateway.connectors.charts;

import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.GroupVote;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.representative.Participation;
import fr.civicgateway.core.representative.ParticipationCalculator;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The numbers the charts draw, from the data and the core's computations: never a second computation of a figure
 * the core has (participation is {@link ParticipationCalculator}'s, month by month). Stateless.
 */
final class ChartFigures {

    private ChartFigures() {
    }

    /**
     * A deputy's participation in one month beside the Assembly's median of that month.
     *
     * @param median           the median of the monthly rates (0–1) of every deputy with a counted scrutin that month
     * @param deputiesInMedian how many deputies that median is over
     */
    record MonthRate(YearMonth month, int counted, int tookPart, double median, int deputiesInMedian) {

        /** Took part / counted, 0–1; only for a month with a counted scrutin. */
        double rate() {
            return (double) tookPart / counted;
        }
    }

    /** A deputy's positions in one month, over the scrutins the participation method counts. */
    record MonthPositions(YearMonth month, int forVotes, int against, int abstentions, int nonVoting, int absent) {

        int counted() {
            return forVotes + against + abstentions + nonVoting + absent;
        }
    }

    /** One group's vote on a scrutin; {@code label} is its abbreviation, null when the data does not name it. */
    record GroupRow(String groupUid, String label, int forVotes, int against, int abstentions, int nonVoting) {
    }

    /**
     * Every month's rates of the deputies who had a counted scrutin in it, sorted: what the median is taken from.
     * Computed once per version of the data (a pass per deputy, as the core's participation).
     */
    record MonthlyRates(long version, Map<YearMonth, double[]> sortedRates) {

        static MonthlyRates of(ParliamentData data) {
            Map<YearMonth, List<Double>> rates = new HashMap<>();
            for (Deputy d : data.deputies()) {
                if (d.mandateStart() == null) {
                    continue;
                }
                ParticipationCalculator.byMonth(data, d).forEach((month, p) -> {
                    if (p.counted() > 0) {
                        rates.computeIfAbsent(month, m -> new ArrayList<>()).add((double) p.tookPart() / p.counted());
                    }
                });
            }
            Map<YearMonth, double[]> sorted = new HashMap<>();
            rates.forEach((m, list) -> {
                double[] a = list.stream().mapToDouble(Double::doubleValue).toArray();
                Arrays.sort(a);
                sorted.put(m, a);
            });
            return new MonthlyRates(data.version(), Map.copyOf(sorted));
        }

        /** The median rate of the month (the mean of the two middle ones for an even count); NaN for none. */
        double median(YearMonth month) {
            double[] a = sortedRates.getOrDefault(month, new double[0]);
            if (a.length == 0) {
                return Double.NaN;
            }
            int mid = a.length / 2;
            return a.length % 2 == 1 ? a[mid] : (a[mid - 1] + a[mid]) / 2;
        }

        int count(YearMonth month) {
            return sortedRates.getOrDefault(month, new double[0]).length;
        }
    }

    /** The months with a counted scrutin, oldest first; empty for a deputy who had none. */
    static List<MonthRate> participation(ParliamentData data, Deputy deputy, MonthlyRates rates) {
        List<MonthRate> out = new ArrayList<>();
        for (Map.Entry<YearMonth, Participation> e : ParticipationCalculator.byMonth(data, deputy).entrySet()) {
            Participation p = e.getValue();
            if (p.counted() > 0) {
                out.add(new MonthRate(e.getKey(), p.counted(), p.tookPart(), rates.median(e.getKey()),
                        rates.count(e.getKey())));
            }
        }
        return out;
    }

    /** The months with a counted scrutin and the deputy's positions in them, oldest first. */
    static List<MonthPositions> positions(ParliamentData data, Deputy deputy) {
        SortedMap<YearMonth, int[]> byMonth = new TreeMap<>();
        for (Scrutin s : data.scrutins()) {
            if (!ParticipationCalculator.inScope(deputy, s)) {
                continue;
            }
            DeputyVote v = data.vote(deputy.uid(), s.number());
            if (ParticipationCalculator.excused(v)) {
                continue;
            }
            int[] c = byMonth.computeIfAbsent(YearMonth.from(s.date()), m -> new int[5]);
            c[v.position().ordinal()]++;
        }
        List<MonthPositions> out = new ArrayList<>();
        // Position's order: FOR, AGAINST, ABSTENTION, NON_VOTING, ABSENT.
        byMonth.forEach((m, c) -> out.add(new MonthPositions(m, c[0], c[1], c[2], c[3], c[4])));
        return out;
    }

    /** Each group's counts on the scrutin, in the source's order. */
    static List<GroupRow> groups(ParliamentData data, Scrutin s) {
        List<GroupRow> out = new ArrayList<>();
        for (GroupVote g : s.groups()) {
            out.add(new GroupRow(g.groupUid(), data.groupAbbreviation(g.groupUid()).orElse(null),
                    g.counts().forVotes(), g.counts().against(), g.counts().abstentions(), g.counts().nonVoting()));
        }
        return out;
    }
}
