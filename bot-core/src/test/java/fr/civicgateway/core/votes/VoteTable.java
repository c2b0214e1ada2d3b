package fr.civicgateway.core.votes;

import fr.civicgateway.core.parliament.DataInfo;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.GroupVote;
import fr.civicgateway.core.parliament.NonVotingCause;
import fr.civicgateway.core.parliament.Outcome;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.PoliticalGroup;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinType;
import fr.civicgateway.core.parliament.VoteCounts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parliament written vote by vote, for the figures' tests: each scrutin lists its voters as "uid:group:position"
 * (F, A, X for for, against, abstention); the groups' counts are computed from those lists, as the Assemblée's are.
 * {@link #bump()} stands for a refresh: a new version of the data.
 */
final class VoteTable implements ParliamentData {

    static final String ALICE = "PA1";
    static final String BRUNO = "PA2";
    static final String CLARA = "PA3";
    static final String DENIS = "PA4";
    /** A deputy of the data who never voted. */
    static final String EMMA = "PA5";
    static final String G1 = "PO1";
    static final String G2 = "PO2";
    static final String NI = "PO9";

    private final Map<String, Deputy> deputies = new LinkedHashMap<>();
    private final Map<String, PoliticalGroup> groups = new LinkedHashMap<>();
    private final List<Scrutin> scrutins = new ArrayList<>();
    private final Map<String, DeputyVote> votes = new HashMap<>();
    private long version;

    VoteTable() {
        deputy(ALICE, "Mme", "Alice", "Arnaud", G1);
        deputy(BRUNO, "M.", "Bruno", "Blanc", G1);
        deputy(CLARA, "Mme", "Clara", "Colin", G2);
        deputy(DENIS, "M.", "Denis", "Durand", NI);
        deputy(EMMA, "Mme", "Emma", "Essai", G2);
        groups.put(G1, new PoliticalGroup(G1, "Groupe Un", "G1"));
        groups.put(G2, new PoliticalGroup(G2, "Groupe Deux", "G2"));
        groups.put(NI, new PoliticalGroup(NI, "Non inscrit", "NI"));
    }

    private void deputy(String uid, String civility, String first, String last, String group) {
        deputies.put(uid, new Deputy(uid, civility, first, last, true, group, null, LocalDate.of(2024, 7, 18), null));
    }

    /** Adds a scrutin: {@code scrutin(1, "2025-01-10", ORDINARY, "PA1:PO1:F", "PA2:PO1:A", ...)}. */
    VoteTable scrutin(int number, String date, ScrutinType type, String... listed) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String l : listed) {
            String[] f = l.split(":");
            Position p = switch (f[2]) {
                case "F" -> Position.FOR;
                case "A" -> Position.AGAINST;
                case "X" -> Position.ABSTENTION;
                default -> Position.NON_VOTING;
            };
            votes.put(f[0] + "/" + number, new DeputyVote(p, false, NonVotingCause.NONE, f[1]));
            int[] c = counts.computeIfAbsent(f[1], k -> new int[4]);
            c[p == Position.FOR ? 0 : p == Position.AGAINST ? 1 : p == Position.ABSTENTION ? 2 : 3]++;
        }
        List<GroupVote> gv = new ArrayList<>();
        counts.forEach((g, c) -> gv.add(new GroupVote(g, 10, Position.FOR, new VoteCounts(0, 0, 0, c[0], c[1], c[2], c[3]))));
        scrutins.add(new Scrutin(number, LocalDate.parse(date), type, "scrutin " + number, Outcome.ADOPTED,
                new VoteCounts(0, 0, 0, 0, 0, 0, 0), gv));
        return this;
    }

    /** A refresh: the next version of the data (the scrutins added since are part of it). */
    void bump() {
        version++;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public DataInfo info() {
        return new DataInfo(17, LocalDate.of(2025, 6, 30), scrutins.getFirst().date(), scrutins.getLast().date(),
                scrutins.size(), "test table");
    }

    @Override
    public Collection<Deputy> deputies() {
        return deputies.values();
    }

    @Override
    public Optional<Deputy> deputy(String uid) {
        return Optional.ofNullable(deputies.get(uid));
    }

    @Override
    public Optional<Deputy> deputyOf(String constituencyId) {
        return Optional.empty();
    }

    @Override
    public Optional<PoliticalGroup> group(String organeUid) {
        return Optional.ofNullable(groups.get(organeUid));
    }

    @Override
    public Collection<PoliticalGroup> groups() {
        return groups.values();
    }

    @Override
    public Optional<Scrutin> scrutin(int number) {
        return scrutins.stream().filter(s -> s.number() == number).findFirst();
    }

    @Override
    public List<Scrutin> scrutins() {
        return List.copyOf(scrutins);
    }

    @Override
    public DeputyVote vote(String deputyUid, int scrutinNumber) {
        return votes.getOrDefault(deputyUid + "/" + scrutinNumber, DeputyVote.NOT_LISTED);
    }
}
