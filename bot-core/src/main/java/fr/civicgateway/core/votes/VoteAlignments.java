package fr.civicgateway.core.votes;

import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.GroupVote;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The three vote figures of the journalists' methodology, computed once for the chat and the records API:
 * a deputy's <b>loyalty</b> to their group ({@value #LOYALTY_METHOD}), a group's <b>cohesion</b> by the Rice index
 * ({@value #COHESION_METHOD}) and the <b>closeness</b> of two deputies ({@value #CLOSENESS_METHOD}).
 *
 * <p>All three count the public scrutins of type ordinary ({@code SPO}) or solemn ({@code SPS}), as the participation
 * rate does: censure motions record only the votes for. A vote "taken part in" is for, against or abstention (by
 * proxy included). The non-inscrits ({@code NI}) and a block the data cannot name ({@code PO0}) are not groups with a
 * line to follow: they get no cohesion, and a vote listed under them counts for no loyalty.
 *
 * <p>Results are computed lazily, per {@link ParliamentData#version() version} of the data, and kept until the version
 * changes: a deputy's votes are read once (one pass over the scrutins), then loyalty and every closeness involving
 * them are array scans; all cohesions are computed together at the first question. Thread-safe; every method may be
 * called from any thread and never blocks on I/O. An empty result means there is no figure: an unknown uid, or no
 * scrutin to count (the caller, who resolved the ids, knows which to say).
 *
 * <pre>{@code
 * VoteAlignments alignments = new VoteAlignments(data);
 * alignments.loyalty("PA720892").map(Loyalty::share);              // 0.98…
 * alignments.cohesion("PO845413").map(Cohesion::averageRice);
 * alignments.closeness("PA720892", "PA722142").map(Closeness::share);
 * }</pre>
 */
public final class VoteAlignments {

    public static final String LOYALTY_METHOD = "an-loyalty-1";
    public static final String COHESION_METHOD = "an-cohesion-1";
    public static final String CLOSENESS_METHOD = "an-closeness-1";

    /**
     * The share of a deputy's votes cast like their group's majority.
     *
     * @param deputyUid the deputy
     * @param same      scrutins where the deputy's position was their group's majority position
     * @param counted   scrutins where the deputy took part and the group under which the vote is listed had a majority
     *                  ({@link GroupVote#majority()}); always positive
     * @param from      the date of the first counted scrutin
     * @param to        the date of the last counted scrutin
     * @param months    the same counts month by month, oldest first, months without a counted scrutin left out
     * @param method    {@value #LOYALTY_METHOD}
     */
    public record Loyalty(String deputyUid, int same, int counted, LocalDate from, LocalDate to,
                          List<MonthlyLoyalty> months, String method) {

        public Loyalty {
            months = List.copyOf(months);
        }

        /** {@code same / counted}, between 0 and 1. */
        public double share() {
            return (double) same / counted;
        }
    }

    /** A deputy's loyalty counts within one month. */
    public record MonthlyLoyalty(YearMonth month, int same, int counted) {

        public double share() {
            return (double) same / counted;
        }
    }

    /**
     * A group's cohesion: the Rice index of each scrutin, averaged.
     *
     * @param groupUid    the group (organe uid)
     * @param scrutins    how many scrutins have an index: those where at least one member voted for or against
     * @param averageRice the mean of the per-scrutin indexes, between 0 (split in half) and 1 (unanimous)
     * @param from        the date of the first scrutin with an index
     * @param to          the date of the last one
     * @param perScrutin  each scrutin's index, in the order of the scrutins (by number)
     * @param months      the mean index month by month, oldest first
     * @param method      {@value #COHESION_METHOD}
     */
    public record Cohesion(String groupUid, int scrutins, double averageRice, LocalDate from, LocalDate to,
                           List<ScrutinRice> perScrutin, List<MonthlyRice> months, String method) {

        public Cohesion {
            perScrutin = List.copyOf(perScrutin);
            months = List.copyOf(months);
        }
    }

    /**
     * One scrutin's Rice index for one group: {@code |for − against| / (for + against)}; abstentions are shown but not
     * counted (see the methodology).
     */
    public record ScrutinRice(int number, LocalDate date, int forVotes, int against, int abstentions, double rice) {
    }

    /** The mean Rice index of a group over the scrutins of one month that have one. */
    public record MonthlyRice(YearMonth month, int scrutins, double averageRice) {
    }

    /**
     * How often two deputies voted alike.
     *
     * @param a       the first deputy, as asked
     * @param b       the second deputy
     * @param same    scrutins where both took the same position (for, against or abstention)
     * @param common  scrutins where both took part; always positive
     * @param from    the date of the first common scrutin
     * @param to      the date of the last common scrutin
     * @param method  {@value #CLOSENESS_METHOD}
     */
    public record Closeness(String a, String b, int same, int common, LocalDate from, LocalDate to, String method) {

        /** {@code same / common}, between 0 and 1. */
        public double share() {
            return (double) same / common;
        }
    }

    /** A deputy's positions over the counted scrutins (0 none, else the position's code) and their loyalty. */
    private record DeputyVotes(byte[] positions, Optional<Loyalty> loyalty) {
    }

    /** What is remembered for one version of the data. */
    private static final class State {
        final long version;
        final List<Scrutin> counted;
        final Map<String, Optional<DeputyVotes>> deputies = new ConcurrentHashMap<>();
        volatile Map<String, Cohesion> cohesions;

        State(long version, List<Scrutin> counted) {
            this.version = version;
            this.counted = counted;
        }
    }

    private final ParliamentData data;
    private final AtomicReference<State> state = new AtomicReference<>();

    public VoteAlignments(ParliamentData data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    /** The deputy's loyalty to their group; empty for an unknown uid or when no scrutin counts. */
    public Optional<Loyalty> loyalty(String deputyUid) {
        return votes(current(), deputyUid).flatMap(DeputyVotes::loyalty);
    }

    /** The group's cohesion; empty for an unknown group, the non-inscrits, or a group without a scrutin to count. */
    public Optional<Cohesion> cohesion(String groupUid) {
        if (groupUid == null) {
            return Optional.empty();
        }
        State s = current();
        Map<String, Cohesion> all = s.cohesions;
        if (all == null) {
            synchronized (s) {
                all = s.cohesions;
                if (all == null) {
                    all = computeCohesions(s.counted);
                    s.cohesions = all;
                }
            }
        }
        return Optional.ofNullable(all.get(groupUid));
    }

    /**
     * How often deputies {@code a} and {@code b} voted alike; empty when either uid is unknown, when both are the same
     * deputy (no comparison with oneself), or when they never took part in the same scrutin.
     */
    public Optional<Closeness> closeness(String a, String b) {
        if (a == null || b == null || a.equals(b)) {
            return Optional.empty();
        }
        State s = current();
        Optional<DeputyVotes> va = votes(s, a);
        Optional<DeputyVotes> vb = votes(s, b);
        if (va.isEmpty() || vb.isEmpty()) {
            return Optional.empty();
        }
        byte[] pa = va.get().positions();
        byte[] pb = vb.get().positions();
        int same = 0;
        int common = 0;
        LocalDate from = null;
        LocalDate to = null;
        for (int i = 0; i < pa.length; i++) {
            if (pa[i] == 0 || pb[i] == 0) {
                continue;
            }
            common++;
            same += pa[i] == pb[i] ? 1 : 0;
            LocalDate d = s.counted.get(i).date();
            from = from == null || d.isBefore(from) ? d : from;
            to = to == null || d.isAfter(to) ? d : to;
        }
        return common == 0 ? Optional.empty()
                : Optional.of(new Closeness(a, b, same, common, from, to, CLOSENESS_METHOD));
    }

    private State current() {
        long version = data.version();
        State s = state.get();
        if (s != null && s.version == version) {
            return s;
        }
        List<Scrutin> counted = data.scrutins().stream()
                .filter(x -> x.type() == ScrutinType.ORDINARY || x.type() == ScrutinType.SOLEMN)
                .toList();
        State fresh = new State(version, counted);
        // Two threads seeing a new version may both build a state; either is right, one is kept.
        return state.compareAndSet(s, fresh) ? fresh : Objects.requireNonNullElse(state.get(), fresh);
    }

    private Optional<DeputyVotes> votes(State s, String uid) {
        if (uid == null) {
            return Optional.empty();
        }
        return s.deputies.computeIfAbsent(uid, u -> data.deputy(u).map(d -> readVotes(s.counted, u)));
    }

    private DeputyVotes readVotes(List<Scrutin> counted, String uid) {
        byte[] positions = new byte[counted.size()];
        TreeMap<YearMonth, int[]> months = new TreeMap<>();
        int same = 0;
        int total = 0;
        LocalDate from = null;
        LocalDate to = null;
        for (int i = 0; i < counted.size(); i++) {
            Scrutin s = counted.get(i);
            DeputyVote v = data.vote(uid, s.number());
            if (!v.tookPart()) {
                continue;
            }
            positions[i] = (byte) (v.position().ordinal() + 1);
            if (!isGroup(v.groupUid())) {
                continue;
            }
            Optional<Position> majority = s.groups().stream().filter(g -> v.groupUid().equals(g.groupUid()))
                    .findFirst().flatMap(GroupVote::majority);
            if (majority.isEmpty()) {
                continue;
            }
            boolean alike = majority.get() == v.position();
            total++;
            same += alike ? 1 : 0;
            int[] m = months.computeIfAbsent(YearMonth.from(s.date()), k -> new int[2]);
            m[0] += alike ? 1 : 0;
            m[1]++;
            from = from == null || s.date().isBefore(from) ? s.date() : from;
            to = to == null || s.date().isAfter(to) ? s.date() : to;
        }
        if (total == 0) {
            return new DeputyVotes(positions, Optional.empty());
        }
        List<MonthlyLoyalty> monthly = months.entrySet().stream()
                .map(e -> new MonthlyLoyalty(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new DeputyVotes(positions,
                Optional.of(new Loyalty(uid, same, total, from, to, monthly, LOYALTY_METHOD)));
    }

    private Map<String, Cohesion> computeCohesions(List<Scrutin> counted) {
        Map<String, List<ScrutinRice>> byGroup = new TreeMap<>();
        for (Scrutin s : counted) {
            for (GroupVote g : s.groups()) {
                int f = g.counts().forVotes();
                int a = g.counts().against();
                if (!isGroup(g.groupUid()) || f + a == 0) {
                    continue;
                }
                byGroup.computeIfAbsent(g.groupUid(), k -> new ArrayList<>()).add(new ScrutinRice(s.number(),
                        s.date(), f, a, g.counts().abstentions(), (double) Math.abs(f - a) / (f + a)));
            }
        }
        Map<String, Cohesion> out = new ConcurrentHashMap<>();
        byGroup.forEach((uid, list) -> {
            TreeMap<YearMonth, double[]> months = new TreeMap<>();
            double sum = 0;
            LocalDate from = null;
            LocalDate to = null;
            for (ScrutinRice r : list) {
                sum += r.rice();
                double[] m = months.computeIfAbsent(YearMonth.from(r.date()), k -> new double[2]);
                m[0] += r.rice();
                m[1]++;
                from = from == null || r.date().isBefore(from) ? r.date() : from;
                to = to == null || r.date().isAfter(to) ? r.date() : to;
            }
            List<MonthlyRice> monthly = months.entrySet().stream()
                    .map(e -> new MonthlyRice(e.getKey(), (int) e.getValue()[1], e.getValue()[0] / e.getValue()[1]))
                    .toList();
            out.put(uid, new Cohesion(uid, list.size(), sum / list.size(), from, to, list, monthly, COHESION_METHOD));
        });
        return Map.copyOf(out);
    }

    /** A block with a line to follow: not the non-inscrits, not a block the data leaves unnamed. */
    private boolean isGroup(String groupUid) {
        if (groupUid == null || groupUid.equals("PO0")) {
            return false;
        }
        return data.group(groupUid).map(g -> !"NI".equals(g.abbreviation())).orElse(true);
    }
}
