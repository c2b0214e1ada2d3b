package fr.civicgateway.core.dialogue;

import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.Intent;
import java.util.List;
import java.util.Objects;

/**
 * A question the bot asked with a closed set of answers, offered as quick replies: which of two deputies named
 * Rousseau, which of the communes a postcode serves. When the next message is one of the options (its payload,
 * its title, or its position "2"), the dialogue answers {@code intent} again with the chosen entity added to the
 * entities the question kept — the user never has to repeat the rest of the question.
 *
 * @param intent       the intent to answer once chosen
 * @param keptEntities the other entities of the original question (a scrutin number, a topic)
 * @param options      the choices, in the order offered
 */
public record PendingChoice(Intent intent, List<EntityMention> keptEntities, List<Option> options) {

    public PendingChoice {
        Objects.requireNonNull(intent, "intent");
        keptEntities = List.copyOf(keptEntities);
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("a pending choice needs at least one option");
        }
    }

    /**
     * One choice.
     *
     * @param title   the button's text
     * @param payload what the client sends back when pressed
     * @param entity  the entity the choice stands for
     */
    public record Option(String title, String payload, EntityMention entity) {
    }
}
