package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.core.parliament.work.AgendaItem;
import fr.civicgateway.core.parliament.work.AgendaSitting;
import fr.civicgateway.core.parliament.work.Amendments;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.BillRole;
import fr.civicgateway.core.parliament.work.Bills;
import fr.civicgateway.core.parliament.work.CommitteePresence;
import fr.civicgateway.core.parliament.work.Declaration;
import fr.civicgateway.core.parliament.work.Declarations;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.DossierStep;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.parliament.work.Questions;
import fr.civicgateway.core.parliament.work.Speeches;
import fr.civicgateway.core.parliament.work.Step;
import fr.civicgateway.core.parliament.work.StepKind;
import fr.civicgateway.core.text.Text;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The figures of {@link AssemblyWork}, computed once from the archives by {@link WorkLoader} and kept compact: per
 * deputy, a few counts and references; per dossier, its steps; per séance, its agenda. Immutable, thread-safe.
 */
public final class WorkSnapshot implements AssemblyWork {
    /** "n° 482", "no 482", "numéro 482" folded: the word before a text number. */
    private static final Pattern NUMBER_WORD = Pattern.compile("^(n|no|numero) +");
    private static final Pattern TEXT_NUMBER = Pattern.compile("\\d{1,5}");


    /** The counts of the archives this snapshot was built from, for the admin API and the logs. */
    public record Contents(int sittings, int speakers, int questions, int dossiers, int cosignatures,
                           int seances, int committeeRolls, int hatvpDeputies, int amendements, long xmlBytes) {
    }

    private final Map<String, Speeches> speeches;
    private final Map<String, Questions> questions;
    private final Map<String, CommitteePresence> presence;
    private final Map<String, Bills> bills;
    private final Map<String, Declarations> declarations;
    private final Map<String, Amendments> amendments; // null when the archive is not loaded
    private final Map<String, Dossier> dossiers;
    private final Map<Integer, String> dossierOfNumber;
    private final Map<Integer, List<Dossier>> dossiersOfScrutin;
    private final String[] foldedTitles;
    /** Each word of the folded titles → the indices (ascending) of the titles holding it: a search reads a few. */
    private final java.util.TreeMap<String, int[]> titleWords;
    private final Dossier[] byActivity;
    private final List<AgendaSitting> sittings;
    /** Each dossier's latest adoption or promulgation, newest first. */
    private final List<DossierStep> adoptions;
    /** The indices in {@link #sittings} of the séances whose agenda names each dossier, ascending. */
    private final Map<String, int[]> sittingsOfDossier;
    private final Provenance speechesProvenance;
    private final Provenance questionsProvenance;
    private final Provenance presenceProvenance;
    private final Provenance billsProvenance;
    private final Provenance dossiersProvenance;
    private final Provenance agendaProvenance;
    private final Provenance hatvpProvenance;
    private final Provenance amendmentsProvenance;
    private final Contents contents;

    WorkSnapshot(Map<String, Speeches> speeches, Map<String, Questions> questions,
                 Map<String, CommitteePresence> presence, Map<String, Bills> bills,
                 Map<String, Declarations> declarations, Map<String, Amendments> amendments,
                 Map<String, Dossier> dossiers, Map<Integer, String> dossierOfNumber, Map<String, String> texts,
                 List<AgendaSitting> sittings,
                 Provenance speechesProvenance, Provenance questionsProvenance, Provenance presenceProvenance,
                 Provenance billsProvenance, Provenance dossiersProvenance, Provenance agendaProvenance,
                 Provenance hatvpProvenance, Provenance amendmentsProvenance, Contents contents) {
        this.speeches = Map.copyOf(speeches);
        this.questions = Map.copyOf(questions);
        this.presence = Map.copyOf(presence);
        this.bills = Map.copyOf(bills);
        this.declarations = Map.copyOf(declarations);
        this.amendments = amendments == null ? null : Map.copyOf(amendments);
        this.dossiers = Map.copyOf(dossiers);
        this.dossierOfNumber = Map.copyOf(dossierOfNumber);
        this.sittings = List.copyOf(sittings);
        this.speechesProvenance = speechesProvenance;
        this.questionsProvenance = questionsProvenance;
        this.presenceProvenance = presenceProvenance;
        this.billsProvenance = billsProvenance;
        this.dossiersProvenance = dossiersProvenance;
        this.agendaProvenance = agendaProvenance;
        this.hatvpProvenance = hatvpProvenance;
        this.amendmentsProvenance = amendmentsProvenance;
        this.contents = contents;
        Map<Integer, List<Dossier>> ofScrutin = new HashMap<>();
        for (Dossier d : dossiers.values()) {
            for (int n : d.scrutins()) {
                ofScrutin.computeIfAbsent(n, k -> new ArrayList<>()).add(d);
            }
        }
        ofScrutin.replaceAll((k, v) -> v.stream().sorted(Comparator.comparing(Dossier::uid)).toList());
        this.dossiersOfScrutin = Map.copyOf(ofScrutin);
        LocalDate dataDate = dossiersProvenance.dataDate();
        this.byActivity = dossiers.values().stream()
                .sorted(Comparator.comparing((Dossier d) -> d.stage(dataDate).map(s -> s.date()).orElse(LocalDate.MIN))
                        .reversed().thenComparing(Dossier::uid))
                .toArray(Dossier[]::new);
        this.adoptions = adoptions(dossiers.values(), dataDate);
        this.sittingsOfDossier = sittingsOfDossier(this.sittings);
        this.foldedTitles = Arrays.stream(byActivity)
                .map(d -> " " + fold(d.title() + " " + texts.getOrDefault(d.uid(), "")) + " ").toArray(String[]::new);
        this.titleWords = index(foldedTitles);
    }

    public Contents contents() {
        return contents;
    }

    /** Every deputy's speeches' figures, by deputy uid (those who spoke): what a new version is compared on. */
    public Map<String, Speeches> allSpeeches() {
        return speeches;
    }

    /** Every deputy's questions, by deputy uid (those who asked one). */
    public Map<String, Questions> allQuestions() {
        return questions;
    }

    /** Every dossier législatif, in no order. */
    public java.util.Collection<Dossier> allDossiers() {
        return dossiers.values();
    }

    @Override
    public Speeches speeches(String deputyUid) {
        Speeches s = speeches.get(deputyUid);
        return s != null ? s : new Speeches(0, 0, 0, null, speechesProvenance);
    }

    @Override
    public Questions questions(String deputyUid) {
        Questions q = questions.get(deputyUid);
        return q != null ? q : new Questions(0, 0, List.of(), questionsProvenance);
    }

    @Override
    public CommitteePresence presence(String deputyUid) {
        CommitteePresence p = presence.get(deputyUid);
        return p != null ? p : new CommitteePresence(0, 0, 0, presenceProvenance);
    }

    @Override
    public Bills bills(String deputyUid) {
        Bills b = bills.get(deputyUid);
        return b != null ? b : new Bills(0, 0, List.<BillRole>of(), billsProvenance);
    }

    @Override
    public Declarations declarations(String deputyUid) {
        Declarations d = declarations.get(deputyUid);
        return d != null ? d : new Declarations(List.<Declaration>of(), null, hatvpProvenance);
    }

    @Override
    public Optional<Amendments> amendments(String deputyUid) {
        if (amendments == null) {
            return Optional.empty();
        }
        Amendments a = amendments.get(deputyUid);
        return Optional.of(a != null ? a : new Amendments(0, 0, 0, amendmentsProvenance));
    }

    @Override
    public Optional<Dossier> dossier(String uid) {
        return Optional.ofNullable(dossiers.get(uid));
    }

    @Override
    public List<Dossier> findDossiers(String words, int limit) {
        String folded = fold(words);
        String digits = NUMBER_WORD.matcher(folded).replaceFirst("");
        if (TEXT_NUMBER.matcher(digits).matches()) {
            String uid = dossierOfNumber.get(Integer.parseInt(digits));
            return uid == null ? List.of() : List.of(dossiers.get(uid));
        }
        List<String> needles = Arrays.stream(folded.split(" ")).filter(w -> w.length() > 3).toList();
        if (needles.isEmpty() && folded.contains(" ")) {
            // "fin de vie": short words only, matched as the whole phrase
            needles = List.of(folded + " ");
        }
        if (needles.isEmpty()) {
            return List.of();
        }
        // The titles holding a word that starts with each needle (each word of a phrase: exactly), then the check.
        java.util.BitSet candidates = null;
        for (String needle : needles) {
            for (String key : needle.trim().split(" ")) {
                boolean phrase = needle.endsWith(" ");
                java.util.BitSet these = new java.util.BitSet(byActivity.length);
                for (int[] at : phrase ? List.of(titleWords.getOrDefault(key, new int[0]))
                        : titleWords.subMap(key, true, key + Character.MAX_VALUE, false).values()) {
                    for (int i : at) {
                        these.set(i);
                    }
                }
                if (candidates == null) {
                    candidates = these;
                } else {
                    candidates.and(these);
                }
            }
        }
        // Whole words first ("finance" is not "financement"), each group by activity, the latest first.
        List<Dossier> exact = new ArrayList<>();
        List<Dossier> prefixed = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0 && exact.size() < limit; i = candidates.nextSetBit(i + 1)) {
            String title = foldedTitles[i];
            boolean all = true;
            boolean whole = true;
            for (String w : needles) {
                if (!title.contains(" " + w)) {
                    all = false;
                    break;
                }
                whole &= title.contains(" " + w.trim() + " ");
            }
            if (all) {
                (whole ? exact : prefixed).add(byActivity[i]);
            }
        }
        List<Dossier> out = new ArrayList<>(exact);
        out.addAll(prefixed.subList(0, Math.min(prefixed.size(), Math.max(0, limit - exact.size()))));
        return out;
    }

    @Override
    public List<Dossier> dossiersOfScrutin(int scrutinNumber) {
        return dossiersOfScrutin.getOrDefault(scrutinNumber, List.of());
    }

    @Override
    public Provenance dossiersProvenance() {
        return dossiersProvenance;
    }

    @Override
    public List<AgendaSitting> sittingsFrom(LocalDateTime from, int limit) {
        int i = firstAtOrAfter(from);
        // long: a limit of Integer.MAX_VALUE ("all of them") must not overflow
        return sittings.subList(i, (int) Math.min(sittings.size(), (long) i + Math.max(0, limit)));
    }

    @Override
    public List<AgendaSitting> sittingsBefore(LocalDateTime before, int limit) {
        int to = firstAtOrAfter(before);
        return sittings.subList(Math.max(0, to - Math.max(0, limit)), to);
    }

    @Override
    public List<AgendaSitting> agendaOn(LocalDate day) {
        int from = firstAtOrAfter(day.atStartOfDay());
        int to = firstAtOrAfter(day.plusDays(1).atStartOfDay());
        return sittings.subList(from, to);
    }

    @Override
    public ZoneId agendaZone() {
        return AgendaReader.PARIS;
    }

    @Override
    public Provenance agendaProvenance() {
        return agendaProvenance;
    }

    @Override
    public List<DossierStep> latestAdoptions(int limit) {
        return adoptions.subList(0, Math.min(adoptions.size(), Math.max(0, limit)));
    }

    @Override
    public Optional<AgendaSitting> nextSittingOf(String dossierUid, LocalDateTime from) {
        int[] at = sittingsOfDossier.get(dossierUid);
        if (at == null) {
            return Optional.empty();
        }
        int first = firstAtOrAfter(from);
        for (int i : at) {
            if (i >= first) {
                return Optional.of(sittings.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<AgendaSitting> sittingsBetween(LocalDateTime from, LocalDateTime to) {
        int i = firstAtOrAfter(from);
        return sittings.subList(i, Math.max(i, firstAtOrAfter(to)));
    }

    /** Each dossier's latest ADOPTED or PROMULGATED step on or before {@code dataDate}, newest first. */
    static List<DossierStep> adoptions(java.util.Collection<Dossier> dossiers, LocalDate dataDate) {
        List<DossierStep> out = new ArrayList<>();
        for (Dossier d : dossiers) {
            Step latest = null;
            for (Step s : d.steps()) {
                if ((s.kind() == StepKind.ADOPTED || s.kind() == StepKind.PROMULGATED) && !s.date().isAfter(dataDate)
                        && (latest == null || !s.date().isBefore(latest.date()))) {
                    latest = s;
                }
            }
            if (latest != null) {
                out.add(new DossierStep(d, latest));
            }
        }
        out.sort(Comparator.comparing((DossierStep a) -> a.step().date()).reversed()
                .thenComparing(a -> a.step().kind() != StepKind.PROMULGATED)
                .thenComparing(a -> a.dossier().uid()));
        return List.copyOf(out);
    }

    private static Map<String, int[]> sittingsOfDossier(List<AgendaSitting> sittings) {
        Map<String, List<Integer>> at = new HashMap<>();
        for (int i = 0; i < sittings.size(); i++) {
            for (AgendaItem item : sittings.get(i).items()) {
                if (item.dossier() != null) {
                    List<Integer> list = at.computeIfAbsent(item.dossier().uid(), k -> new ArrayList<>());
                    if (list.isEmpty() || list.getLast() != i) {
                        list.add(i);
                    }
                }
            }
        }
        Map<String, int[]> out = new HashMap<>();
        at.forEach((uid, list) -> out.put(uid, list.stream().mapToInt(Integer::intValue).toArray()));
        return Map.copyOf(out);
    }

    private int firstAtOrAfter(LocalDateTime t) {
        int lo = 0;
        int hi = sittings.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sittings.get(mid).start().isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** How many titles hold every needle, by a scan of them all (what the index must agree with, in tests). */
    long dossiersOfTitleScan(List<String> needles) {
        return Arrays.stream(foldedTitles).filter(t -> needles.stream().allMatch(w -> t.contains(" " + w))).count();
    }

    private static java.util.TreeMap<String, int[]> index(String[] titles) {
        Map<String, List<Integer>> at = new HashMap<>();
        for (int i = 0; i < titles.length; i++) {
            for (String w : titles[i].trim().split(" ")) {
                List<Integer> list = at.computeIfAbsent(w, k -> new ArrayList<>());
                if (list.isEmpty() || list.getLast() != i) {
                    list.add(i);
                }
            }
        }
        java.util.TreeMap<String, int[]> out = new java.util.TreeMap<>();
        at.forEach((w, list) -> out.put(w, list.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /**
     * Accents, case and punctuation folded away: "l'Aide à mourir" → "l aide a mourir". The NLU's folding, so that a
     * title and a question fold alike; it skips the costly decomposition for plain ASCII (every quick reply's number).
     */
    static String fold(String s) {
        return Text.foldToWords(s);
    }

    static AgendaItem item(String subject, Dossier d) {
        return new AgendaItem(subject, d);
    }
}
