package fr.civicgateway.core.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.fixtures.FakeAssemblyWork;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.Understanding;
import fr.civicgateway.core.parliament.work.AgendaItem;
import fr.civicgateway.core.parliament.work.AgendaSitting;
import fr.civicgateway.core.parliament.work.Dossier;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code agenda}: the next sittings and a day's agenda as the user reads them, from a fake agenda. */
class AgendaHandlerTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Monday 20 April 2026, noon in Paris. */
    private static final Instant MONDAY_20_APRIL = Instant.parse("2026-04-20T10:00:00Z");

    private static final Dossier VELIQUE = dossier("DLR5L17N52208", "Transport maritime à propulsion vélique");
    private static final Dossier SECURITE = dossier("DLR5L17N53284", "Sécurité et prévention des risques d'attentat");

    private final FakeAssemblyWork work = new FakeAssemblyWork();
    private final AgendaHandler handler = new AgendaHandler(work, PARIS, MethodLinks.at("https://civic.example.org"));

    {
        work.sittings.addAll(List.of(
                sitting("S1", "2026-04-14T15:00", "Confirmé", item("Questions au Gouvernement", null),
                        item("Discussion de la proposition de loi visant à accélérer le transport vélique", VELIQUE)),
                sitting("S2", "2026-04-15T15:00", "Confirmé", item("Questions au Gouvernement", null),
                        item("Suite de la discussion de la proposition de loi visant à renforcer la sécurité", SECURITE)),
                sitting("S3", "2026-04-15T21:30", "Confirmé",
                        item("Suite de la discussion de la proposition de loi visant à renforcer la sécurité", SECURITE)),
                sitting("S4", "2026-04-27T16:00", "Confirmé", item("Déclaration du Gouvernement", null),
                        item("Point 2", null), item("Point 3", null), item("Point 4", null), item("Point 5", null),
                        item("Point 6", null)),
                sitting("S5", "2026-04-28T09:00", "Eventuel"),
                sitting("S6", "2026-05-13T21:30", "Confirmé",
                        item("Suite de la discussion de la proposition de loi visant à accélérer le transport vélique", VELIQUE))));
    }

    @Test
    void givesTheNextSittingsWithTheirDayHourAndAgendaAndAsksWhereTheirBillsStand() {
        Answer a = handler.handle(turn(Language.FR, "Quand siège l'Assemblée ?", MONDAY_20_APRIL, List.of()));
        assertThat(text(a)).isEqualTo("""
                Les 3 prochaines séances publiques de l'Assemblée :
                • lundi 27 avril 2026 à 16 h :
                   – Déclaration du Gouvernement
                   – Point 2
                   – Point 3
                   – Point 4
                   – et 2 autres points
                • mardi 28 avril 2026 à 9 h (séance éventuelle, à confirmer) :
                   – ordre du jour non encore publié
                • mercredi 13 mai 2026 à 21 h 30 :
                   – Suite de la discussion de la proposition de loi visant à accélérer le transport vélique
                Source : Assemblée nationale, agenda, https://www.assemblee-nationale.fr/dyn/agenda (données au \
                24 avril 2026). Méthode an-agenda-1 : https://civic.example.org/methodology#an-agenda-1""");
        assertThat(payloads(a)).containsExactly("Où en est le texte « Transport maritime à propulsion vélique » ?");
    }

    @Test
    void whenTheAgendaHoldsNoSittingAheadItSaysWhereItStopsAndGivesItsLastSittings() {
        Answer a = handler.handle(turn(Language.FR, "Quel est l'ordre du jour ?",
                Instant.parse("2026-12-07T09:00:00Z"), List.of()));
        assertThat(text(a)).startsWith("""
                L'agenda de l'Assemblée que j'ai va jusqu'au 13 mai 2026 : il n'y a aucune séance publique à venir. \
                Ses 3 dernières séances :
                • lundi 27 avril 2026 à 16 h :""");
        assertThat(text(a)).contains("• mercredi 13 mai 2026 à 21 h 30 :");
        assertThat(text(a)).doesNotContain("14 avril");
        Answer en = handler.handle(turn(Language.EN, "When does the Assemblée sit next?",
                Instant.parse("2026-12-07T09:00:00Z"), List.of()));
        assertThat(text(en)).startsWith("The Assemblée's agenda I have goes to 13 May 2026: it holds no public sitting "
                + "ahead. Its last 3 sittings:\n• Monday 27 April 2026 at 16:00:");
    }

    @Test
    void aDayWithTwoSittingsListsBothWithTheirHours() {
        Answer a = handler.handle(turn(Language.FR, "Qu'y avait-il à l'ordre du jour le 15 avril ?", MONDAY_20_APRIL,
                List.of(date("2026-04-15", "15 avril"))));
        assertThat(text(a)).startsWith("""
                Le mercredi 15 avril 2026, l'Assemblée a tenu 2 séances publiques :
                • Séance de 15 h :
                   – Questions au Gouvernement
                   – Suite de la discussion de la proposition de loi visant à renforcer la sécurité
                • Séance de 21 h 30 :
                   – Suite de la discussion de la proposition de loi visant à renforcer la sécurité
                Source : Assemblée nationale, agenda""");
        assertThat(payloads(a)).containsExactly("Où en est le texte « Sécurité et prévention des risques d'attentat » ?",
                "Quand siège l'Assemblée ?");
    }

    @Test
    void aDayWithoutYearNorTenseIsTheOneInsideTheAgendasPeriod() {
        // Asked on 7 December 2026, "le 15 avril" is nearest in 2027, which the agenda does not reach; its April 2026
        // is the one the citizen can mean. A written year, or a question in the future tense, is kept as said.
        Instant december7 = Instant.parse("2026-12-07T09:00:00Z");
        assertThat(text(handler.handle(turn(Language.FR, "Quel est l'ordre du jour le 15 avril ?", december7,
                List.of(date("2027-04-15", "15 avril"))))))
                .startsWith("Le mercredi 15 avril 2026, l'Assemblée a tenu 2 séances publiques :");
        assertThat(text(handler.handle(turn(Language.FR, "Quel est l'ordre du jour le 15 avril 2027 ?", december7,
                List.of(date("2027-04-15", "15 avril 2027")))))).doesNotContain("15 avril 2026");
    }

    @Test
    void aRelativeDayIsReadOnTheTurnsDayInTheTownsZone() {
        Answer a = handler.handle(turn(Language.EN, "what was on the agenda last Tuesday", MONDAY_20_APRIL,
                List.of(date("last-tuesday", "last Tuesday"))));
        assertThat(text(a)).startsWith("""
                On Tuesday 14 April 2026, the Assemblée held one public sitting:
                • Sitting at 15:00:
                   – Questions au Gouvernement""");
        assertThat(payloads(a)).containsExactly("Where does the bill “Transport maritime à propulsion vélique” stand?",
                "When does the Assemblée sit next?");
        // 23:30 on Tuesday 14 April in UTC is already Wednesday 15 in Paris: "today" is Paris's
        Answer today = handler.handle(turn(Language.FR, "l'ordre du jour d'aujourd'hui",
                Instant.parse("2026-04-14T22:30:00Z"), List.of(date("today", "aujourd'hui"))));
        assertThat(text(today)).startsWith("Aujourd'hui, mercredi 15 avril 2026, l'Assemblée tient 2 séances publiques :");
    }

    @Test
    void aDayWithoutSittingInsideThePeriodSaysSoAndGivesTheNextOne() {
        Answer a = handler.handle(turn(Language.FR, "Y avait-il séance le 18 avril ?", MONDAY_20_APRIL,
                List.of(date("2026-04-18", "18 avril"))));
        assertThat(text(a)).startsWith("""
                Il n'y a pas eu de séance publique de l'Assemblée le samedi 18 avril 2026. L'agenda que j'ai couvre \
                les séances du 14 avril 2026 au 13 mai 2026.
                La séance suivante : lundi 27 avril 2026 à 16 h.
                Source :""");
        Answer future = handler.handle(turn(Language.EN, "is there a sitting on 2 May?", MONDAY_20_APRIL,
                List.of(date("2026-05-02", "2 May"))));
        assertThat(text(future)).startsWith("No public sitting of the Assemblée is planned on Saturday 2 May 2026. "
                + "The agenda I have covers the sittings from 14 April 2026 to 13 May 2026.\n"
                + "The next sitting: Wednesday 13 May 2026 at 21:30.");
    }

    @Test
    void aDayOutsideTheAgendasPeriodIsNotCalledADayWithoutSitting() {
        String before = text(handler.handle(turn(Language.FR, "le 3 mars 2025", MONDAY_20_APRIL,
                List.of(date("2025-03-03", "3 mars 2025")))));
        assertThat(before).startsWith("Le lundi 3 mars 2025 est avant le début de l'agenda que j'ai (séances du "
                + "14 avril 2026 au 13 mai 2026) : je ne peux pas dire s'il y a eu séance ce jour-là.");
        String after = text(handler.handle(turn(Language.FR, "y a-t-il séance demain ?",
                Instant.parse("2026-12-07T09:00:00Z"), List.of(date("today+1", "demain")))));
        assertThat(after).startsWith("L'agenda que j'ai s'arrête à sa dernière séance inscrite, le 13 mai 2026 : "
                + "je n'ai rien pour le mardi 8 décembre 2026.");
        assertThat(after).doesNotContain("pas eu de séance");
    }

    @Test
    void withoutAnyAgendaItSaysItCannotTell() {
        work.sittings.clear();
        assertThat(text(handler.handle(turn(Language.FR, "Quand siège l'Assemblée ?", MONDAY_20_APRIL, List.of()))))
                .startsWith("Je n'ai pas l'agenda des séances de l'Assemblée : je ne peux pas dire quand elle siège.\n"
                        + "Source : Assemblée nationale, agenda");
    }

    @Test
    void aTownOutsideParisIsToldTheHoursAreParisTime() {
        AgendaHandler noumea = new AgendaHandler(work, ZoneId.of("Pacific/Noumea"), MethodLinks.at("https://civic.example.org"));
        assertThat(text(noumea.handle(turn(Language.FR, "Quand siège l'Assemblée ?", MONDAY_20_APRIL, List.of()))))
                .contains("\nLes heures sont celles de Paris.\nSource :");
        assertThat(text(handler.handle(turn(Language.FR, "Quand siège l'Assemblée ?", MONDAY_20_APRIL, List.of()))))
                .doesNotContain("heures sont celles de Paris");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    @Test
    void aFollowUpDayIsPlacedNearTheDayTheLastAnswerWasAbout() {
        Instant december7 = Instant.parse("2026-12-07T09:00:00Z");
        Answer first = handler.handle(turn(Language.FR, "Qu'y avait-il à l'ordre du jour le 15 avril ?", december7,
                List.of(date("2026-04-15", "15 avril"))));
        ConversationState after = first.state().withLastIntent(Intent.AGENDA);
        // the NLU placed "16 avril" near 7 December: 2027; the follow-up is about April 2026
        Answer next = handler.handle(turn(Language.FR, "et le 16 avril ?", december7, after,
                List.of(date("2027-04-16", "16 avril"))));
        assertThat(text(next)).startsWith("Il n'y a pas eu de séance publique de l'Assemblée le jeudi 16 avril 2026.");
        assertThat(text(handler.handle(turn(Language.EN, "and on 16 April?", december7, after,
                List.of(date("2027-04-16", "16 April")))))).contains("Thursday 16 April 2026").doesNotContain("2027");
        assertThat(text(handler.handle(turn(Language.FR, "et le 14 ?", december7, after,
                List.of(date("2026-12-14", "14")))))).startsWith("Le mardi 14 avril 2026, l'Assemblée a tenu une");
        Answer eve = handler.handle(turn(Language.FR, "et la veille ?", december7, after,
                List.of(date("2026-12-06", "veille"))));
        assertThat(text(eve)).startsWith("Le mardi 14 avril 2026, l'Assemblée a tenu une");
        assertThat(text(handler.handle(turn(Language.EN, "and the day after?", december7, eve.state()
                .withLastIntent(Intent.AGENDA), List.of(date("2026-12-08", "the day after")))))).startsWith(
                "On Wednesday 15 April 2026, the Assemblée held 2");
        // after another subject, the day is the NLU's again
        assertThat(text(handler.handle(turn(Language.FR, "et le 16 juin ?", december7,
                after.withLastIntent(Intent.FIND_REPRESENTATIVE), List.of(date("2027-06-16", "16 juin"))))))
                .contains("16 juin 2027");
    }

    private static Turn turn(Language lang, String text, Instant now, ConversationState state,
                             List<EntityMention> entities) {
        return new Turn(new IncomingMessage("test", "c1", text, null, null),
                new Understanding(text, lang, List.of(new IntentScore(Intent.AGENDA, 0.9)), entities), lang,
                state, now);
    }

    private static Turn turn(Language lang, String text, Instant now, List<EntityMention> entities) {
        return new Turn(new IncomingMessage("test", "c1", text, null, null),
                new Understanding(text, lang, List.of(new IntentScore(Intent.AGENDA, 0.9)), entities), lang,
                ConversationState.start(lang, now), now);
    }

    private static EntityMention date(String value, String text) {
        return new EntityMention(EntityType.DATE, value, text, 0, text.length());
    }

    private static AgendaSitting sitting(String uid, String start, String state, AgendaItem... items) {
        return new AgendaSitting(uid, LocalDateTime.parse(start), state, List.of(items));
    }

    private static AgendaItem item(String subject, Dossier d) {
        return new AgendaItem(subject, d);
    }

    private static Dossier dossier(String uid, String title) {
        return new Dossier(uid, title, "Proposition de loi ordinaire", true, List.of(), List.of(), List.of(), List.of());
    }

    private static String text(Answer a) {
        return ((Reply.Text) a.replies().getFirst()).text();
    }

    private static List<String> payloads(Answer a) {
        return ((Reply.Text) a.replies().getFirst()).quickReplies().stream().map(QuickReply::payload).toList();
    }
}
