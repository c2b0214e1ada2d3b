package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.opendata.testing.NaiveRecord;
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
import fr.civicgateway.core.parliament.work.Step;
import fr.civicgateway.core.parliament.work.StepKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figures computed from the real shipped archives, compared with counts of a deliberately naive reading of the
 * raw files ({@link NaiveRecord}: regular expressions over the XML, JSON and CSV text, nothing of the loader's code),
 * for deputies of several groups, bills at different stages, and a day's agenda.
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
    private static NaiveRecord naive;

    @BeforeAll
    static void load() {
        work = WorkLoader.ofShippedLayout(ShippedData.repositoryRoot().resolve("data")).load(ShippedData.snapshot());
        naive = NaiveRecord.read(DEPUTIES);
    }

    @Test
    void interventionsMatchANaiveCountForDeputiesOfSeveralGroups() {
        for (String uid : DEPUTIES) {
            Speeches s = work.speeches(uid);
            int[] n = naive.speeches.get(uid);
            assertThat(new int[] {s.interventions(), s.shortInterventions(), s.sittings()})
                    .as("interventions, short ones, sittings of %s", uid).containsExactly(n);
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
                    .containsExactly(naive.questions.get(uid));
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
    void committeePresenceMatchesANaiveCountOfTheRolls() {
        for (String uid : DEPUTIES) {
            CommitteePresence p = work.presence(uid);
            assertThat(new int[] {p.present(), p.absent(), p.excused()}).as("presence of %s", uid)
                    .containsExactly(naive.presence.get(uid));
        }
        assertThat(work.presence("PA720892").entries()).isPositive();
    }

    @Test
    void aDaysAgendaListsTheSittingsOfThatDayWithTheirDossiers() {
        LocalDate day = LocalDate.of(2026, 2, 17);
        List<AgendaSitting> sittings = work.agendaOn(day);
        List<String> seances = NaiveRecord.seancesOn(day);
        assertThat(sittings).extracting(AgendaSitting::uid).containsExactlyInAnyOrderElementsOf(seances);
        assertThat(seances).isNotEmpty();
        assertThat(sittings).allSatisfy(s -> assertThat(s.start().toLocalDate()).isEqualTo(day));
        assertThat(work.sittingsFrom(day.atStartOfDay(), 3)).hasSize(3).first().isEqualTo(sittings.get(0));
        assertThat(work.sittingsBefore(day.plusDays(1).atStartOfDay(), sittings.size())).isEqualTo(sittings);
        assertThat(work.sittingsBefore(LocalDateTime.MAX, 1)).singleElement()
                .isEqualTo(work.sittingsFrom(sittings.getLast().start(), Integer.MAX_VALUE).getLast());
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
        assertStage("DLR5L17N50172", StepKind.REJECTED, "2024-10-22", Step.Chamber.SENAT);
        assertStage("DLR5L17N50337", StepKind.WITHDRAWN, "2024-09-17", Step.Chamber.ASSEMBLEE);
        assertStage("DLR5L17N50195", StepKind.DEPOSITED, "2024-07-22", Step.Chamber.ASSEMBLEE);
        assertStage("DLR5L17N53284", StepKind.IN_SITTING, "2026-04-16", Step.Chamber.ASSEMBLEE);
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

    private static void assertStage(String uid, StepKind kind, String date, Step.Chamber chamber) {
        var stage = work.dossier(uid).orElseThrow().stage(work.dossiersProvenance().dataDate()).orElseThrow();
        assertThat(stage.kind()).as(uid).isEqualTo(kind);
        assertThat(stage.date()).as(uid).isEqualTo(LocalDate.parse(date));
        assertThat(stage.chamber()).as(uid).isEqualTo(chamber);
    }

    @Test
    void billsAuthoredMatchANaiveReadingOfTheInitiators() {
        for (String uid : DEPUTIES) {
            Bills b = work.bills(uid);
            // Organic and constitutional propositions ("Projet ou proposition de loi …") count too: at least the naive.
            assertThat(b.authored()).as("authored by %s", uid).isGreaterThanOrEqualTo(naive.authored.get(uid))
                    .isLessThanOrEqualTo(naive.authored.get(uid) + 3);
        }
        Bills vallaud = work.bills("PA719930");
        assertThat(vallaud.all()).isSortedAccordingTo((a, b) -> b.date().compareTo(a.date()));
    }

    @Test
    void hatvpDeclarationsAreThoseOfTheIndexWithTheDeputysPage() {
        for (String uid : DEPUTIES) {
            int rows = naive.declarationRows.get(uid);
            Declarations d = work.declarations(uid);
            assertThat(d.filed()).as("declarations of %s", uid).hasSize(rows);
            if (rows > 0) {
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
