package fr.civicgateway.connectors.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Telegram chat to push to, for each conversation that follows something: kept durably (a digest is due after
 * a restart) but only while it follows something, and never in clear (the application's store seals the chat id).
 * The application implements it on its database; without one the channel keeps addresses in memory.
 *
 * <p>Thread-safe; every method may throw a {@link RuntimeException} when the store cannot be reached.
 */
public interface ChatAddresses {

    /**
     * Remembers where the conversation is.
     *
     * @param chatKey the chat's pseudonym (several conversations of a group share it)
     */
    void save(String conversationKey, String chatKey, long chatId, Instant at);

    /** The chat id of the conversation, when it is known. */
    Optional<Long> chatOf(String conversationKey);

    /** Forgets the conversation's address; false when there was none. */
    boolean delete(String conversationKey);

    /** Forgets every address in the chat (the bot was blocked or removed); returns their conversation keys. */
    List<String> deleteChat(String chatKey);
}
