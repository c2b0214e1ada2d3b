package fr.civicgateway.core.smalltalk;

import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;

/** {@code help}: what the bot can do, with examples as quick replies. */
public final class HelpHandler implements IntentHandler {

    @Override
    public Intent intent() {
        return Intent.HELP;
    }

    @Override
    public Answer handle(Turn t) {
        return Answer.text(t.state(), Capabilities.list(t), Capabilities.examples(t));
    }
}
