package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.opendata.testing.ShippedData;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.parliament.work.AgendaSitting;
import fr.civicgateway.core.parliament.work.Bills;
import fr.civicgateway.core.parliament.work.CommitteePresence;
import fr.civicgateway.core.parliament.work.Declaration;
import fr.civicgateway.core.parliament.work.Declarations;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.parliament.work.Questions;
import fr.civicgateway.core.parliament.work.Speeches;
import fr.civicgateway.core.parliament.work.StepKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figures computed from the real shipped archives, compared with counts computed here by a deliberately naive
 * reading of the raw files (regular expressions over the XML and JSON text, nothing of the loader's code), for
 * deputies of several groups, bills at different stages, and a day's agenda.
 */
class WorkSnapshotTest {

    /**
     * Mathilde Panot (LFI-NFP), Tiffany Joncour (RN), Nadège Abomangoli (LFI-NFP, a vice-president who presides
     * sittings), Constance Le Grip (EPR), Yaël Braun-Pivet (EPR, the Assemblée's president), Laurent Wauquiez
     * (DR) and Boris Vallaud (SOC).
     */
    private static final List<String> DEPUTIES = List.of("PA720892", "PA841749", "PA795228", "PA345722", "PA721908",
            "PA267285", "PA719930");

    private static WorkSnapshot work;
    private static Map<String, int[]> naiveSpeeches; // interventions, short, sittings
    private static Map<String, int[]> naiveQuestions; // QG, QOSD

    @BeforeAll
    static void load() throws IOException {
        work = WorkLoader.ofShippedLayout(ShippedData.repositoryRoot().resolve("data")).load(ShippedData.snapshot());
        naiveComptesRendus();
    }

    private static final Pattern PARAGRAPH = Pattern.compile("<paragraphe\\b([^>]*)>(.*?)</paragraphe>", Pattern.DOTALL);
    private static final Pattern POINT = Pattern.compile("<point\\b[^>]*code_grammaire=\"(QG_|QOSD_)[^\"]*\"");

    private static void naiveComptesRendus() throws IOException {
        naiveSpeeches = new HashMap<>();
        naiveQuestions = new HashMap<>();
        for (String uid : DEPUTIES) {
            naiveSpeeches.put(uid, new int[3]);
            naiveQuestions.put(uid, new int[2]);
        }
        Path zipPath = ShippedData.assembleeDir().resolve("Comptes_rendus_L17/syseron.xml.zip");
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String xml = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                int contenu = xml.indexOf("<contenu>");
                String body = xml.substring(contenu);
                Set<String> spokeHere = new HashSet<>();
                Matcher m = PARAGRAPH.matcher(body);
                while (m.find()) {
                    String who = speaker(m.group(1), m.group(2));
                    if (who != null && naiveSpeeches.containsKey(who)) {
                        int[] c = naiveSpeeches.get(who);
                        c[0]++;
                        if (words(m.group(2)) <= 20) {
                            c[1]++;
                        }
                        spokeHere.add(who);
                    }
                }
                spokeHere.forEach(w -> naiveSpeeches.get(w)[2]++);
                // Questions: from each QG_/QOSD_ point to the next point, the first speaker who is not presiding,
                // not of the Government and not an interruption.
                Matcher q = POINT.matcher(body);
                while (q.find()) {
                    int end = body.indexOf("<point ", q.end());
                    String segment = body.substring(q.end(), end < 0 ? body.length() : end);
                    Matcher p = PARAGRAPH.matcher(segment);
                    while (p.find()) {
                        String who = speaker(p.group(1), p.group(2));
                        if (who == null || p.group(1).contains("code_grammaire=\"INTERRUPTION_")) {
                            continue;
                        }
                        if (naiveQuestions.containsKey(who)) {
                            naiveQuestions.get(who)[q.group(1).equals("QG_") ? 0 : 1]++;
                        }
                        break;
                    }
                }
            }
        }
    }

    /** The speaker an intervention counts for, or null (presiding, Government, stage direction). */
    private static String speaker(String attributes, String inner) {
        Matcher a = Pattern.compile("id_acteur=\"(PA\\d+)\"").matcher(attributes);
        if (!a.find() || attributes.contains("roledebat=\"president\"")
                || attributes.contains("id_mandat=\"-1\"") || attributes.contains("id_nomination_oe=\"PM")
                || inner.contains("<nom>M. le président</nom>") || inner.contains("<nom>Mme la présidente</nom>")) {
            return null;
        }
        return a.group(1);
    }

    private static int words(String inner) {
        int s = inner.indexOf("<texte");
        if (s < 0) {
            return 0;
        }
        String texte = inner.substring(inner.indexOf('>', s) + 1, inner.lastIndexOf("</texte>"));
        String plain = texte.replaceAll("(?s)<italique>.*?</italique>", " ").replace("<br/>", " ")
                .replaceAll("<[^>]+>", "").replace("&#160;", " ").replace("\u00a0", " ").replace("\u202f", " ");
        int n = 0;
        for (String token : plain.split("\\s+")) {
            if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void interventionsMatchANaiveCountForDeputiesOfSeveralGroups() {
        for (String uid : DEPUTIES) {
            Speeches s = work.speeches(uid);
            int[] naive = naiveSpeeches.get(uid);
            assertThat(new int[] {s.interventions(), s.shortInterventions(), s.sittings()})
                    .as("interventions, short ones, sittings of %s", uid).containsExactly(naive);
            assertThat(s.interventions()).as(uid).isPositive();
        }
        Speeches panot = work.speeches("PA720892");
        assertThat(panot.latest().date()).isBeforeOrEqualTo(LocalDate.of(2026, 4, 15));
        assertThat(panot.provenance().from()).isEqualTo(LocalDate.of(2024, 7, 18));
        assertThat(panot.provenance().dataDate()).isEqualTo(LocalDate.of(2026, 4, 15));
        assertThat(panot.provenance().method()).isEqualTo(Provenance.Method.SPEECHES);
    }

    @Test
    void questionsMatchANaiveCountByKind() {
        for (String uid : DEPUTIES) {
            Questions q = work.questions(uid);
            assertThat(new int[] {q.government(), q.oral()}).as("questions of %s", uid)
                    .containsExactly(naiveQuestions.get(uid));
        }
        Questions joncour = work.questions("PA841749");
        assertThat(joncour.all()).anySatisfy(q -> {
            assertThat(q.title()).isEqualTo("Mort de Quentin Deranque");
            assertThat(q.sitting().date()).isEqualTo(LocalDate.of(2026, 2, 17));
        });
    }

    @Test
    void aDeputyWhoNeverSpokeHasZeroWithTheSourcesPeriod() {
        Speeches none = work.speeches("PA0");
        assertThat(none.interventions()).isZero();
        assertThat(none.latest()).isNull();
        assertThat(none.provenance().dataDate()).isEqualTo(LocalDate.of(2026, 4, 15));
    }

    @Test
    void committeePresenceMatchesANaiveCountOfTheRolls() throws IOException {
        Set<String> friendship = new HashSet<>();
        Path organes = ShippedData.amo10().resolve("json/organe");
        try (var files = Files.list(organes)) {
            for (Path f : files.toList()) {
                String json = Files.readString(f);
                if (json.matches("(?s).*\"codeType\": \"(GA|GE|GEVI)\".*")) {
                    Matcher m = Pattern.compile("\"uid\": \"(PO\\d+)\"").matcher(json);
                    m.find();
                    friendship.add(m.group(1));
                }
            }
        }
        Map<String, int[]> naive = new HashMap<>();
        DEPUTIES.forEach(d -> naive.put(d, new int[3]));
        Pattern entry = Pattern.compile("\\{\"acteurRef\": \"(PA\\d+)\", \"presence\": \"([^\"]+)\"\\}");
        try (ZipFile zip = new ZipFile(ShippedData.assembleeDir().resolve("Agenda_L17/Agenda.json.zip").toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String json = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                if (json.contains("\"seance_type\"") || cancelled(json)) {
                    continue;
                }
                Matcher o = Pattern.compile("\"organeReuniRef\": \"(PO\\d+)\"").matcher(json);
                if (o.find() && friendship.contains(o.group(1))) {
                    continue;
                }
                Set<String> seen = new HashSet<>();
                Matcher m = entry.matcher(json);
                while (m.find()) {
                    if (naive.containsKey(m.group(1)) && seen.add(m.group(1))) {
                        String p = m.group(2);
                        naive.get(m.group(1))[p.startsWith("pr") ? 0 : p.startsWith("abs") ? 1 : 2]++;
                    }
                }
            }
        }
        for (String uid : DEPUTIES) {
            CommitteePresence p = work.presence(uid);
            assertThat(new int[] {p.present(), p.absent(), p.excused()}).as("presence of %s", uid)
                    .containsExactly(naive.get(uid));
        }
        assertThat(work.presence("PA720892").entries()).isPositive();
    }

    /** The réunion's own state is the first "etat" of the file (its points have states of their own after it). */
    private static boolean cancelled(String json) {
        Matcher m = Pattern.compile("\"etat\": \"([^\"]*)\"").matcher(json);
        return m.find() && (m.group(1).startsWith("Annul") || m.group(1).startsWith("Supprim"));
    }

    @Test
    void aDaysAgendaListsTheSittingsOfThatDayWithTheirDossiers() throws IOException {
        LocalDate day = LocalDate.of(2026, 2, 17);
        List<AgendaSitting> sittings = work.agendaOn(day);
        // Naive: the Assemblée's séances whose timeStampDebut is that day, not cancelled.
        List<String> naive = new ArrayList<>();
        try (ZipFile zip = new ZipFile(ShippedData.assembleeDir().resolve("Agenda_L17/Agenda.json.zip").toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                String json = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                if (json.contains("\"seance_type\"") && json.contains("\"organeReuniRef\": \"PO838901\"")
                        && json.contains("\"timeStampDebut\": \"2026-02-17T")
                        && !cancelled(json)) {
                    Matcher m = Pattern.compile("\"uid\": \"(RU[^\"]+)\"").matcher(json);
                    m.find();
                    naive.add(m.group(1));
                }
            }
        }
        assertThat(sittings).extracting(AgendaSitting::uid).containsExactlyInAnyOrderElementsOf(naive);
        assertThat(naive).isNotEmpty();
        assertThat(sittings).allSatisfy(s -> assertThat(s.start().toLocalDate()).isEqualTo(day));
        assertThat(work.sittingsFrom(day.atStartOfDay(), 3)).hasSize(3).first().isEqualTo(sittings.get(0));
    }

    @Test
    void billsAtDifferentStagesAreStagedByTheirLatestStepAndTheNextIsScheduled() {
        Dossier audiovisuel = work.dossier("DLR5L17N50168").orElseThrow();
        LocalDate dataDate = work.dossiersProvenance().dataDate();
        assertThat(dataDate).isEqualTo(LocalDate.of(2026, 4, 23));
        assertThat(audiovisuel.stage(dataDate).orElseThrow().kind()).isEqualTo(StepKind.PROMULGATED);
        assertThat(audiovisuel.stage(dataDate).orElseThrow().date()).isEqualTo(LocalDate.of(2024, 12, 13));
        assertThat(audiovisuel.scrutins()).contains(451);
        assertThat(work.dossiersOfScrutin(451)).extracting(Dossier::uid).contains("DLR5L17N50168");
        assertThat(audiovisuel.numbers()).contains(482);
        assertThat(work.findDossiers("482", 5)).extracting(Dossier::uid).containsExactly("DLR5L17N50168");
        assertThat(work.findDossiers("financement de l'audiovisuel public", 5)).extracting(Dossier::uid)
                .contains("DLR5L17N50168");
        // "Où en est la loi sur l'aide à mourir ?": the dossier is titled "Fin de vie", its proposition names it.
        assertThat(work.findDossiers("l'aide à mourir", 5)).extracting(Dossier::uid).contains("DLR5L17N51670");
        // Stages read by hand from the raw dossiers (the latest dated acte on or before 2026-04-23, the last of a day).
        assertStage("DLR5L17N50172", StepKind.REJECTED, "2024-10-22", "rejeté en séance (Sénat)");
        assertStage("DLR5L17N50337", StepKind.WITHDRAWN, "2024-09-17", "retiré (Assemblée nationale)");
        assertStage("DLR5L17N50195", StepKind.DEPOSITED, "2024-07-22", "déposé (Assemblée nationale)");
        assertStage("DLR5L17N53284", StepKind.IN_SITTING, "2026-04-16", "discuté en séance (Assemblée nationale)");
        // A step dated after the data is the next one, scheduled.
        assertThat(work.dossier("DLR5L17N53284").orElseThrow().next(dataDate).orElseThrow().date())
                .isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(audiovisuel.next(dataDate)).isEmpty();
    }

    @Test
    void theIndexedTitleSearchFindsWhatAFullScanFinds() {
        // Naive: every dossier whose folded title and texts hold each word (a word's start) or the whole phrase.
        for (String words : List.of("aide mourir", "fin de vie", "audiovisuel public", "finances", "de la")) {
            String folded = WorkSnapshot.fold(words);
            List<String> needles = java.util.Arrays.stream(folded.split(" ")).filter(w -> w.length() > 3).toList();
            List<String> all = needles.isEmpty() ? List.of(folded + " ") : needles;
            long naive = work.findDossiers(words, Integer.MAX_VALUE).size();
            long scanned = work.dossiersOfTitleScan(all);
            assertThat(naive).as(words).isEqualTo(scanned);
        }
        assertThat(work.findDossiers("fin de vie", 10)).extracting(Dossier::uid)
                .contains("DLR5L17N51670", "DLR5L17N52751", "DLR5L17N50366");
        assertThat(work.findDossiers("ornithorynques", 10)).isEmpty();
        // One short word alone is no search (the port's contract).
        assertThat(work.findDossiers("eau", 10)).isEmpty();
    }

    @Test
    void theLatestAdoptionsAndADossiersNextSittingOnTheAgenda() {
        LocalDate dataDate = work.dossiersProvenance().dataDate();
        List<fr.civicgateway.core.parliament.work.DossierStep> latest = work.latestAdoptions(5);
        assertThat(latest).hasSize(5);
        assertThat(latest).allSatisfy(a -> {
            assertThat(a.step().kind()).isIn(StepKind.ADOPTED, StepKind.PROMULGATED);
            assertThat(a.step().date()).isBeforeOrEqualTo(dataDate);
        });
        assertThat(latest).extracting(a -> a.step().date()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(latest).extracting(a -> a.dossier().uid()).doesNotHaveDuplicates();
        // No dossier has a later adoption or promulgation than the first listed.
        LocalDate newest = latest.getFirst().step().date();
        for (String uid : List.of("DLR5L17N50168", "DLR5L17N51670", "DLR5L17N53284")) {
            work.dossier(uid).orElseThrow().steps().stream()
                    .filter(st -> st.kind() == StepKind.ADOPTED || st.kind() == StepKind.PROMULGATED)
                    .filter(st -> !st.date().isAfter(dataDate))
                    .forEach(st -> assertThat(st.date()).isBeforeOrEqualTo(newest));
        }
        // The first sitting of 17 February 2026 names dossiers: each is found as on the agenda from that morning.
        AgendaSitting first = work.agendaOn(LocalDate.of(2026, 2, 17)).getFirst();
        first.items().stream().filter(i -> i.dossier() != null).forEach(i -> assertThat(
                work.nextSittingOf(i.dossier().uid(), LocalDate.of(2026, 2, 17).atStartOfDay())).contains(first));
        assertThat(work.nextSittingOf("DLR5L17N0", LocalDate.of(2024, 1, 1).atStartOfDay())).isEmpty();
        assertThat(work.sittingsBetween(LocalDate.of(2026, 2, 17).atStartOfDay(), LocalDate.of(2026, 2, 18)
                .atStartOfDay())).isEqualTo(work.agendaOn(LocalDate.of(2026, 2, 17)));
    }

    private static void assertStage(String uid, StepKind kind, String date, String words) {
        var stage = work.dossier(uid).orElseThrow().stage(work.dossiersProvenance().dataDate()).orElseThrow();
        assertThat(stage.kind()).as(uid).isEqualTo(kind);
        assertThat(stage.date()).as(uid).isEqualTo(LocalDate.parse(date));
        assertThat(stage.words()).as(uid).isEqualTo(words);
    }

    @Test
    void billsAuthoredMatchANaiveReadingOfTheInitiators() throws IOException {
        Map<String, Integer> naive = new HashMap<>();
        DEPUTIES.forEach(d -> naive.put(d, 0));
        try (ZipFile zip = new ZipFile(
                ShippedData.assembleeDir().resolve("Dossiers_Legislatifs_L17/Dossiers_Legislatifs.json.zip").toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.getName().startsWith("json/dossierParlementaire/")) {
                    continue;
                }
                String json = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                Matcher proc = Pattern.compile("\"procedureParlementaire\": \\{\"code\": \"[^\"]*\", \"libelle\": \"([^\"]*)\"")
                        .matcher(json);
                if (!proc.find() || !(proc.group(1).startsWith("Proposition de loi")
                        || proc.group(1).startsWith("R\\u00e9solution"))) {
                    continue;
                }
                int start = json.indexOf("\"initiateur\"");
                int end = json.indexOf("\"actesLegislatifs\"", start);
                if (start < 0) {
                    continue;
                }
                String initiators = json.substring(start, end < 0 ? json.length() : end);
                for (String uid : DEPUTIES) {
                    if (initiators.contains("\"acteurRef\": \"" + uid + "\"")) {
                        naive.merge(uid, 1, Integer::sum);
                    }
                }
            }
        }
        for (String uid : DEPUTIES) {
            Bills b = work.bills(uid);
            // Organic and constitutional propositions ("Projet ou proposition de loi …") count too: at least the naive.
            assertThat(b.authored()).as("authored by %s", uid).isGreaterThanOrEqualTo(naive.get(uid))
                    .isLessThanOrEqualTo(naive.get(uid) + 3);
        }
        Bills vallaud = work.bills("PA719930");
        assertThat(vallaud.all()).isSortedAccordingTo((a, b) -> b.date().compareTo(a.date()));
    }

    @Test
    void hatvpDeclarationsAreThoseOfTheIndexWithTheDeputysPage() throws IOException {
        List<String> lines = Files.readAllLines(ShippedData.repositoryRoot().resolve("data/hatvp/liste.csv"));
        for (String uid : DEPUTIES) {
            String bare = uid.substring(2);
            long naive = lines.stream().filter(l -> l.contains(";depute;") && l.endsWith(";" + bare + ";"
                    + l.substring(l.lastIndexOf(';') + 1))).count();
            Declarations d = work.declarations(uid);
            assertThat(d.filed()).as("declarations of %s", uid).hasSize((int) naive);
            if (naive > 0) {
                assertThat(d.hatvpPage()).startsWith("https://www.hatvp.fr/pages_nominatives/");
            }
        }
        assertThat(work.declarations("PA720892").latest(Declaration.Kind.INTERESTS)).isPresent();
    }

    @Test
    void amendmentsAreNotAvailableWithoutTheArchive() {
        assertThat(work.amendments("PA720892")).isEmpty();
    }
}
