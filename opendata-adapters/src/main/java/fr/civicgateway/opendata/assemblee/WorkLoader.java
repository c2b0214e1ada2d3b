package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.work.AgendaItem;
import fr.civicgateway.core.parliament.work.AgendaSitting;
import fr.civicgateway.core.parliament.work.Amendments;
import fr.civicgateway.core.parliament.work.BillRole;
import fr.civicgateway.core.parliament.work.Bills;
import fr.civicgateway.core.parliament.work.CommitteePresence;
import fr.civicgateway.core.parliament.work.Declarations;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.parliament.work.Provenance.Method;
import fr.civicgateway.core.parliament.work.Questions;
import fr.civicgateway.core.parliament.work.Speeches;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a {@link WorkSnapshot} from the Assemblée's comptes rendus, agenda and dossiers législatifs archives, the
 * HATVP's index and, when given, the Amendements archive: each read once (the comptes rendus streamed), the figures
 * of API.md §5 computed, the archives let go. The four readers run in parallel (the comptes rendus take longest).
 *
 * <pre>{@code
 * WorkSnapshot work = WorkLoader.ofShippedLayout(Path.of("data")).load(parliament);
 * }</pre>
 *
 * @see <a href="../../../../../../../../docs/data.md">docs/data.md</a>
 */
public final class WorkLoader {

    /** Where each archive is: the official file names, as shipped under {@code data/} and kept by the refresh. */
    public record Paths(Path comptesRendus, Path dossiers, Path agenda, Path hatvp, Path amendements,
                        Path organes) {

        public Paths {
            Objects.requireNonNull(comptesRendus, "comptesRendus");
            Objects.requireNonNull(dossiers, "dossiers");
            Objects.requireNonNull(agenda, "agenda");
            Objects.requireNonNull(hatvp, "hatvp");
        }

        public Paths with(WorkArchive a, Path p) {
            return switch (a) {
                case COMPTES_RENDUS -> new Paths(p, dossiers, agenda, hatvp, amendements, organes);
                case DOSSIERS -> new Paths(comptesRendus, p, agenda, hatvp, amendements, organes);
                case AGENDA -> new Paths(comptesRendus, dossiers, p, hatvp, amendements, organes);
                case HATVP -> new Paths(comptesRendus, dossiers, agenda, p, amendements, organes);
                case AMENDEMENTS -> new Paths(comptesRendus, dossiers, agenda, hatvp, p, organes);
            };
        }
    }

    static final String CR_SOURCE = "Assemblée nationale, comptes rendus des séances publiques";
    static final String CR_URL = "https://www.assemblee-nationale.fr/dyn/17/comptes-rendus/seance";
    static final String AGENDA_SOURCE = "Assemblée nationale, agenda (réunions des commissions)";
    static final String AGENDA_URL = "https://www.assemblee-nationale.fr/dyn/agenda";
    static final String DOSSIERS_SOURCE = "Assemblée nationale, dossiers législatifs";
    static final String DOSSIERS_URL = "https://www.assemblee-nationale.fr/dyn/17/dossiers";
    static final String HATVP_SOURCE = "Haute Autorité pour la transparence de la vie publique";
    static final String HATVP_URL = "https://www.hatvp.fr/consulter-les-declarations/";
    static final String AMENDEMENTS_SOURCE = "Assemblée nationale, amendements";
    static final String AMENDEMENTS_URL = "https://www.assemblee-nationale.fr/dyn/17/amendements";

    /** Organe types whose meetings are not committee meetings for presence (API.md §5). */
    static final Set<String> NOT_COMMITTEES = Set.of("GA", "GE", "GEVI");

    private final Paths paths;
    private final ObjectMapper mapper = JsonMapper.builder().build();

    public WorkLoader(Paths paths) {
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    /** The shipped layout under a data directory ({@code data/}): no amendements (only a sample is shipped). */
    public static WorkLoader ofShippedLayout(Path dataDirectory) {
        Path an = dataDirectory.resolve("assemblee-nationale");
        return new WorkLoader(new Paths(
                an.resolve("Comptes_rendus_L17/syseron.xml.zip"),
                an.resolve("Dossiers_Legislatifs_L17/Dossiers_Legislatifs.json.zip"),
                an.resolve("Agenda_L17/Agenda.json.zip"),
                dataDirectory.resolve("hatvp/liste.csv"),
                null,
                an.resolve("AMO10_deputes_actifs_mandats_actifs_organes_L17")));
    }

    public Paths paths() {
        return paths;
    }

    /**
     * Streams the comptes rendus alone, for the throughput figure (BENCHMARKS.md): returns the XML bytes read and the
     * sittings, {@code {bytes, sittings}}.
     */
    public static long[] streamComptesRendus(Path zip) {
        ComptesRendusReader.Result r = ComptesRendusReader.read(zip);
        return new long[] {r.xmlBytes(), r.sittings()};
    }

    /**
     * Reads everything and computes the figures.
     *
     * @param parliament the deputies (for the HATVP rows without an id); read, not kept
     * @throws ParliamentDataException naming the archive and entry at fault
     */
    public WorkSnapshot load(ParliamentData parliament) {
        return build(loadParts(parliament, null));
    }

    /**
     * What each archive gave, by the file it was read from: a refresh that brings one new archive reads only that
     * one and reuses the others' results ({@link #loadParts} with the previous parts). Kept by the refresh only.
     */
    record Parts(Path crPath, ComptesRendusReader.Result cr, Path drPath, DossiersReader.Result dr, Path agPath,
                 AgendaReader.Result ag, HatvpIndexReader.Result hv, Path amPath, AmendementsReader.Result am) {
    }

    /** Builds the snapshot from the parts read. */
    WorkSnapshot build(Parts p) {
        return build(p.cr(), p.dr(), p.ag(), p.hv(), p.am());
    }

    /**
     * Reads the archives of {@link #paths()}, reusing from {@code previous} (may be null) the result of any archive
     * whose path is the same; the HATVP index is always read again (it is small, and joined to the deputies).
     */
    Parts loadParts(ParliamentData parliament, Parts previous) {
        Map<String, String> names = new HashMap<>();
        for (Deputy d : parliament.deputies()) {
            if (!d.firstName().isBlank() || !d.lastName().isBlank()) {
                names.put(d.uid(), d.firstName() + " " + d.lastName());
            }
        }
        boolean sameCr = previous != null && paths.comptesRendus().equals(previous.crPath());
        boolean sameAm = previous != null && Objects.equals(paths.amendements(), previous.amPath());
        CompletableFuture<ComptesRendusReader.Result> cr = sameCr ? CompletableFuture.completedFuture(previous.cr())
                : async(() -> ComptesRendusReader.read(paths.comptesRendus()));
        CompletableFuture<AmendementsReader.Result> am = paths.amendements() == null ? null
                : sameAm ? CompletableFuture.completedFuture(previous.am())
                : async(() -> AmendementsReader.read(paths.amendements(), mapper));
        try {
            DossiersReader.Result dossiers = previous != null && paths.dossiers().equals(previous.drPath())
                    ? previous.dr() : DossiersReader.read(paths.dossiers(), mapper);
            AgendaReader.Result agenda = previous != null && paths.agenda().equals(previous.agPath())
                    ? previous.ag() : AgendaReader.read(paths.agenda(), mapper, notCommittees());
            HatvpIndexReader.Result hatvp = HatvpIndexReader.read(paths.hatvp(), names);
            return new Parts(paths.comptesRendus(), join(cr), paths.dossiers(), dossiers, paths.agenda(), agenda,
                    hatvp, paths.amendements(), am == null ? null : join(am));
        } catch (RuntimeException e) {
            cr.cancel(true);
            if (am != null) {
                am.cancel(true);
            }
            throw e;
        }
    }

    private static <T> CompletableFuture<T> async(java.util.function.Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, r -> Thread.ofPlatform().name("work-load").daemon().start(r));
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The organes of AMO10 that are groupes d'amitié or d'études. */
    private Set<String> notCommittees() {
        Set<String> out = new HashSet<>();
        if (paths.organes() == null || !Files.exists(paths.organes())) {
            return out;
        }
        try (JsonArchive archive = JsonArchive.open(paths.organes())) {
            for (String entry : archive.entries("json/organe/")) {
                archive.parse(entry, mapper, root -> {
                    String type = Json.text(root.path("organe"), "codeType");
                    if (type != null && NOT_COMMITTEES.contains(type)) {
                        out.add(Json.requiredText(root.path("organe"), "uid"));
                    }
                    return null;
                });
            }
        }
        return out;
    }

    private static WorkSnapshot build(ComptesRendusReader.Result cr, DossiersReader.Result dr,
                                      AgendaReader.Result ag, HatvpIndexReader.Result hv,
                                      AmendementsReader.Result am) {
        Provenance speechesP = new Provenance(CR_SOURCE, CR_URL, cr.first(), cr.last(), Method.SPEECHES);
        Provenance questionsP = new Provenance(CR_SOURCE, CR_URL, cr.first(), cr.last(), Method.QUESTIONS);
        Map<String, Speeches> speeches = new HashMap<>();
        Map<String, Questions> questions = new HashMap<>();
        int questionCount = 0;
        for (Map.Entry<String, ComptesRendusReader.Tally> e : cr.byDeputy().entrySet()) {
            ComptesRendusReader.Tally t = e.getValue();
            speeches.put(e.getKey(), new Speeches(t.interventions, t.shortInterventions, t.sittings, t.latest,
                    speechesP));
            if (!t.questions.isEmpty()) {
                int gov = (int) t.questions.stream()
                        .filter(q -> q.kind() == fr.civicgateway.core.parliament.work.Question.Kind.GOVERNMENT).count();
                questions.put(e.getKey(), new Questions(gov, t.questions.size() - gov, t.questions, questionsP));
                questionCount += t.questions.size();
            }
        }
        LocalDate dossiersDate = dr.lastDeposit();
        Provenance dossiersP = new Provenance(DOSSIERS_SOURCE, DOSSIERS_URL, null, dossiersDate, Method.BILL_STAGE);
        Provenance billsP = new Provenance(DOSSIERS_SOURCE, DOSSIERS_URL, null, dossiersDate, Method.BILLS);
        Map<String, List<BillRole>> roles = new HashMap<>();
        Map<String, Set<String>> authoredBy = new HashMap<>();
        for (Dossier d : dr.dossiers().values()) {
            if (!d.proposition()) {
                continue;
            }
            LocalDate when = d.deposited().orElse(dossiersDate);
            for (String a : new java.util.LinkedHashSet<>(d.authors())) {
                roles.computeIfAbsent(a, k -> new ArrayList<>()).add(new BillRole(d, true, when));
                authoredBy.computeIfAbsent(a, k -> new HashSet<>()).add(d.uid());
            }
        }
        Map<String, Map<String, LocalDate>> cosigned = new HashMap<>();
        for (DossiersReader.Cosignature c : dr.cosignatures()) {
            if (authoredBy.getOrDefault(c.acteur(), Set.of()).contains(c.dossierUid())) {
                continue;
            }
            LocalDate date = c.date() != null ? c.date() : dossiersDate;
            cosigned.computeIfAbsent(c.acteur(), k -> new HashMap<>()).merge(c.dossierUid(), date,
                    (x, y) -> x.isBefore(y) ? x : y);
        }
        cosigned.forEach((acteur, byDossier) -> byDossier.forEach((uid, date) ->
                roles.computeIfAbsent(acteur, k -> new ArrayList<>())
                        .add(new BillRole(dr.dossiers().get(uid), false, date))));
        Map<String, Bills> bills = new HashMap<>();
        roles.forEach((acteur, list) -> {
            list.sort(Comparator.comparing(BillRole::date).reversed().thenComparing(r -> r.dossier().uid()));
            int authored = (int) list.stream().filter(BillRole::author).count();
            bills.put(acteur, new Bills(authored, list.size() - authored, list, billsP));
        });

        LocalDate agendaDate = ag.exported() != null ? ag.exported() : LocalDate.EPOCH;
        Provenance presenceP = new Provenance(AGENDA_SOURCE, AGENDA_URL, ag.firstMeeting(),
                ag.lastMeeting() != null ? ag.lastMeeting() : agendaDate, Method.COMMITTEE_PRESENCE);
        Provenance agendaP = new Provenance("Assemblée nationale, agenda", AGENDA_URL, null, agendaDate,
                Method.AGENDA);
        Map<String, CommitteePresence> presence = new HashMap<>();
        ag.rolls().forEach((acteur, r) -> presence.put(acteur,
                new CommitteePresence(r.present, r.absent, r.excused, presenceP)));
        List<AgendaSitting> sittings = new ArrayList<>(ag.seances().size());
        for (AgendaReader.Seance s : ag.seances()) {
            List<AgendaItem> items = new ArrayList<>(s.points().size());
            for (String[] p : s.points()) {
                Dossier d = p[1] == null ? null : dr.dossiers().get(p[1]);
                items.add(new AgendaItem(p[0], d));
            }
            sittings.add(new AgendaSitting(s.uid(), s.start(), s.state(), items));
        }

        Provenance hatvpP = new Provenance(HATVP_SOURCE, HATVP_URL, null, hv.lastPublication(),
                Method.HATVP_DECLARATIONS);
        Map<String, Declarations> declarations = new HashMap<>();
        Set<String> hatvpDeputies = new HashSet<>(hv.byDeputy().keySet());
        hatvpDeputies.addAll(hv.pages().keySet());
        for (String uid : hatvpDeputies) {
            declarations.put(uid, new Declarations(hv.byDeputy().getOrDefault(uid, List.of()), hv.pages().get(uid),
                    hatvpP));
        }

        Map<String, Amendments> amendments = null;
        Provenance amendmentsP = new Provenance(AMENDEMENTS_SOURCE, AMENDEMENTS_URL, am != null ? am.firstDeposit() : null,
                am != null ? am.lastDeposit() : LocalDate.EPOCH, Method.AMENDMENTS);
        if (am != null) {
            amendments = new HashMap<>();
            for (Map.Entry<String, AmendementsReader.Count> e : am.byDeputy().entrySet()) {
                AmendementsReader.Count c = e.getValue();
                amendments.put(e.getKey(), new Amendments(c.authored, c.cosigned, c.adopted, amendmentsP));
            }
        }
        int cosignatures = dr.cosignatures().size();
        WorkSnapshot.Contents contents = new WorkSnapshot.Contents(cr.sittings(), cr.byDeputy().size(), questionCount,
                dr.dossiers().size(), cosignatures, sittings.size(), ag.rolls().size(), declarations.size(),
                am == null ? 0 : am.amendements(), cr.xmlBytes());
        return new WorkSnapshot(speeches, questions, presence, bills, declarations, amendments, dr.dossiers(),
                dr.dossierOfNumber(), dr.texts(), sittings, speechesP, questionsP, presenceP, billsP, dossiersP, agendaP, hatvpP,
                amendmentsP, contents);
    }
}
