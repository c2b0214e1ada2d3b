package fr.civicgateway.core.assembly;

import static fr.civicgateway.core.assembly.AssemblyTurns.dossier;
import static fr.civicgateway.core.assembly.AssemblyTurns.payloads;
import static fr.civicgateway.core.assembly.AssemblyTurns.step;
import static fr.civicgateway.core.assembly.AssemblyTurns.text;
import static fr.civicgateway.core.assembly.AssemblyTurns.titles;
import static fr.civicgateway.core.assembly.AssemblyTurns.turn;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.fixtures.FakeAssemblyWork;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.work.AgendaItem;
import fr.civicgateway.core.parliament.work.AgendaSitting;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.Step.Chamber;
import fr.civicgateway.core.parliament.work.StepKind;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code legislative_work}: the texts on the agenda around today, the latest adoptions, and stale data said so. */
class LegislativeWorkHandlerTest {

    private static final MethodLinks METHODS = MethodLinks.at("https://civic.example.org");

    private final FakeAssemblyWork work = withTheTestAgenda(new FakeAssemblyWork());
    private final LegislativeWorkHandler handler = new LegislativeWorkHandler(work, ZoneId.of("Europe/Paris"), METHODS);

    private final Dossier aideAMourir = dossier("DLR5L17N51670", "Droit à l'aide à mourir", List.of(), List.of(),
            step("AN1-DEPOT", StepKind.DEPOSITED, Chamber.ASSEMBLEE, "2025-03-11"),
            step("AN2-DEBATS-DEC", StepKind.ADOPTED, Chamber.ASSEMBLEE, "2026-02-25", "adoptée"),
            step("SN2-DEPOT", StepKind.DEPOSITED, Chamber.SENAT, "2026-02-25"));
    private final Dossier narcotrafic = dossier("DLR5L17N50800", "Sortir la France du piège du narcotrafic",
            List.of(), List.of(), step("SN1-DEBATS-DEC", StepKind.ADOPTED, Chamber.SENAT, "2025-01-28", "adoptée"),
            step("PROM-PUB", StepKind.PROMULGATED, Chamber.OTHER, "2025-06-13"));
    private final Dossier loyers = dossier("DLR5L17N53000", "Encadrer les loyers", List.of(), List.of(),
            step("AN1-DEPOT", StepKind.DEPOSITED, Chamber.ASSEMBLEE, "2025-11-03"),
            // After the dossiers' date: not an adoption yet.
            step("AN1-DEBATS-DEC", StepKind.ADOPTED, Chamber.ASSEMBLEE, "2026-05-05", "adoptée"));
    private final Dossier eau = dossier("DLR5L17N53100", "Garantir le droit à l'eau", List.of(), List.of(),
            step("SN1-DEBATS-DEC", StepKind.ADOPTED, Chamber.SENAT, "2026-04-20", "adoptée"));

    {
        work.dossiers.addAll(List.of(aideAMourir, narcotrafic, loyers, eau));
        sitting("2026-04-21T15:00", new AgendaItem("Questions au Gouvernement", null),
                new AgendaItem("Discussion", aideAMourir));
        sitting("2026-04-22T21:30", new AgendaItem("Suite de la discussion", aideAMourir));
        sitting("2026-04-28T15:00", new AgendaItem("Discussion", loyers));
        // Long before the week asked about.
        sitting("2026-03-03T15:00", new AgendaItem("Discussion", eau));
    }

    private void sitting(String start, AgendaItem... items) {
        work.sittings.add(new AgendaSitting("RUANR5L17S" + start, LocalDateTime.parse(start), "Confirmé",
                List.of(items)));
    }

    private Answer ask(Language lang, String text, Instant now) {
        return handler.handle(turn(Intent.LEGISLATIVE_WORK, lang, text, now, ConversationState.start(lang, now)));
    }

    @Test
    void theTextsOnTheAgendaAroundTodayThenTheLatestAdoptionsWithTheDateOfEachSource() {
        Answer a = ask(Language.FR, "Quels textes sont examinés cette semaine ?", AssemblyTurns.NOW);

        assertThat(text(a)).isEqualTo("""
                Textes à l'ordre du jour des séances publiques du 19 avril 2026 au 3 mai 2026 (agenda au 15 avril 2026) :
                • « Droit à l'aide à mourir » : 2 séances à partir du 21/04/2026
                • « Encadrer les loyers » : séance du 28/04/2026
                Derniers textes adoptés ou promulgués (dossiers législatifs au 23 avril 2026) :
                • 20/04/2026 : « Garantir le droit à l'eau » — adopté par le Sénat
                • 25/02/2026 : « Droit à l'aide à mourir » — adopté par l'Assemblée nationale
                • 13/06/2025 : « Sortir la France du piège du narcotrafic » — promulgué
                Sources : test, https://example.org (données au 15 avril 2026) ; Assemblée nationale, dossiers \
                législatifs, https://data.assemblee-nationale.fr/travaux-parlementaires/dossiers-legislatifs (données \
                au 23 avril 2026). Méthode an-bill-stage-1 : https://civic.example.org/methodology#an-bill-stage-1""");
        assertThat(titles(a)).containsExactly("Droit à l'aide à mourir", "Encadrer les loyers",
                "Garantir le droit à l'eau", "Sortir la France du piège du narcotrafic");
        assertThat(payloads(a).getFirst()).isEqualTo("Où en est le dossier DLR5L17N51670 ?");
        assertThat(a.state().pendingChoice().intent()).isEqualTo(Intent.BILL_STATUS);
    }

    @Test
    void dataOlderThanTheWeekAskedAboutIsSaidSoAndTheLastWeekItHasIsGiven() {
        Answer a = ask(Language.FR, "Quels textes sont examinés cette semaine ?", Instant.parse("2026-12-07T09:00:00Z"));

        assertThat(text(a)).startsWith("L'agenda chargé (au 15 avril 2026) n'inscrit aucun texte en séance publique du "
                + "30 novembre 2026 au 14 décembre 2026 : je n'ai pas les débats de cette période. Les derniers qu'il "
                + "donne, du 22 avril 2026 au 28 avril 2026 :\n"
                + "• « Droit à l'aide à mourir » : séance du 22/04/2026\n"
                + "• « Encadrer les loyers » : séance du 28/04/2026\n"
                + "Les dossiers législatifs chargés s'arrêtent au 23 avril 2026 : je n'ai pas les adoptions plus "
                + "récentes. Les derniers textes adoptés ou promulgués qu'ils donnent :\n"
                + "• 20/04/2026 : « Garantir le droit à l'eau »");
        assertThat(text(a)).doesNotContain("Textes à l'ordre du jour des séances publiques du");
    }

    @Test
    void anAgendaWithoutTextsAndDossiersWithoutAdoptionSaySo() {
        FakeAssemblyWork empty = withTheTestAgenda(new FakeAssemblyWork());
        String a = text(new LegislativeWorkHandler(empty, ZoneId.of("Europe/Paris"), METHODS).handle(turn(
                Intent.LEGISLATIVE_WORK, Language.FR, "Quoi de neuf à l'Assemblée ?")));
        assertThat(a).startsWith("L'agenda chargé (au 15 avril 2026) n'inscrit aucun texte en séance publique.\n"
                + "Les dossiers législatifs chargés (au 23 avril 2026) ne donnent aucun texte adopté ni promulgué.\n"
                + "Sources : ");
    }

    @Test
    void answersInEnglish() {
        Answer a = ask(Language.EN, "What is the Assemblée working on this week?", AssemblyTurns.NOW);
        assertThat(text(a)).startsWith("Texts on the agenda of the sittings (séances publiques) from 19 April 2026 to "
                + "3 May 2026 (agenda as of 15 April 2026):\n• \"Droit à l'aide à mourir\": 2 sittings from ")
                .contains("Latest texts adopted or promulgated (dossiers législatifs as of 23 April 2026):",
                        "\"Garantir le droit à l'eau\" — adopted by the Sénat", "— promulgated",
                        "Method an-bill-stage-1");
    }

    /** The agenda these tests were written against: data to 15 April 2026, from a test source. */
    private static FakeAssemblyWork withTheTestAgenda(FakeAssemblyWork w) {
        w.agendaProvenance = FakeAssemblyWork.provenance(fr.civicgateway.core.parliament.work.Provenance.Method.AGENDA);
        return w;
    }
}
