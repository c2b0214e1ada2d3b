package fr.civicgateway.core.smalltalk;

import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;

/** {@code greet}: hello, and what the bot can do. */
public final class GreetHandler implements IntentHandler {

    @Override
    public Intent intent() {
        return Intent.GREET;
    }

    @Override
    public Answer handle(Turn t) {
        return Answer.text(t.state(), t.msg("greet.hello", "capabilities", Capabilities.list(t)), Capabilities.examples(t));
    }
}
