package fr.civicgateway.core.follow.delivery;

/**
 * A channel that can push a digest to a subscriber who has not written (Telegram); a channel without one (the web
 * widget) keeps its subscribers' news for their next message ({@link FollowNotices}). One per channel, a bean.
 *
 * <p>Implementations are thread-safe. {@link #push} does not send: it stores the message in the channel's durable
 * outbox (inside the caller's transaction, see {@link DeliveryQueue#markSent}) and the outbox sends it within the
 * channel's limits.
 */
public interface FollowPush {

    /** The conversation keys' channel prefix ({@code telegram}). */
    String channel();

    /** Whether this subscriber can be reached now (the channel knows where to send). */
    boolean reachable(String conversationKey);

    /**
     * Stores the text for sending to the subscriber.
     *
     * @throws RuntimeException when it cannot be stored: the caller's transaction then rolls back
     */
    void push(String conversationKey, String text);
}
