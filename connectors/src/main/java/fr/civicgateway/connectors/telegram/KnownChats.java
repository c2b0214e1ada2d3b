package fr.civicgateway.connectors.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * The chats the bot has heard from lately, by conversation pseudonym, so that news (a report's new status) can be
 * pushed to the chat. In memory only and bounded, like the chat id an answer is sent to: never stored, never logged.
 * After a restart or {@code expiry} of silence a chat is unknown, and the news waits for its next message.
 */
final class KnownChats {

    private final Cache<String, Long> chats;

    KnownChats(long maximum, Duration expiry, Ticker ticker) {
        this.chats = Caffeine.newBuilder().maximumSize(maximum).expireAfterAccess(expiry).ticker(ticker).build();
    }

    void remember(String conversationId, long chatId) {
        chats.put(conversationId, chatId);
    }

    /** The chat blocked the bot, left it, or asked it to stop: nothing is pushed there until it writes again. */
    void forgetChat(long chatId) {
        chats.asMap().values().removeIf(c -> c == chatId);
    }

    Optional<Long> chatOf(String conversationId) {
        return Optional.ofNullable(chats.getIfPresent(conversationId));
    }
}
