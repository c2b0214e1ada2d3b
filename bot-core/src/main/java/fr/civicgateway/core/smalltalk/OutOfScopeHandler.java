package fr.civicgateway.core.smalltalk;

import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.text.Text;
import java.util.Set;

/** {@code out_of_scope}: says plainly that it does not know, and what it can do. */
public final class OutOfScopeHandler implements IntentHandler {

    @Override
    public Intent intent() {
        return Intent.OUT_OF_SCOPE;
    }

    private static final Set<String> THANKS = Set.of("merci", "merci beaucoup", "merci bien", "thanks", "thank you",
            "thanks a lot", "super merci", "ok merci", "parfait merci", "top merci");

    @Override
    public Answer handle(Turn t) {
        if (THANKS.contains(Text.foldToWords(t.message().text()))) {
            return Answer.text(t.state(), t.msg("out_of_scope.thanks"), Capabilities.examples(t));
        }
        return Answer.text(t.state(), t.msg("out_of_scope.unknown", "capabilities", Capabilities.list(t)),
                Capabilities.examples(t));
    }
}
