package fr.civicgateway.core.record;

import static fr.civicgateway.core.fixtures.FakeParliamentData.PANOT;
import static fr.civicgateway.core.fixtures.FakeParliamentData.RUFFIN;
import static fr.civicgateway.core.record.RecordTurns.ask;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.fixtures.FakeAssemblyWork;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.work.BillRole;
import fr.civicgateway.core.parliament.work.Bills;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.parliament.work.Step;
import fr.civicgateway.core.parliament.work.StepKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code representative_bills}: counts, then the latest with their title and stage. */
class BillsHandlerTest {

    private final FakeAssemblyWork work = new FakeAssemblyWork();
    private final BillsHandler handler = new BillsHandler(new FakeParliamentData(), work,
            MethodLinks.at("https://civic.example.org"));

    private static Dossier dossier(String uid, String title, Step... steps) {
        return new Dossier(uid, title, "Proposition de loi ordinaire", true, List.of(), List.of(steps), List.of(),
                List.of());
    }

    private static Step step(String code, StepKind kind, Step.Chamber chamber, String day) {
        return new Step(code, kind, chamber, LocalDate.parse(day), null);
    }

    {
        Dossier eau = dossier("DLR5L17N1", "Garantir le droit à l'eau",
                step("AN1-DEPOT", StepKind.DEPOSITED, Step.Chamber.ASSEMBLEE, "2026-02-01"),
                step("AN1-DEBATS-DEC", StepKind.ADOPTED, Step.Chamber.ASSEMBLEE, "2026-03-05"),
                // After the data's date (23 April 2026): scheduled, not the stage.
                step("SN1-DEBATS-DEC", StepKind.ADOPTED, Step.Chamber.SENAT, "2026-05-10"));
        Dossier loyers = dossier("DLR5L17N2", "Encadrer les loyers",
                step("AN1-DEPOT", StepKind.DEPOSITED, Step.Chamber.ASSEMBLEE, "2025-11-03"));
        Dossier future = dossier("DLR5L17N3", "Une proposition sans étape datée");
        Dossier old = dossier("DLR5L17N4", "Une proposition plus ancienne",
                step("AN1-DEPOT", StepKind.DEPOSITED, Step.Chamber.ASSEMBLEE, "2024-09-01"));
        work.bills.put(PANOT, new Bills(3, 1, List.of(
                new BillRole(eau, true, LocalDate.of(2026, 2, 1)),
                new BillRole(loyers, false, LocalDate.of(2025, 11, 5)),
                new BillRole(future, true, LocalDate.of(2025, 6, 1)),
                new BillRole(old, true, LocalDate.of(2024, 9, 1))),
                FakeAssemblyWork.provenance(Provenance.Method.BILLS)));
    }

    @Test
    void countsThenTheTwoLatestAuthoredAndCosignedWithTitleAndStageInHerGender() {
        String a = ask(handler, Language.FR, "Quelles lois Mathilde Panot a déposées ?", PANOT, "Mathilde Panot");
        assertThat(a).startsWith("Mathilde Panot est autrice de 3 propositions de loi ou de résolution et cosignataire "
                + "d'une autre (dossiers législatifs déposés jusqu'au 23 avril 2026).\nDernières déposées :\n• 1er février "
                + "2026, autrice : « Garantir le droit à l'eau »");
        assertThat(a).contains("\nDernières cosignées :\n• 5 novembre 2025, cosignataire : « Encadrer les loyers »")
                .doesNotContain("Les plus récentes");
        assertThat(a).contains("• 1er février 2026, autrice : « Garantir le droit à l'eau » — adoptée en séance "
                + "(Assemblée nationale) le 5 mars 2026 : https://www.assemblee-nationale.fr/dyn/17/dossiers/DLR5L17N1");
        assertThat(a).contains("• 5 novembre 2025, cosignataire : « Encadrer les loyers » — déposée (Assemblée "
                + "nationale) le 3 novembre 2025");
        assertThat(a).contains("« Une proposition sans étape datée » — sans étape datée dans les données");
        assertThat(a).doesNotContain("plus ancienne", "Sénat");
        assertThat(a.indexOf("Une proposition sans étape datée")).as("authored before co-signed")
                .isLessThan(a.indexOf("Encadrer les loyers"));
        assertThat(a).contains("(données au 23 avril 2026). Méthode an-bills-1 : "
                + "https://civic.example.org/methodology#an-bills-1\n");
    }

    @Test
    void withoutTheAmendementsArchiveTheAnswerSaysItDoesNotHaveThemFirstWhenAskedAndGivesNoZero() {
        String a = ask(handler, Language.FR, "Combien d'amendements a déposé Mathilde Panot ?", PANOT, "Mathilde Panot");
        assertThat(a).startsWith("Je n'ai pas le nombre d'amendements de Mathilde Panot : cette version du service ne "
                + "charge pas l'archive des amendements de l'Assemblée (trop volumineuse) ; vous les trouverez sur sa "
                + "fiche : https://www.assemblee-nationale.fr/dyn/deputes/PA720892\nMathilde Panot est autrice de 3 ");
        assertThat(a).doesNotContain("0 amendement", "an-amendments-1");
        assertThat(ask(handler, Language.FR, "Combien d'amendements de Mathilde Panot ont été adoptés ?", PANOT,
                "Mathilde Panot")).startsWith("Je n'ai pas le nombre d'amendements de Mathilde Panot");
        assertThat(ask(handler, Language.EN, "How many amendments did Mathilde Panot table?", PANOT, "Mathilde Panot"))
                .startsWith("I do not have the number of Mathilde Panot's amendments: this version of the service does "
                        + "not load the Assemblée's amendments archive (too large); you will find them on her page: "
                        + "https://www.assemblee-nationale.fr/dyn/deputes/PA720892\nMathilde Panot is the author");
        // asked about bills, the amendments come after them
        assertThat(ask(handler, Language.FR, "Quelles lois Mathilde Panot a déposées ?", PANOT, "Mathilde Panot"))
                .startsWith("Mathilde Panot est autrice").endsWith("\nJe n'ai pas le nombre d'amendements de Mathilde "
                        + "Panot : cette version du service ne charge pas l'archive des amendements de l'Assemblée (trop "
                        + "volumineuse) ; vous les trouverez sur sa fiche : "
                        + "https://www.assemblee-nationale.fr/dyn/deputes/PA720892");
    }

    @Test
    void oneBillOrAmendmentIsSaidInWords() {
        work.bills.put(RUFFIN, new Bills(1, 1, List.of(new BillRole(dossier("DLR5L17N9", "Un seul texte"), true,
                LocalDate.of(2026, 1, 5)), new BillRole(dossier("DLR5L17N8", "Un texte cosigné"), false,
                LocalDate.of(2025, 12, 5))), FakeAssemblyWork.provenance(Provenance.Method.BILLS)));
        assertThat(ask(handler, Language.FR, "Les propositions de loi de François Ruffin ?", RUFFIN, "François Ruffin"))
                .startsWith("François Ruffin est auteur d'une proposition de loi ou de résolution et cosignataire "
                        + "d'une autre (");
        work.amendmentsArchive = java.util.Map.of(RUFFIN, new fr.civicgateway.core.parliament.work.Amendments(
                1, 1, 1, work.amendmentsProvenance));
        assertThat(ask(handler, Language.FR, "Les amendements de François Ruffin ?", RUFFIN, "François Ruffin"))
                .startsWith("Amendements : François Ruffin est auteur d'un amendement, dont 1 adopté, et cosignataire "
                        + "d'un autre (");
    }

    @Test
    void withTheAmendementsArchiveTheCountsComeWithTheirPeriodSourceAndMethod() {
        work.amendmentsArchive = java.util.Map.of(PANOT, new fr.civicgateway.core.parliament.work.Amendments(
                1234, 5678, 12, work.amendmentsProvenance));
        String a = ask(handler, Language.FR, "Combien d'amendements a déposé Mathilde Panot ?", PANOT, "Mathilde Panot");
        assertThat(a).startsWith("Amendements : Mathilde Panot est autrice de 1 234 amendements, dont 12 adoptés, et "
                + "cosignataire de 5 678 autres (amendements déposés du 1er octobre 2024 au 20 avril 2026). Source : "
                + "Assemblée nationale, amendements, https://www.assemblee-nationale.fr/dyn/17/amendements (données au "
                + "20 avril 2026). Méthode an-amendments-1 : https://civic.example.org/methodology#an-amendments-1\n");
        assertThat(ask(handler, Language.EN, "How many amendments did Mathilde Panot table?", PANOT, "Mathilde Panot"))
                .startsWith("Amendments: Mathilde Panot tabled 1,234 amendments (12 were adopted); she also co-signed "
                        + "5,678 others (amendments deposited from 1 October 2024 to 20 April 2026). Source: Assemblée "
                        + "nationale, amendements, https://www.assemblee-nationale.fr/dyn/17/amendements (data as of "
                        + "20 April 2026). Method an-amendments-1: https://civic.example.org/methodology#an-amendments-1\n");
        // A deputy the loaded archive never names: zero is then a fact of the archive, said with its period.
        assertThat(ask(handler, Language.FR, "Les amendements de François Ruffin ?", RUFFIN, "François Ruffin"))
                .contains("Amendements : François Ruffin est auteur de 0 amendement, dont 0 adopté, et cosignataire "
                        + "de 0 autre (amendements déposés du 1er octobre 2024 au 20 avril 2026).");
    }

    @Test
    void aDeputyWithNoBill() {
        assertThat(ask(handler, Language.FR, "Les propositions de loi de François Ruffin ?", RUFFIN, "François Ruffin"))
                .startsWith("Jusqu'au 23 avril 2026, François Ruffin n'a déposé ni cosigné aucune proposition de loi "
                        + "ou de résolution");
    }

    @Test
    void answersInEnglish() {
        String a = ask(handler, Language.EN, "Which bills did Mathilde Panot table?", PANOT, "Mathilde Panot");
        assertThat(a).startsWith("Mathilde Panot is the author of 3 propositions de loi or de résolution (bills or "
                + "motions for a resolution) and co-signed 1 other (dossiers législatifs deposited up to 23 April 2026).\n"
                + "Latest tabled:\n• 1 February 2026");
        assertThat(a).contains("• 1 February 2026, author: \"Garantir le droit à l'eau\" — adopted in the chamber "
                + "(Assemblée nationale) on 5 March 2026");
        assertThat(a).contains("(data as of 23 April 2026). Method an-bills-1:");
    }
}
