package fr.civicgateway.core.smalltalk;

import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Answers honestly, for an intent the gateway understands but does not serve yet, that it cannot answer that kind
 * of question yet — naming it — then what it can do, instead of pretending or answering beside the question (a
 * question about a deputy's speeches answered with their votes).
 *
 * <p>{@link #planned()} gives one for every intent of the API's catalogue that no handler serves yet
 * ({@link #PLANNED}); the app and the benchmarks register them all. Stateless and thread-safe.
 */
public final class NotYetAvailableHandler implements IntentHandler {

    /** The intents of the API's catalogue (API.md §2) that later work will answer from real data. */
    public static final Set<Intent> PLANNED = EnumSet.of(Intent.BILL_STATUS, Intent.LEGISLATIVE_WORK, Intent.AGENDA,
            Intent.REPRESENTATIVE_BILLS, Intent.REPRESENTATIVE_SPEECHES, Intent.REPRESENTATIVE_QUESTIONS,
            Intent.REPRESENTATIVE_PRESENCE, Intent.REPRESENTATIVE_INTERESTS, Intent.CONTACT_REPRESENTATIVE,
            Intent.ASSEMBLY_INFO, Intent.LOCAL_NEWS, Intent.FOLLOW, Intent.UNFOLLOW);

    private final Intent intent;

    public NotYetAvailableHandler(Intent intent) {
        this.intent = intent;
    }

    /** One handler for each of the {@link #PLANNED} intents. */
    public static List<IntentHandler> planned() {
        List<IntentHandler> out = new ArrayList<>();
        for (Intent i : PLANNED) {
            out.add(new NotYetAvailableHandler(i));
        }
        return List.copyOf(out);
    }

    @Override
    public Intent intent() {
        return intent;
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

    /** The kind of question, as the end of "questions about …". */
    String kind(Turn t) {
        return switch (intent) {
            case BILL_STATUS -> t.say("l'avancement d'un projet ou d'une proposition de loi",
                    "where a bill stands");
            case LEGISLATIVE_WORK -> t.say("les textes de loi en cours d'examen ou adoptés",
                    "the bills under way or recently adopted");
            case AGENDA -> t.say("l'ordre du jour et les séances de l'Assemblée",
                    "the Assemblée's agenda and sittings");
            case REPRESENTATIVE_BILLS -> t.say("les propositions de loi déposées ou cosignées par un député",
                    "the bills a deputy tabled or co-signed");
            case REPRESENTATIVE_SPEECHES -> t.say("les interventions en séance d'un député",
                    "a deputy's speeches in the chamber");
            case REPRESENTATIVE_QUESTIONS -> t.say("les questions au Gouvernement posées par un député",
                    "the questions a deputy asked the government");
            case REPRESENTATIVE_PRESENCE -> t.say("la présence d'un député en commission",
                    "a deputy's presence at committee meetings");
            case REPRESENTATIVE_INTERESTS -> t.say("les déclarations d'intérêts et de patrimoine d'un député",
                    "a deputy's declarations of interests and assets");
            case CONTACT_REPRESENTATIVE -> t.say("la façon de contacter un député",
                    "how to contact a deputy");
            case ASSEMBLY_INFO -> t.say("le fonctionnement de l'Assemblée nationale",
                    "how the Assemblée nationale works");
            case LOCAL_NEWS -> t.say("les actualités de la mairie", "the town hall's news");
            case FOLLOW -> t.say("les alertes (être prévenu quand quelque chose change)",
                    "alerts (being told when something changes)");
            case UNFOLLOW -> t.say("vos alertes et abonnements", "your alerts and subscriptions");
            case LOCAL_PROJECTS -> t.say("les projets et travaux de votre commune", "your town's projects and worksites");
            case REPORT_PROBLEM -> t.say("les signalements de problèmes dans l'espace public",
                    "reporting a problem in the public space");
            case CONSULTATION -> t.say("les consultations publiques", "public consultations");
            case REPORT_STATUS -> t.say("le suivi des signalements", "following up on reports");
            default -> t.say("ce sujet", "this subject");
        };
    }
}
