package fr.civicgateway.opendata.assemblee;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.civicgateway.core.parliament.Contacts;
import fr.civicgateway.core.parliament.DataInfo;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.PoliticalGroup;
import fr.civicgateway.core.parliament.Scrutin;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the Assemblée nationale's open data for legislature 17 into an {@link AssembleeSnapshot}.
 *
 * <p>Each source is an archive in the official layout, given either as the official zip file or as the directory
 * it was unpacked into:
 * <ul>
 *   <li>sitting deputies: AMO10 ({@code json/acteur/PA*.json} with embedded mandates, {@code json/organe/PO*.json});</li>
 *   <li>former deputies, optional: AMO30 (every acteur since 1997, the layout of AMO10) or an AMO50 extract
 *       ({@code json/acteur/}, {@code json/mandat/}, {@code json/organe/}), used only for the names and seats of the
 *       acteurs who sat in this legislature and the names of its groups, since AMO50 is frozen;</li>
 *   <li>scrutins: {@code json/VTANR5L17V<n>.json}.</li>
 * </ul>
 * Acteurs that vote but appear in neither AMO source become {@link Deputy#unresolved() unresolved} deputies.
 *
 * <p>Errors: {@link #load()} either returns a complete snapshot or throws one {@link ParliamentDataException}
 * naming the archive and entry at fault. Threading: a loader holds no state between loads; concurrent loads
 * are independent.
 *
 * <pre>{@code
 * ParliamentData data = AssembleeLoader.ofShippedLayout(Path.of("data/assemblee-nationale")).load();
 * }</pre>
 */
public final class AssembleeLoader {

    private static final Logger log = LoggerFactory.getLogger(AssembleeLoader.class);

    /** The legislature these archives cover; mandates of other legislatures are ignored. */
    static final int LEGISLATURE = 17;
    private static final Pattern SCRUTIN_ENTRY = Pattern.compile("V(\\d+)\\.json$");

    private final Path sittingDeputies;
    private final Path formerDeputies;
    private final String formerName;
    private final Path scrutins;
    private final ObjectMapper mapper = JsonMapper.builder().build();

    /**
     * @param sittingDeputies AMO10 archive (zip or directory)
     * @param formerDeputies  AMO50 archive or extract (zip or directory), or null to do without former deputies'
     *                        names
     * @param scrutins        Scrutins archive (zip or directory)
     */
    public AssembleeLoader(Path sittingDeputies, Path formerDeputies, Path scrutins) {
        this(sittingDeputies, formerDeputies, "AMO50", scrutins);
    }

    /**
     * @param formerName the dataset the former deputies come from, as the data's source names it ({@code AMO30})
     */
    public AssembleeLoader(Path sittingDeputies, Path formerDeputies, String formerName, Path scrutins) {
        this.sittingDeputies = Objects.requireNonNull(sittingDeputies, "sittingDeputies");
        this.formerDeputies = formerDeputies;
        this.formerName = Objects.requireNonNull(formerName, "formerName");
        this.scrutins = Objects.requireNonNull(scrutins, "scrutins");
    }

    /** The layout of the snapshot shipped in the repository under {@code data/assemblee-nationale/}. */
    public static AssembleeLoader ofShippedLayout(Path assembleeDirectory) {
        return new AssembleeLoader(
                assembleeDirectory.resolve("AMO10_deputes_actifs_mandats_actifs_organes_L17"),
                assembleeDirectory.resolve("AMO50_acteurs_mandats_organes_divises_L17_extrait"),
                assembleeDirectory.resolve("Scrutins_L17").resolve("Scrutins.json.zip"));
    }

    Path sittingDeputies() {
        return sittingDeputies;
    }

    Path formerDeputies() {
        return formerDeputies;
    }

    Path scrutins() {
        return scrutins;
    }

    /**
     * Reads every source and builds the snapshot.
     *
     * @throws ParliamentDataException if a source cannot be read or an entry is malformed
     */
    public AssembleeSnapshot load() {
        long startNanos = System.nanoTime();
        try {
            return doLoad(startNanos);
        } catch (ParliamentDataException e) {
            throw e;
        } catch (RuntimeException e) {
            // Whatever else goes wrong, callers handle one exception type and keep their previous snapshot.
            throw new ParliamentDataException("Cannot load the Assemblée data: " + e, e);
        }
    }

    private AssembleeSnapshot doLoad(long startNanos) {
        AmoReader amo = new AmoReader(mapper, LEGISLATURE);
        AmoReader.AmoData sitting;
        try (JsonArchive archive = JsonArchive.open(sittingDeputies)) {
            sitting = amo.read(archive, true);
        }
        if (sitting.deputies().isEmpty()) {
            throw new ParliamentDataException("No acteur in " + sittingDeputies.getFileName());
        }
        AmoReader.AmoData former = null;
        if (formerDeputies != null) {
            try (JsonArchive archive = JsonArchive.open(formerDeputies)) {
                former = amo.read(archive, false);
            }
        }

        List<Deputy> deputies = new ArrayList<>(sitting.deputies());
        Map<String, Integer> index = new HashMap<>();
        sitting.deputies().forEach(d -> index.put(d.uid(), index.size()));
        int formerCount = 0;
        Map<String, PoliticalGroup> groups = new LinkedHashMap<>(sitting.groups());
        // Named, not listed: AMO30 describes groups that ended (the first UDR group), which old votes are listed
        // under; listing them beside the sitting groups would make "UDR" name two groups.
        Map<String, PoliticalGroup> formerGroups = new LinkedHashMap<>();
        if (former != null) {
            for (Deputy d : former.deputies()) {
                if (index.putIfAbsent(d.uid(), index.size()) == null) {
                    deputies.add(d);
                    formerCount++;
                }
            }
            former.groups().forEach((uid, g) -> {
                if (!groups.containsKey(uid)) {
                    formerGroups.put(uid, g);
                }
            });
        }
        int known = deputies.size();
        // A sitting deputy's channels are AMO10's; the former archive's only for the deputies it adds.
        Map<String, Contacts> contacts = new HashMap<>(sitting.contacts());
        if (former != null) {
            former.contacts().forEach(contacts::putIfAbsent);
        }

        List<AssembleeSnapshot.CompactScrutin> loaded = new ArrayList<>();
        Map<String, Integer> groupIndex = new LinkedHashMap<>();
        Map<Object, Object> canonical = new HashMap<>();
        int voteCount = 0;
        Map<String, String> currentGroup = new HashMap<>();
        sitting.deputies().forEach(d -> {
            if (d.groupUid() != null) {
                currentGroup.put(d.uid(), d.groupUid());
            }
        });
        // Only AMO10's open GP mandates have dates: a deputy's group on a day is known when that mandate had begun.
        ScrutinReader.GroupMandates groupOn = (acteur, day) -> {
            LocalDate since = sitting.groupSince().get(acteur);
            return since != null && !since.isAfter(day) ? currentGroup.get(acteur) : null;
        };
        try (JsonArchive archive = JsonArchive.open(scrutins)) {
            // In number order, so that unresolved acteurs get indexes in order of first appearance, whatever
            // the order of the archive.
            List<String> entries = new ArrayList<>(archive.entries("json/"));
            entries.sort(Comparator.comparingInt(AssembleeLoader::entryNumber).thenComparing(Comparator.naturalOrder()));
            for (String entry : entries) {
                ScrutinReader.ParsedScrutin p = archive.parse(entry, mapper, root -> ScrutinReader.read(root, canonical, groupOn));
                loaded.add(compact(archive, entry, p, index, deputies, groupIndex));
                voteCount += p.codes().length;
            }
        }
        if (loaded.isEmpty()) {
            throw new ParliamentDataException("No scrutin in " + scrutins.getFileName());
        }
        loaded.sort(Comparator.comparingInt(c -> c.scrutin().number()));
        for (int i = 1; i < loaded.size(); i++) {
            if (loaded.get(i).scrutin().number() == loaded.get(i - 1).scrutin().number()) {
                throw new ParliamentDataException("Scrutin " + loaded.get(i).scrutin().number()
                        + " appears twice in " + scrutins.getFileName());
            }
        }
        LocalDate first = loaded.stream().map(c -> c.scrutin().date()).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = loaded.stream().map(c -> c.scrutin().date()).max(Comparator.naturalOrder()).orElseThrow();
        DataInfo info = new DataInfo(LEGISLATURE, sitting.latestMandateDate(), first, last, loaded.size(),
                "Assemblée nationale, open data (AMO10" + (former != null ? ", " + formerName : "") + ", Scrutins)");
        AssembleeSnapshot.Contents contents = new AssembleeSnapshot.Contents(sitting.deputies().size(), formerCount,
                deputies.size() - known, voteCount, former == null ? null : former.latestMandateDate());
        AssembleeSnapshot snapshot = new AssembleeSnapshot(info, contents, deputies, groups, formerGroups, loaded,
                List.copyOf(groupIndex.keySet()), contacts);

        log.info("Loaded Assemblée nationale L{}: {} sitting, {} former and {} unresolved deputies, {} groups, "
                        + "{} scrutins ({} to {}), {} votes in {} ms",
                LEGISLATURE, sitting.deputies().size(), formerCount, deputies.size() - known, groups.size(),
                loaded.size(), first, last, voteCount, (System.nanoTime() - startNanos) / 1_000_000);
        return snapshot;
    }

    /** Turns uids into indexes, registering acteurs no AMO file knows as unresolved deputies. */
    private static AssembleeSnapshot.CompactScrutin compact(JsonArchive archive, String entry,
                                                            ScrutinReader.ParsedScrutin p,
                                                            Map<String, Integer> index, List<Deputy> deputies,
                                                            Map<String, Integer> groupIndex) {
        int n = p.acteurRefs().length;
        int[] ids = new int[n];
        byte[] groups = new byte[n];
        java.util.BitSet seen = new java.util.BitSet();
        for (int k = 0; k < n; k++) {
            String uid = p.acteurRefs()[k];
            Integer i = index.get(uid);
            if (i == null) {
                i = index.size();
                index.put(uid, i);
                deputies.add(new Deputy(uid, null, null, null, false, null, null, null, null));
            }
            if (seen.get(i)) {
                throw new ParliamentDataException("Malformed entry " + entry + " in " + archive.name()
                        + ": acteur " + uid + " is listed twice");
            }
            seen.set(i);
            ids[k] = i;
            int g = groupIndex.computeIfAbsent(p.groupUids()[k], u -> groupIndex.size());
            if (g > Byte.MAX_VALUE) {
                throw new ParliamentDataException("More than " + Byte.MAX_VALUE + " groups in " + archive.name());
            }
            groups[k] = (byte) g;
        }
        return new AssembleeSnapshot.CompactScrutin(p.scrutin(), ids, p.codes(), groups);
    }

    private static int entryNumber(String entry) {
        Matcher m = SCRUTIN_ENTRY.matcher(entry);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
