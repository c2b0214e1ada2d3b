package fr.civicgateway.core.smalltalk;

import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;

/**
 * Answers honestly, for an intent the gateway understands but does not serve yet (local projects, reports,
 * consultations), that it is coming — instead of pretending or answering beside the question.
 */
public final class NotYetAvailableHandler implements IntentHandler {

    private final Intent intent;

    public NotYetAvailableHandler(Intent intent) {
        this.intent = intent;
    }

    @Override
    public Intent intent() {
        return intent;
    }

    @Override
    public Answer handle(Turn t) {
        String what = switch (intent) {
            case LOCAL_PROJECTS -> t.say("Projets et travaux de votre commune", "Your town's projects and worksites");
            case REPORT_PROBLEM -> t.say("Signalement d'un problème dans l'espace public", "Reporting a problem in the public space");
            case CONSULTATION -> t.say("Consultations publiques", "Public consultations");
            default -> t.say("Cette demande", "This request");
        };
        return Answer.text(t.state(), what + t.say(
                " : ce service arrive bientôt, mais je ne peux pas encore m'en occuper. En attendant, ",
                ": this service is coming soon, but I cannot handle it yet. Meanwhile, ")
                + Character.toLowerCase(Capabilities.list(t).charAt(0)) + Capabilities.list(t).substring(1),
                Capabilities.examples(t));
    }
}
