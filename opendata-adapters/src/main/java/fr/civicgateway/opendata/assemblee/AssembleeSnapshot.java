package fr.civicgateway.opendata.assemblee;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.civicgateway.core.parliament.Contacts;
import fr.civicgateway.core.parliament.DataInfo;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.PoliticalGroup;
import fr.civicgateway.core.parliament.Scrutin;

/**
 * One complete, immutable load of the Assemblée's data for a legislature: deputies, political groups, scrutins
 * and every nominative vote.
 *
 * <p>Built only by {@link AssembleeLoader}. Votes are stored compactly: deputies get a dense index, each
 * (scrutin, deputy) pair is one byte in a single flat array ({@link VoteCode}), and the group a vote is listed
 * under is kept per deputy as runs of scrutins (a deputy changes group a handful of times at most).
 * {@link #vote} is therefore a hash look-up, an array read and a search among those few runs.
 *
 * <p>Thread-safe: nothing changes after construction. A refresh builds a new instance and swaps it whole.
 * No method throws for an unknown uid or number: it returns an empty {@link Optional} or
 * {@link DeputyVote#NOT_LISTED}.
 */
public final class AssembleeSnapshot implements ParliamentData {

    /** A scrutin's votes with deputies and groups already turned into indexes. */
    record CompactScrutin(Scrutin scrutin, int[] deputies, byte[] codes, byte[] groups) {
    }

    /**
     * What a load holds, beyond {@link DataInfo}: for operators, and for the checks a refresh makes before it
     * replaces the data answered from.
     *
     * @param sittingDeputies    the acteurs of AMO10
     * @param formerDeputies     acteurs who sat in this legislature, from AMO30 or the AMO50 extract, not in AMO10
     * @param unresolvedDeputies acteurs who are listed in the votes but in neither archive (uid only)
     * @param votes              nominative votes read, all scrutins together
     * @param formerDataDate     the latest date of a seat in the former deputies' archive, or null without one
     */
    public record Contents(int sittingDeputies, int formerDeputies, int unresolvedDeputies, int votes,
                           LocalDate formerDataDate) {
    }

    private final DataInfo info;
    private final Contents contents;
    private final List<Deputy> deputies;
    private final Map<String, Integer> deputyIndex;
    private final Map<String, Deputy> sittingByConstituency;
    private final Map<String, PoliticalGroup> describedGroups;
    /** Contact channels by deputy uid; absent for a deputy whose acteur file lists none. */
    private final Map<String, Contacts> contacts;
    private final Map<String, PoliticalGroup> groupsByUid;
    private final List<Scrutin> scrutins;
    /** Scrutin number → slot in {@link #scrutins}, -1 when not loaded. */
    private final int[] slotByNumber;
    /** {@code votes[slot * deputyCount + deputyIndex]}: a {@link VoteCode}. */
    private final byte[] votes;
    /** Group uids that votes are listed under, indexed by the group indexes below. */
    private final String[] groupTable;
    /** Per deputy: pairs (first slot, group index), slots ascending, for the scrutins where they are listed. */
    private final int[][] groupRuns;

    /**
     * @param deputies     the deputies of the AMO files, sitting ones first; acteurs found only in the votes are
     *                     already appended, unresolved, in the order of {@code deputyIndex}
     * @param formerGroups groups only the former deputies' archive describes: they name votes, {@link #groups} does
     *                     not list them
     * @param scrutins     sorted by number, without duplicates
     * @param groupUids    the group uids named in the votes, in the index order used by {@link CompactScrutin}
     */
    AssembleeSnapshot(DataInfo info, Contents contents, List<Deputy> deputies,
                      Map<String, PoliticalGroup> describedGroups, Map<String, PoliticalGroup> formerGroups,
                      List<CompactScrutin> scrutins, List<String> groupUids) {
        this(info, contents, deputies, describedGroups, formerGroups, scrutins, groupUids, Map.of());
    }

    /** @param contacts the deputies' contact channels by uid (see {@link #contacts(String)}) */
    AssembleeSnapshot(DataInfo info, Contents contents, List<Deputy> deputies,
                      Map<String, PoliticalGroup> describedGroups, Map<String, PoliticalGroup> formerGroups,
                      List<CompactScrutin> scrutins, List<String> groupUids, Map<String, Contacts> contacts) {
        this.info = info;
        this.contacts = Map.copyOf(contacts);
        this.contents = contents;
        this.deputies = List.copyOf(deputies);
        Map<String, Integer> index = new HashMap<>(deputies.size() * 2);
        Map<String, Deputy> byConstituency = new HashMap<>();
        for (int i = 0; i < deputies.size(); i++) {
            Deputy d = deputies.get(i);
            index.put(d.uid(), i);
            if (d.current() && d.constituency() != null) {
                Deputy previous = byConstituency.putIfAbsent(d.constituency().id(), d);
                if (previous != null) {
                    throw new ParliamentDataException("Two sitting deputies for constituency "
                            + d.constituency().id() + ": " + previous.uid() + " and " + d.uid());
                }
            }
        }
        this.deputyIndex = Map.copyOf(index);
        this.sittingByConstituency = Map.copyOf(byConstituency);
        this.describedGroups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(describedGroups));
        Map<String, PoliticalGroup> all = new HashMap<>(describedGroups);
        // A group the votes name but no organe file describes (a PO0 block left unnamed, the former UDR PO847173)
        // has no entry: answers word it without a name rather than show a raw uid.
        formerGroups.forEach(all::putIfAbsent);
        this.groupsByUid = Map.copyOf(all);
        this.groupTable = groupUids.toArray(String[]::new);

        int n = this.deputies.size();
        this.scrutins = scrutins.stream().map(CompactScrutin::scrutin).toList();
        int maxNumber = this.scrutins.isEmpty() ? 0 : this.scrutins.getLast().number();
        this.slotByNumber = new int[maxNumber + 1];
        Arrays.fill(slotByNumber, -1);
        this.votes = new byte[Math.multiplyExact(scrutins.size(), n)];
        int[][] runs = new int[n][];
        int[] runLength = new int[n];
        for (int slot = 0; slot < scrutins.size(); slot++) {
            CompactScrutin s = scrutins.get(slot);
            slotByNumber[s.scrutin().number()] = slot;
            int base = slot * n;
            for (int k = 0; k < s.deputies().length; k++) {
                int d = s.deputies()[k];
                votes[base + d] = s.codes()[k];
                int g = s.groups()[k];
                int len = runLength[d];
                if (len == 0 || runs[d][len - 1] != g) {
                    if (runs[d] == null) {
                        runs[d] = new int[4];
                    } else if (len + 2 > runs[d].length) {
                        runs[d] = Arrays.copyOf(runs[d], runs[d].length * 2);
                    }
                    runs[d][len] = slot;
                    runs[d][len + 1] = g;
                    runLength[d] = len + 2;
                }
            }
        }
        for (int d = 0; d < n; d++) {
            runs[d] = runs[d] == null ? new int[0] : Arrays.copyOf(runs[d], runLength[d]);
        }
        this.groupRuns = runs;
    }

    @Override
    public DataInfo info() {
        return info;
    }

    public Contents contents() {
        return contents;
    }

    /** Sitting deputies (AMO10 order), then former ones (AMO50), then unresolved acteurs found in the votes. */
    @Override
    public Collection<Deputy> deputies() {
        return deputies;
    }

    @Override
    public Optional<Deputy> deputy(String uid) {
        Integer i = uid == null ? null : deputyIndex.get(uid);
        return i == null ? Optional.empty() : Optional.of(deputies.get(i));
    }

    /** As the acteur's AMO file publishes them: AMO10's for a sitting deputy, the former archive's otherwise. */
    @Override
    public Contacts contacts(String deputyUid) {
        return deputyUid == null ? Contacts.NONE : contacts.getOrDefault(deputyUid, Contacts.NONE);
    }

    @Override
    public Optional<Deputy> deputyOf(String constituencyId) {
        return constituencyId == null ? Optional.empty() : Optional.ofNullable(sittingByConstituency.get(constituencyId));
    }

    /**
     * A group described by an organe file (AMO10's, or AMO30's for a group that ended, such as {@code PO847173});
     * empty for a uid the votes name without any description ({@code PO0}, or {@code PO847173} without AMO30).
     */
    @Override
    public Optional<PoliticalGroup> group(String organeUid) {
        return organeUid == null ? Optional.empty() : Optional.ofNullable(groupsByUid.get(organeUid));
    }

    /** The groups described by organe files (the legislature's twelve), in file order. */
    @Override
    public Collection<PoliticalGroup> groups() {
        return describedGroups.values();
    }

    @Override
    public Optional<Scrutin> scrutin(int number) {
        int slot = slot(number);
        return slot < 0 ? Optional.empty() : Optional.of(scrutins.get(slot));
    }

    @Override
    public List<Scrutin> scrutins() {
        return scrutins;
    }

    @Override
    public DeputyVote vote(String deputyUid, int scrutinNumber) {
        Integer d = deputyUid == null ? null : deputyIndex.get(deputyUid);
        int slot = slot(scrutinNumber);
        if (d == null || slot < 0) {
            return DeputyVote.NOT_LISTED;
        }
        byte code = votes[slot * deputies.size() + d];
        if (code == VoteCode.NOT_LISTED) {
            return DeputyVote.NOT_LISTED;
        }
        return new DeputyVote(VoteCode.position(code), VoteCode.byProxy(code), VoteCode.cause(code), groupAt(d, slot));
    }

    private int slot(int number) {
        return number >= 0 && number < slotByNumber.length ? slotByNumber[number] : -1;
    }

    /** The group of the last run starting at or before the slot; only asked for slots where the deputy is listed. */
    private String groupAt(int deputy, int slot) {
        int[] runs = groupRuns[deputy];
        int lo = 0;
        int hi = runs.length / 2 - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (runs[mid * 2] <= slot) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return groupTable[runs[found * 2 + 1]];
    }

    @Override
    public String toString() {
        return "AssembleeSnapshot[legislature " + info.legislature() + ", " + deputies.size() + " deputies, "
                + scrutins.size() + " scrutins, data to " + info.lastScrutinDate() + "]";
    }
}
