package fr.civicgateway.connectors.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.follow.SubscriptionStore;
import fr.civicgateway.core.follow.delivery.FollowPush;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows need from the Telegram channel: a durable address for each conversation that follows something
 * ({@link ChatAddresses}), kept in step with its subscriptions after each of its turns; the digests pushed through
 * the durable outbox (so within Telegram's limits); and the end of it all when the chat says {@code /stop}, blocks
 * the bot or removes it (a {@code my_chat_member} update, or a 403 from Telegram): its subscriptions and addresses
 * are deleted. Thread-safe. Log lines name a chat by its short pseudonym only.
 */
final class TelegramFollows implements FollowPush {

    private static final Logger log = LoggerFactory.getLogger(TelegramFollows.class);

    private final SubscriptionStore subscriptions;
    private final ChatAddresses addresses;
    private final ChatPseudonyms pseudonyms;
    private final TelegramOutbox outbox;
    private final ReplyRenderer renderer;
    private final Clock clock;
    /** Whatever else a stopped conversation leaves behind (the widget's mailbox is not Telegram's, but harmless). */
    private final Consumer<String> forgetElsewhere;
    /** The conversations this instance saw with an address saved, so that a turn writes nothing when nothing changed. */
    private final Cache<String, Long> saved = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(java.time.Duration.ofMinutes(10)).build(); // another instance may delete meanwhile

    TelegramFollows(SubscriptionStore subscriptions, ChatAddresses addresses, ChatPseudonyms pseudonyms,
                    TelegramOutbox outbox, ReplyRenderer renderer, Clock clock, Consumer<String> forgetElsewhere) {
        this.subscriptions = subscriptions;
        this.addresses = addresses;
        this.pseudonyms = pseudonyms;
        this.outbox = outbox;
        this.renderer = renderer;
        this.clock = clock;
        this.forgetElsewhere = forgetElsewhere;
    }

    @Override
    public String channel() {
        return UpdateTranslator.CHANNEL;
    }

    @Override
    public boolean reachable(String conversationKey) {
        return addresses.chatOf(conversationKey).isPresent();
    }

    @Override
    public void push(String conversationKey, String text) {
        long chatId = addresses.chatOf(conversationKey).orElseThrow(
                () -> new IllegalStateException("no address for a Telegram follower any more"));
        outbox.submit(null, renderer.render(chatId, List.of(new Reply.Text(text))));
    }

    /**
     * After a turn of the conversation in the chat: saves the address when it follows something, deletes it when it
     * no longer does (its last unfollow). A failure is logged: the next turn tries again.
     */
    void afterTurn(String conversationKey, long chatId) {
        try {
            boolean follows = !subscriptions.list(conversationKey).isEmpty();
            Long known = saved.getIfPresent(conversationKey);
            if (follows && (known == null || known != chatId)) {
                addresses.save(conversationKey, pseudonyms.conversationId(chatId), chatId, clock.instant());
                saved.put(conversationKey, chatId);
            } else if (!follows && (known != null || addresses.chatOf(conversationKey).isPresent())) {
                addresses.delete(conversationKey);
                saved.invalidate(conversationKey);
            }
        } catch (RuntimeException e) {
            log.warn("follow address of chat {} not updated: {}", pseudonyms.forLog(chatId), e.toString());
        }
    }

    /**
     * The chat asked to stop, blocked the bot or removed it: every conversation in it follows nothing any more, and
     * its address is forgotten. Returns how many subscriptions were deleted.
     */
    int stopChat(long chatId) {
        Set<String> conversations = new LinkedHashSet<>();
        // A private chat's conversation, even if its address was never saved; a group's members' from their addresses.
        conversations.add(UpdateTranslator.CHANNEL + ":" + pseudonyms.conversationId(chatId));
        int removed = 0;
        try {
            conversations.addAll(addresses.deleteChat(pseudonyms.conversationId(chatId)));
            for (String key : conversations) {
                removed += subscriptions.removeAll(key);
                forgetElsewhere.accept(key);
                saved.invalidate(key);
            }
            if (removed > 0) {
                log.info("chat {} stopped: {} subscription(s) deleted", pseudonyms.forLog(chatId), removed);
            }
        } catch (RuntimeException e) {
            log.warn("subscriptions of chat {} not deleted: {}", pseudonyms.forLog(chatId), e.toString());
        }
        return removed;
    }
}
