package fr.civicgateway.core.dialogue;

import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.Understanding;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a handler needs to answer one message: the message, what was understood, the language to answer in,
 * the conversation so far, the current time, and the intent the dialogue decided to answer (which may differ from the
 * classifier's first guess, {@code understanding.intent()}).
 */
public record Turn(IncomingMessage message, Understanding understanding, Language language, ConversationState state,
                   Instant now, Intent intent) {

    /** A turn answering the classifier's intent. */
    public Turn(IncomingMessage message, Understanding understanding, Language language, ConversationState state,
                Instant now) {
        this(message, understanding, language, state, now, understanding.intent());
    }

    public Optional<EntityMention> entity(EntityType type) {
        return understanding.first(type);
    }

    public List<EntityMention> entities(EntityType type) {
        return understanding.all(type);
    }

    /** Picks the French or English wording, by the language of this turn. */
    public String say(String french, String english) {
        return language == Language.EN ? english : french;
    }
}
