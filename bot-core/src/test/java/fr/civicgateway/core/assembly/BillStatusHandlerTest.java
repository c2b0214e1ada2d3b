package fr.civicgateway.core.assembly;

import static fr.civicgateway.core.assembly.AssemblyTurns.dossier;
import static fr.civicgateway.core.assembly.AssemblyTurns.mention;
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
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
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

/** {@code bill_status}: a bill found by its title, its number, a scrutin or its uid; its stage, scrutins, next step. */
class BillStatusHandlerTest {

    private static final MethodLinks METHODS = MethodLinks.at("https://civic.example.org");

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final FakeAssemblyWork work = withTheTestAgenda(new FakeAssemblyWork());
    private final BillStatusHandler handler = new BillStatusHandler(new FakeParliamentData(), work, PARIS, METHODS);

    private final Dossier aideAMourir = dossier("DLR5L17N51670", "Droit à l'aide à mourir", List.of(1100, 2401),
            // 3700 is in the votes loaded; 5729 is newer than them.
            List.of(3700, 5729),
            step("AN1-DEPOT", StepKind.DEPOSITED, Chamber.ASSEMBLEE, "2025-03-11"),
            step("AN1-DEBATS-DEC", StepKind.ADOPTED, Chamber.ASSEMBLEE, "2025-05-27", "adoptée"),
            step("SN1-DEPOT", StepKind.DEPOSITED, Chamber.SENAT, "2025-05-27"),
            step("SN1-DEBATS-DEC", StepKind.REJECTED, Chamber.SENAT, "2026-01-28", "rejetée"),
            step("AN2-DEPOT", StepKind.DEPOSITED, Chamber.ASSEMBLEE, "2026-01-28"),
            step("AN2-DEBATS-DEC", StepKind.ADOPTED, Chamber.ASSEMBLEE, "2026-02-25", "adoptée"),
            step("SN2-COM-FOND-SAISIE", StepKind.SENT_TO_COMMITTEE, Chamber.SENAT, "2026-02-25"),
            // After the data's date (23 April 2026): scheduled, the next step.
            step("SN2-DEBATS-DEC", StepKind.DECIDED, Chamber.SENAT, "2026-05-12"));
    private final Dossier finDeVie = dossier("DLR5L17N52751", "Garantir le droit à une fin de vie sans souffrance",
            List.of(1500), List.of(), step("AN1-DEPOT", StepKind.DEPOSITED, Chamber.ASSEMBLEE, "2025-06-03"));
    private final Dossier accompagnement = dossier("DLR5L17N50366", "Accompagnement des malades et de la fin de vie",
            List.of(), List.of(3876, 4000), step("AN1-DEPOT", StepKind.DEPOSITED, Chamber.ASSEMBLEE, "2024-10-01"),
            step("AN1-DEBATS-DEC", StepKind.ADOPTED, Chamber.ASSEMBLEE, "2025-01-15", "adoptée"));
    private final Dossier narcotrafic = dossier("DLR5L17N50800", "Sortir la France du piège du narcotrafic",
            List.of(907), List.of(4000),
            step("SN1-DEPOT", StepKind.DEPOSITED, Chamber.SENAT, "2024-11-20"),
            step("CMP-DEC", StepKind.JOINT_COMMITTEE, Chamber.BOTH, "2025-04-10", "Accord"),
            step("CC-CONCLUSION", StepKind.CONSTITUTIONAL_COUNCIL, Chamber.OTHER, "2025-06-12", "Conforme"),
            step("PROM-PUB", StepKind.PROMULGATED, Chamber.OTHER, "2025-06-13"));
    private final Dossier loyers = dossier("DLR5L17N53000", "Encadrer les loyers", List.of(482), List.of(),
            step("AN1-DEPOT", StepKind.DEPOSITED, Chamber.ASSEMBLEE, "2025-11-03"));

    {
        work.dossiers.addAll(List.of(aideAMourir, finDeVie, accompagnement, narcotrafic, loyers));
        work.sittings.add(new AgendaSitting("RUANR5L17S2026IDS1", LocalDateTime.parse("2026-05-05T15:00"), "Confirmé",
                List.of(new AgendaItem("Questions au Gouvernement", null), new AgendaItem("Discussion", loyers))));
        // Before the dossiers' date: not a next step.
        work.sittings.add(new AgendaSitting("RUANR5L17S2026IDS0", LocalDateTime.parse("2026-04-02T15:00"), "Confirmé",
                List.of(new AgendaItem("Discussion", aideAMourir))));
    }

    private Answer ask(Language lang, String text, EntityMention... entities) {
        return handler.handle(turn(Intent.BILL_STATUS, lang, text, entities));
    }

    @Test
    void aBillFoundByItsTitleWordsGivesItsStageDatesScrutinsNextStepLinkAndMethod() {
        String q = "Où en est la loi sur l'aide à mourir ?";
        Answer a = ask(Language.FR, q, mention(EntityType.TOPIC, "aide à mourir", q, "aide à mourir"));

        assertThat(text(a)).isEqualTo("""
                « Droit à l'aide à mourir » (Proposition de loi ordinaire) — dernière étape connue : renvoyé en \
                commission au Sénat, le 25 février 2026.
                Textes de l'Assemblée n° 1100, 2401.
                Déposé le 11 mars 2025.
                Les 2 scrutins publics sur ce texte, les plus récents d'abord : n° 5729, n° 3700. Le résultat \
                d'un de ces scrutins n'est pas encore dans les données des votes (scrutins au 21 novembre 2025).
                Prochaine étape déjà datée : décision en séance au Sénat, le 12 mai 2026.
                Le dossier : https://www.assemblee-nationale.fr/dyn/17/dossiers/DLR5L17N51670
                Source : Assemblée nationale, dossiers législatifs, \
                https://data.assemblee-nationale.fr/travaux-parlementaires/dossiers-legislatifs (données au \
                23 avril 2026). Méthode an-bill-stage-1 : https://civic.example.org/methodology#an-bill-stage-1""");
        assertThat(titles(a)).containsExactly("Scrutin n° 3700");
        assertThat(payloads(a)).containsExactly("Résultat du scrutin 3700");
    }

    @Test
    void severalCandidatesGetAQuestionBackWithOneQuickReplyEachAndThePickIsAnswered() {
        String q = "Où en est la loi sur la fin de vie ?";
        Answer a = ask(Language.FR, q, mention(EntityType.TOPIC, "fin de vie", q, "fin de vie"));

        assertThat(text(a)).isEqualTo("""
                Plusieurs dossiers législatifs correspondent à « fin de vie ». Lequel ?
                • « Garantir le droit à une fin de vie sans souffrance » — déposé à l'Assemblée nationale, le 3 juin 2025
                • « Accompagnement des malades et de la fin de vie » — adopté en séance à l'Assemblée nationale, le \
                15 janvier 2025""");
        assertThat(titles(a)).containsExactly("Garantir le droit à une fin de vie sans…",
                "Accompagnement des malades et de la fin de vie");
        // A text's number that leads back to the dossier alone, else its uid.
        assertThat(payloads(a)).containsExactly("Où en est le texte n° 1500 ?",
                "Où en est le dossier DLR5L17N50366 ?");
        ConversationState asked = a.state();
        assertThat(asked.pendingChoice().intent()).isEqualTo(Intent.BILL_STATUS);
        assertThat(asked.pendingChoice().options().get(1).entity().value()).isEqualTo("DLR5L17N50366");

        // The dialogue answers the pick with the option's entity.
        String pick = "Où en est le dossier DLR5L17N50366 ?";
        Answer picked = handler.handle(turn(Intent.BILL_STATUS, Language.FR, pick, AssemblyTurns.NOW, asked,
                asked.pendingChoice().options().get(1).entity()));
        assertThat(text(picked)).startsWith("« Accompagnement des malades et de la fin de vie » (Proposition de loi "
                + "ordinaire) — dernière étape connue : adopté en séance à l'Assemblée nationale, le 15 janvier 2025.");
    }

    @Test
    void noBillMatchingSaysSoAndHowToAsk() {
        String q = "Où en est la loi sur les ornithorynques ?";
        assertThat(text(ask(Language.FR, q, mention(EntityType.TOPIC, "ornithorynques", q, "ornithorynques"))))
                .isEqualTo("Je ne trouve aucun dossier législatif dont le titre contienne « ornithorynques » (dossiers "
                        + "au 23 avril 2026). Essayez d'autres mots du titre, le numéro du texte (« où en est le texte "
                        + "n° 482 ? ») ou un scrutin (« et le texte du scrutin 3876 ? »).");
        assertThat(text(ask(Language.FR, "Où en est ce projet de loi ?"))).startsWith("De quel texte parlez-vous ?");
    }

    @Test
    void aTextNumberIsTheTextsDossierEvenWhenTheExtractorTookItForAScrutin() {
        String q = "Où en est le texte n° 482 ?";
        Answer a = ask(Language.FR, q, mention(EntityType.SCRUTIN, "482", q, "482"));

        assertThat(text(a)).startsWith("« Encadrer les loyers » (Proposition de loi ordinaire) — dernière étape "
                + "connue : déposé à l'Assemblée nationale, le 3 novembre 2025.\nTexte de l'Assemblée n° 482.\n"
                + "Déposé le 3 novembre 2025.\nAucun scrutin public de l'Assemblée n'est rattaché à ce dossier.\n"
                + "Prochaine étape prévue : le texte est inscrit à l'ordre du jour de la séance publique du 5 mai 2026 "
                + "(agenda au 15 avril 2026).\n");
        assertThat(titles(a)).isEmpty();
        assertThat(text(ask(Language.FR, "Où en est le texte n° 9999 ?"))).isEqualTo("Aucun dossier législatif chargé "
                + "ne contient de texte de l'Assemblée n° 9999 (données au 23 avril 2026).");
    }

    @Test
    void theTextOfAScrutinNamedOrOfTheConversationsLastScrutin() {
        String q = "Et le texte du scrutin 3876 ?";
        assertThat(text(ask(Language.FR, q, mention(EntityType.SCRUTIN, "3876", q, "3876"))))
                .startsWith("« Accompagnement des malades et de la fin de vie »");

        ConversationState afterAScrutin = ConversationState.start(Language.FR, AssemblyTurns.NOW).withScrutin(3876);
        Answer a = handler.handle(turn(Intent.BILL_STATUS, Language.FR, "et ce texte ?", AssemblyTurns.NOW,
                afterAScrutin));
        assertThat(text(a)).startsWith("« Accompagnement des malades et de la fin de vie »")
                .contains("Les 2 scrutins publics sur ce texte, les plus récents d'abord : n° 4000, n° 3876.");
    }

    @Test
    void aScrutinOnSeveralDossiersAsksWhichAndOneOnNoneSaysSo() {
        String q = "le texte du scrutin 4000 ?";
        Answer several = ask(Language.FR, q, mention(EntityType.SCRUTIN, "4000", q, "4000"));
        assertThat(text(several)).startsWith("Le scrutin n° 4000 porte sur plusieurs dossiers législatifs. Lequel ?");
        assertThat(payloads(several)).containsExactly("Où en est le dossier DLR5L17N50366 ?",
                "Où en est le texte n° 907 ?");

        String none = "le texte du scrutin 4100 ?";
        Answer a = ask(Language.FR, none, mention(EntityType.SCRUTIN, "4100", none, "4100"));
        assertThat(text(a)).isEqualTo("Aucun dossier législatif ne rattache le scrutin n° 4100 dans les données "
                + "(dossiers au 23 avril 2026) : il porte peut-être sur une motion ou un texte hors dossier.");
        assertThat(payloads(a)).containsExactly("Résultat du scrutin 4100");
    }

    @Test
    void aPromulgatedLawSaysSoWithTheDecisionsOwnWords() {
        String q = "la loi sur le narcotrafic est-elle promulguée ?";
        Answer a = ask(Language.FR, q, mention(EntityType.TOPIC, "narcotrafic", q, "narcotrafic"));
        assertThat(text(a)).startsWith("« Sortir la France du piège du narcotrafic » (Proposition de loi ordinaire) — "
                + "dernière étape connue : promulgué, le 13 juin 2025.").contains("Déposé le 20 novembre 2024.",
                "Aucune étape suivante n'est prévue dans les données (dossiers au 23 avril 2026, agenda au 15 avril 2026).");
    }

    @Test
    void aDossierUidIsAnsweredAndAnUnknownOneSaidSo() {
        assertThat(text(ask(Language.FR, "Où en est le dossier DLR5L17N50800 ?")))
                .startsWith("« Sortir la France du piège du narcotrafic »");
        assertThat(text(ask(Language.FR, "Où en est le dossier DLR5L17N1 ?"))).isEqualTo("Je ne trouve pas le dossier "
                + "DLR5L17N1 parmi les dossiers législatifs chargés (données au 23 avril 2026).");
    }

    @Test
    void anAgendaSittingAlreadyGoneIsNotPresentedAsToCome() {
        Instant june = Instant.parse("2026-06-01T10:00:00Z");
        Answer a = handler.handle(turn(Intent.BILL_STATUS, Language.FR, "Où en est le texte n° 482 ?", june,
                ConversationState.start(Language.FR, june)));
        assertThat(text(a)).contains("Après la date des dossiers, le texte était inscrit à l'ordre du jour de la séance "
                + "publique du 5 mai 2026 (agenda au 15 avril 2026) : son issue n'est pas encore dans les données.")
                .doesNotContain("Prochaine étape prévue");
    }

    @Test
    void answersInEnglishAndFindsFrenchTitlesFromEnglishNames() {
        String q = "Where is the bill on end of life?";
        Answer a = ask(Language.EN, q, mention(EntityType.TOPIC, "end of life", q, "end of life"));
        assertThat(text(a)).startsWith("Several dossiers législatifs match \"fin de vie\". Which one?\n"
                + "• \"Garantir le droit à une fin de vie sans souffrance\" — deposited at the Assemblée nationale on ");

        String assisted = "Where does the assisted dying bill stand?";
        assertThat(text(ask(Language.EN, assisted))).startsWith("\"Droit à l'aide à mourir\" (Private member's bill) "
                + "— latest known step: sent to committee at the Sénat on 25 February 2026.\n"
                + "Assemblée texts no. 1100, 2401.\nDeposited on 11 March 2025.\n"
                + "The 2 public scrutins on this text, latest first: no. 5729, no. 3700.")
                .endsWith("(data as of 23 April 2026). Method an-bill-stage-1: https://civic.example.org/methodology#an-bill-stage-1");
    }

    private static Dossier projet(String uid, String title, String procedure, List<Integer> numbers,
                                  List<Integer> scrutins, fr.civicgateway.core.parliament.work.Step... steps) {
        return new Dossier(uid, title, procedure, false, numbers, List.of(steps), scrutins, List.of());
    }

    /** PLF 2026: a rapporteur named in June, the bill deposited on 14 October, nothing linked to scrutin 450. */
    private final Dossier plf2026 = projet("DLR5L17N52428", "Projet de loi de finances pour 2026",
            "Projet de loi de finances de l'année", List.of(1906), List.of(),
            step("AN1-COM-FOND-NOMIN", StepKind.COMMITTEE, Chamber.ASSEMBLEE, "2025-06-03"),
            step("AN1-DEPOT", StepKind.DEPOSITED, Chamber.ASSEMBLEE, "2025-10-14"),
            step("AN1-COM-FOND-SAISIE", StepKind.SENT_TO_COMMITTEE, Chamber.ASSEMBLEE, "2025-10-14"));
    private final Dossier plf2025 = projet("DLR5L17N50000", "Projet de loi de finances pour 2025",
            "Projet de loi de finances de l'année", List.of(324), List.of(),
            step("AN1-DEPOT", StepKind.DEPOSITED, Chamber.ASSEMBLEE, "2024-10-10"),
            step("PROM-PUB", StepKind.PROMULGATED, Chamber.OTHER, "2025-02-14"));
    private final Dossier plfss2026 = projet("DLR5L17N52429", "Projet de loi de financement de la sécurité sociale "
            + "pour 2026", "Projet de loi de financement de la sécurité sociale", List.of(1907), List.of(),
            step("AN1-DEPOT", StepKind.DEPOSITED, Chamber.ASSEMBLEE, "2025-10-14"),
            step("AN1-DEBATS-DEC", StepKind.ADOPTED, Chamber.ASSEMBLEE, "2025-12-16", "adopté"));

    @Test
    void theDepositIsTheTextsDepositNotAnEarlierRapporteursNomination() {
        work.dossiers.add(plf2026);
        assertThat(text(ask(Language.FR, "Où en est le dossier DLR5L17N52428 ?")))
                .contains("\nDéposé le 14 octobre 2025.\n").doesNotContain("3 juin 2025");
        // Without a -DEPOT act, the earliest step.
        work.dossiers.add(projet("DLR5L17N49000", "Une mission", "Mission d'information", List.of(), List.of(),
                step("AN20-MISINF-CREA", StepKind.OTHER, Chamber.ASSEMBLEE, "2024-12-03"),
                step("AN20-RAPPORT", StepKind.OTHER, Chamber.ASSEMBLEE, "2025-07-09")));
        assertThat(text(ask(Language.FR, "Où en est le dossier DLR5L17N49000 ?")))
                .contains("Déposé le 3 décembre 2024.")
                // A dossier of no procedural step keeps its latest step as its stage.
                .contains("dernière étape connue : étape de la procédure à l'Assemblée nationale, le 9 juillet 2025.");
    }

    @Test
    void aReportOnAPromulgatedLawsApplicationIsNotItsStage() {
        work.dossiers.add(projet("DLR5L16N47509", "Programmation militaire pour les années 2024 à 2030",
                "Projet de loi ordinaire", List.of(), List.of(),
                step("AN1-DEPOT", StepKind.DEPOSITED, Chamber.ASSEMBLEE, "2023-04-04"),
                step("PROM-PUB", StepKind.PROMULGATED, Chamber.OTHER, "2023-08-01"),
                step("AN-APPLI-RAPPORT", StepKind.OTHER, Chamber.ASSEMBLEE, "2025-09-30"),
                // A report dated after the data is no next step either.
                step("AN-APPLI-RAPPORT", StepKind.OTHER, Chamber.ASSEMBLEE, "2026-09-30")));
        String a = text(ask(Language.FR, "Où en est le dossier DLR5L16N47509 ?"));
        assertThat(a).contains("— dernière étape connue : promulgué, le 1er août 2023.")
                .doesNotContain("étape de la procédure").doesNotContain("Prochaine étape déjà datée");
    }

    @Test
    void aYearAskedMustBeInTheTitle() {
        work.dossiers.addAll(List.of(plf2026, plf2025));
        String q = "Où en est le projet de loi de finances pour 2027 ?";
        assertThat(text(ask(Language.FR, q))).startsWith("Je ne trouve aucun dossier législatif dont le titre "
                + "contienne « finances 2027 » (dossiers au 23 avril 2026).");
        assertThat(text(ask(Language.FR, "Où en est le projet de loi de finances pour 2025 ?")))
                .startsWith("« Projet de loi de finances pour 2025 » (Projet de loi de finances de l'année) — dernière "
                        + "étape connue : promulgué, le 14 février 2025.");
    }

    @Test
    void aScrutinLinkedToNoDossierFallsBackOnTheOneDossierItsTitleNames() {
        work.dossiers.addAll(List.of(plf2026, plf2025, plfss2026));
        // Scrutin 450: "l'ensemble du projet de loi de finances pour 2025 (première lecture)."
        String q = "et le texte du scrutin 450 ?";
        Answer a = ask(Language.FR, q, mention(EntityType.SCRUTIN, "450", q, "450"));
        assertThat(text(a)).startsWith("Aucun dossier législatif ne rattache le scrutin n° 450 dans les données "
                + "(dossiers au 23 avril 2026) ; son titre nomme ce texte, retrouvé par son titre :\n"
                + "« Projet de loi de finances pour 2025 »");

        // Two dossiers named alike: no guess.
        work.dossiers.add(projet("DLR5L17N50001", "Projet de loi de finances pour 2025 (nouvelle lecture)",
                "Projet de loi de finances de l'année", List.of(), List.of()));
        assertThat(text(ask(Language.FR, q, mention(EntityType.SCRUTIN, "450", q, "450"))))
                .startsWith("Aucun dossier législatif ne rattache le scrutin n° 450 dans les données (dossiers au "
                        + "23 avril 2026) : il porte peut-être sur une motion ou un texte hors dossier.");
    }

    @Test
    void theScrutinsAllMissingTheNumbersSortedAndAStepToComeWordedAsSuch() {
        work.dossiers.add(dossier("DLR5L17N53500", "Protéger les haies", List.of(2401, 1100), List.of(5800, 5801),
                step("AN1-DEPOT", StepKind.DEPOSITED, Chamber.ASSEMBLEE, "2025-03-11"),
                step("SN1-COM-FOND", StepKind.COMMITTEE, Chamber.SENAT, "2026-05-06")));
        String a = text(ask(Language.FR, "Où en est le dossier DLR5L17N53500 ?"));
        assertThat(a).contains("Textes de l'Assemblée n° 1100, 2401.",
                "Aucun de ces scrutins n'a encore son résultat dans les données des votes (scrutins au 21 novembre 2025).",
                "Prochaine étape déjà datée : examen en commission au Sénat, le 6 mai 2026.");
        String en = text(ask(Language.EN, "Where is dossier DLR5L17N53500?"));
        assertThat(en).contains("None of these scrutins has its result in the vote data yet",
                "Next step already dated: examination in committee at the Sénat on 6 May 2026.");
    }

    @Test
    void englishTranslatesTheProcedureAndRanksWholeWordsFirst() {
        work.dossiers.addAll(List.of(plf2026, plfss2026));
        // "finance bill" is "loi de finances": not the more recently active "financement" bill.
        String finance = "Where is the finance bill at?";
        // The extractor may take "finance" for a topic: the whole message's English name still wins.
        assertThat(text(ask(Language.EN, finance, mention(EntityType.TOPIC, "finance", finance, "finance"))))
                .startsWith("\"Projet de loi de finances pour 2026\"");
        assertThat(text(ask(Language.EN, finance))).startsWith("\"Projet de loi de finances "
                + "pour 2026\" (Finance bill for the year) — latest known step: sent to committee at the Assemblée "
                + "nationale on 14 October 2025.");
        // A whole word before a longer one it starts: "pêche" before the more recent "pêcheurs".
        work.dossiers.add(dossier("DLR5L17N53600", "Protection des pêcheurs", List.of(), List.of(),
                step("AN1-DEPOT", StepKind.DEPOSITED, Chamber.ASSEMBLEE, "2026-03-01")));
        work.dossiers.add(dossier("DLR5L17N53601", "Pêche durable", List.of(), List.of(),
                step("AN1-DEPOT", StepKind.DEPOSITED, Chamber.ASSEMBLEE, "2025-03-01")));
        assertThat(text(ask(Language.FR, "Où en est la loi sur la pêche ?"))).startsWith("Plusieurs dossiers "
                + "législatifs correspondent à « peche ». Lequel ?\n• « Pêche durable »");
        assertThat(text(ask(Language.EN, "Where is dossier DLR5L17N52429?"))).startsWith("\"Projet de loi de "
                + "financement de la sécurité sociale pour 2026\" (Social security financing bill) — latest known "
                + "step: adopted in the chamber at the Assemblée nationale on 16 December 2025.");
    }

    /** The agenda these tests were written against: data to 15 April 2026, from a test source. */
    private static FakeAssemblyWork withTheTestAgenda(FakeAssemblyWork w) {
        w.agendaProvenance = FakeAssemblyWork.provenance(fr.civicgateway.core.parliament.work.Provenance.Method.AGENDA);
        return w;
    }
}
