package fr.civicgateway.core.dialogue;

import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.Understanding;
import fr.civicgateway.core.text.MessageCatalogue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a handler needs to answer one message: the message, what was understood, the language to answer in,
 * the conversation so far, the current time, the intent the dialogue decided to answer (which may differ from the
 * classifier's first guess, {@code understanding.intent()}), and the catalogue of the sentences it may say.
 */
public record Turn(IncomingMessage message, Understanding understanding, Language language, ConversationState state,
                   Instant now, Intent intent, MessageCatalogue messages) {

    /** A turn answering the classifier's intent, speaking from the shipped catalogue (tests and tools). */
    public Turn(IncomingMessage message, Understanding understanding, Language language, ConversationState state,
                Instant now) {
        this(message, understanding, language, state, now, understanding.intent(), MessageCatalogue.shipped());
    }

    /** A turn answering {@code intent}, speaking from the shipped catalogue (tests and tools). */
    public Turn(IncomingMessage message, Understanding understanding, Language language, ConversationState state,
                Instant now, Intent intent) {
        this(message, understanding, language, state, now, intent, MessageCatalogue.shipped());
    }

    /** A turn answering the classifier's intent, speaking from {@code messages}. */
    public Turn(IncomingMessage message, Understanding understanding, Language language, ConversationState state,
                Instant now, MessageCatalogue messages) {
        this(message, understanding, language, state, now, understanding.intent(), messages);
    }

    public Optional<EntityMention> entity(EntityType type) {
        return understanding.first(type);
    }

    public List<EntityMention> entities(EntityType type) {
        return understanding.all(type);
    }

    /**
     * The sentence {@code key} of the catalogue in the language of this turn, its arguments given as name, value
     * pairs: {@code t.msg("greet.hello", "capabilities", list)}.
     */
    public String msg(String key, Object... namedArgs) {
        return messages.format(language, key, namedArgs);
    }

    /**
     * Picks the French or English wording, by the language of this turn. For what is not a sentence of the bot's
     * (a consultation's own text, given in both languages by its author); the bot's sentences go through {@link #msg}.
     */
    public String say(String french, String english) {
        return language == Language.EN ? english : french;
    }
}
