package fr.civicgateway.core.conversation;

import java.util.List;

/**
 * Sends replies to a conversation without a message from the user first (a report's new status), for a channel
 * that can push (Telegram; the web widget cannot). One implementation per channel, registered as a bean.
 *
 * <p>Implementations are thread-safe and do not block: they queue the replies. They return false when they cannot
 * reach the conversation now (an unknown chat); the caller then keeps the news for the user's next message.
 *
 * <pre>{@code
 * if (!notifier.push(conversationId, List.of(new Reply.Text("Du nouveau …")))) { keepForNextMessage(); }
 * }</pre>
 */
public interface ChannelNotifier {

    /** The {@link IncomingMessage#channel()} this notifier serves. */
    String channel();

    /** Queues the replies to the conversation; false when it cannot be reached. */
    boolean push(String conversationId, List<Reply> replies);
}
