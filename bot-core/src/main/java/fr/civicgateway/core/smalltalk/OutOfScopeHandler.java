package fr.civicgateway.core.smalltalk;

import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;

/** {@code out_of_scope}: says plainly that it does not know, and what it can do. */
public final class OutOfScopeHandler implements IntentHandler {

    @Override
    public Intent intent() {
        return Intent.OUT_OF_SCOPE;
    }

    @Override
    public Answer handle(Turn t) {
        return Answer.text(t.state(), t.say("Je ne sais pas répondre à cela. ", "I can't answer that. ")
                + Capabilities.list(t), Capabilities.examples(t));
    }
}
