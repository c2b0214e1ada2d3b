package fr.civicgateway.connectors.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the Telegram channel must not lose when the gateway stops, shared by every instance: which updates were
 * handled, the messages owed to each chat until Telegram has acknowledged them, and the payloads of buttons too long
 * for Telegram's 64-byte {@code callback_data}. The application implements it on its database; without an
 * implementation the channel keeps all this in memory ({@link InMemoryTelegramStore}) and loses it on a restart.
 *
 * <p>The protocol, for one update: {@link #claim} it (insert-if-absent on its id); compute the answer; then
 * {@link #complete} it, which in one transaction marks the update done and stores the rendered messages. Only then
 * is the update confirmed to Telegram (the next {@code getUpdates} offset, or the webhook's 200). A message is
 * deleted by {@link #sent} once Telegram has acknowledged it; an instance that dies leaves its messages behind, and
 * they are taken over ({@link #takeOver}) once their lease has run out.
 *
 * <p>Threading: called from many threads at once; implementations are thread-safe and safe across instances
 * sharing one database. Errors: every method may throw {@link TelegramStoreException} when the store cannot be
 * reached; the caller then neither confirms the update nor forgets the message.
 *
 * <p>Example: {@code if (store.claim(7, me, now, lease) == Claim.FIRST) { ...; store.complete(7, me, messages, now, lease); }}
 */
public interface TelegramStore {

    /** What {@link #claim} found. */
    enum Claim {
        /** The update is this caller's to answer. */
        FIRST,
        /** The update was answered already (a redelivery): confirm it, do nothing else. */
        DONE,
        /** Another live instance is answering it right now: do not confirm it yet, Telegram will deliver it again. */
        IN_PROGRESS
    }

    /**
     * A message to send: its Bot API method (e.g. {@code sendmessage}) and its JSON body.
     *
     * @param chatId the chat it goes to; the chat's pseudonym is never enough, as Telegram needs the id
     */
    record Outgoing(long chatId, String method, String body) {
    }

    /** A stored message, with the id {@link #sent} and {@link #dropped} take. */
    record Stored(long id, long chatId, String method, String body) {
    }

    /**
     * Claims an update for {@code owner}: the first claim wins; a claim that is not done and whose owner is
     * {@code owner} or has held it longer than {@code lease} is taken over (its instance died).
     */
    Claim claim(long updateId, String owner, Instant now, Duration lease);

    /**
     * In one transaction: stores the messages, leased to {@code owner} until {@code now + lease}, and marks the update
     * done (when {@code updateId} is not null: pushed news have no update). Returns the messages as stored, in order;
     * returns none and stores nothing when the update's claim is no longer {@code owner}'s (another instance took it
     * over, or finished it): that instance's answer is the one sent.
     */
    List<Stored> complete(Long updateId, String owner, List<Outgoing> messages, Instant now, Duration lease);

    /**
     * Runs {@code queue} once what {@link #complete} stored is committed: at once, unless {@code complete} joined a
     * caller's transaction still open (follow delivery stores a whole claim's digests in one), in which case after
     * its commit, and never if it rolls back; so that a message is never sent from memory while its row may vanish.
     */
    default void afterCommit(Runnable queue) {
        queue.run();
    }

    /** Telegram acknowledged the message: it is forgotten. */
    void sent(long messageId);

    /** Telegram refused the message for good (a 400, a blocked bot): it is forgotten. */
    default void dropped(long messageId) {
        sent(messageId);
    }

    /** Forgets every message waiting for a chat (the bot was blocked or removed from it); returns how many. */
    int dropChat(long chatId);

    /** Extends {@code owner}'s lease on its waiting messages to {@code until}. */
    void renew(String owner, Instant until);

    /**
     * Takes over the waiting messages whose lease has run out before {@code now} (all of them when {@code all}, for
     * an instance that knows it is the only one): they become {@code owner}'s until {@code now + lease}. Returns
     * them in the order they were stored.
     */
    List<Stored> takeOver(String owner, Instant now, Duration lease, boolean all);

    /** Forgets the claims of updates not done (polling mode at start-up: the only instance, so none is live). */
    void releaseUnfinishedClaims();

    /** Forgets the update ids claimed before {@code before} (Telegram redelivers an update for 24 hours at most). */
    int purgeUpdates(Instant before);

    /** Remembers a long button's payload under its token (the same token for the same payload). */
    void saveButton(String token, String payload, Instant now);

    /** The payload of a long button, when it is known and was saved or used after {@code notBefore}. */
    Optional<String> button(String token, Instant notBefore);

    /** Forgets the long buttons not saved since {@code before}. */
    int purgeButtons(Instant before);

    /** The store could not be read or written. */
    final class TelegramStoreException extends RuntimeException {
        public TelegramStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
