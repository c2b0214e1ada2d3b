package fr.civicgateway.core.smalltalk;

import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers honestly, for an intent the gateway understands but does not serve yet, that it cannot answer that kind
 * of question yet — naming it — then what it can do, instead of pretending or answering beside the question (a
 * question about a deputy's speeches answered with their votes).
 *
 * <p>The no-argument instance, which the app discovers as every handler, answers every intent of the API's catalogue
 * that no handler serves yet ({@link #PLANNED}): it owns those names and their training corpora. When a real handler
 * comes for one, remove the name from {@link #PLANNED} (the dialogue refuses two handlers for one intent). Stateless
 * and thread-safe.
 */
public final class NotYetAvailableHandler implements IntentHandler {

    /** The intents of the API's catalogue (API.md §2) that later work will answer from real data. */
    public static final Set<Intent> PLANNED = Set.of(Intent.BILL_STATUS, Intent.LEGISLATIVE_WORK, Intent.AGENDA,
            Intent.REPRESENTATIVE_BILLS, Intent.REPRESENTATIVE_SPEECHES, Intent.REPRESENTATIVE_QUESTIONS,
            Intent.REPRESENTATIVE_PRESENCE, Intent.REPRESENTATIVE_INTERESTS, Intent.CONTACT_REPRESENTATIVE,
            Intent.ASSEMBLY_INFO, Intent.LOCAL_NEWS, Intent.FOLLOW, Intent.UNFOLLOW);

    private final Set<Intent> intents;

    /** The honest "not yet" for every {@link #PLANNED} intent. */
    public NotYetAvailableHandler() {
        this.intents = PLANNED;
    }

    /** The honest "not yet" for one intent (of {@link #PLANNED}, or one whose real handler is not registered). */
    public NotYetAvailableHandler(Intent intent) {
        this.intents = Set.of(intent);
    }

    /** One handler for each of the {@link #PLANNED} intents. */
    public static List<IntentHandler> planned() {
        List<IntentHandler> out = new ArrayList<>();
        for (Intent i : PLANNED) {
            out.add(new NotYetAvailableHandler(i));
        }
        return List.copyOf(out);
    }

    /** The first of its intents; the dialogue registers it for all of {@link #intents()}. */
    @Override
    public Intent intent() {
        return intents.iterator().next();
    }

    @Override
    public Set<Intent> intents() {
        return intents;
    }

    @Override
    public Answer handle(Turn t) {
        String list = Capabilities.list(t);
        return Answer.text(t.state(), t.say("Je ne peux pas encore répondre aux questions sur ",
                        "I cannot answer questions about ") + kind(t) + t.say(" : ce n'est pas encore dans mes données. ",
                        " yet: it is not in my data so far. ")
                        + t.say("En revanche, ", "However, ") + Character.toLowerCase(list.charAt(0)) + list.substring(1),
                Capabilities.examples(t));
    }

    /** Each intent's kind of question, French and English, as the end of "questions about …". */
    private static final Map<Intent, String[]> KINDS = Map.ofEntries(
            Map.entry(Intent.BILL_STATUS, new String[]{"l'avancement d'un projet ou d'une proposition de loi",
                    "where a bill stands"}),
            Map.entry(Intent.LEGISLATIVE_WORK, new String[]{"les textes de loi en cours d'examen ou adoptés",
                    "the bills under way or recently adopted"}),
            Map.entry(Intent.AGENDA, new String[]{"l'ordre du jour et les séances de l'Assemblée",
                    "the Assemblée's agenda and sittings"}),
            Map.entry(Intent.REPRESENTATIVE_BILLS, new String[]{"les propositions de loi déposées ou cosignées par un député",
                    "the bills a deputy tabled or co-signed"}),
            Map.entry(Intent.REPRESENTATIVE_SPEECHES, new String[]{"les interventions en séance d'un député",
                    "a deputy's speeches in the chamber"}),
            Map.entry(Intent.REPRESENTATIVE_QUESTIONS, new String[]{"les questions au Gouvernement posées par un député",
                    "the questions a deputy asked the government"}),
            Map.entry(Intent.REPRESENTATIVE_PRESENCE, new String[]{"la présence d'un député en commission",
                    "a deputy's presence at committee meetings"}),
            Map.entry(Intent.REPRESENTATIVE_INTERESTS, new String[]{"les déclarations d'intérêts et de patrimoine d'un député",
                    "a deputy's declarations of interests and assets"}),
            Map.entry(Intent.CONTACT_REPRESENTATIVE, new String[]{"la façon de contacter un député",
                    "how to contact a deputy"}),
            Map.entry(Intent.ASSEMBLY_INFO, new String[]{"le fonctionnement de l'Assemblée nationale",
                    "how the Assemblée nationale works"}),
            Map.entry(Intent.LOCAL_NEWS, new String[]{"les actualités de la mairie",
                    "the town hall's news"}),
            Map.entry(Intent.FOLLOW, new String[]{"les alertes (être prévenu quand quelque chose change)",
                    "alerts (being told when something changes)"}),
            Map.entry(Intent.UNFOLLOW, new String[]{"vos alertes et abonnements",
                    "your alerts and subscriptions"}),
            Map.entry(Intent.LOCAL_PROJECTS, new String[]{"les projets et travaux de votre commune",
                    "your town's projects and worksites"}),
            Map.entry(Intent.REPORT_PROBLEM, new String[]{"les signalements de problèmes dans l'espace public",
                    "reporting a problem in the public space"}),
            Map.entry(Intent.CONSULTATION, new String[]{"les consultations publiques",
                    "public consultations"}),
            Map.entry(Intent.REPORT_STATUS, new String[]{"le suivi des signalements",
                    "following up on reports"}));

    /** The kind of question, as the end of "questions about …". */
    String kind(Turn t) {
        Intent intent = intents.contains(t.intent()) ? t.intent() : intent();
        String[] kind = KINDS.get(intent);
        return kind == null ? t.say("ce sujet", "this subject") : t.say(kind[0], kind[1]);
    }
}
