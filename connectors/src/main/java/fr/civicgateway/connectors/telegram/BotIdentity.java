package fr.civicgateway.connectors.telegram;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Who the bot is on Telegram (its user id and username, from {@code getMe} at start-up), so that in a group it
 * answers only what is addressed to it: {@code /help@ThisBot}, a mention of {@code @ThisBot}, a reply to one of its
 * messages. Until known (Telegram unreachable at start-up, retried at each group message), commands without a
 * target are still answered in a group, and mentions and replies are not recognised. Thread-safe.
 */
final class BotIdentity {

    private static final Logger log = LoggerFactory.getLogger(BotIdentity.class);

    private final TelegramClient client;
    private volatile Long id;
    private volatile String username;

    BotIdentity(TelegramClient client) {
        this.client = client;
    }

    /** For tests and for a known identity. */
    BotIdentity(long id, String username) {
        this.client = null;
        this.id = id;
        this.username = username;
    }

    /** Asks Telegram once more when not known yet; failures are logged, never thrown. */
    void refreshIfUnknown() {
        if (username != null || client == null) {
            return;
        }
        try {
            User me = client.execute(new GetMe());
            id = me.getId();
            username = me.getUserName();
        } catch (Exception e) {
            log.warn("Telegram's getMe failed, the bot's username is not known yet: {}", e.toString());
        }
    }

    boolean isMe(User user) {
        Long me = id;
        return user != null && me != null && me.equals(user.getId());
    }

    /** Whether {@code name} (without the {@code @}) is this bot's username; Telegram's usernames ignore case. */
    boolean isMyUsername(String name) {
        String me = username;
        return me != null && name != null && me.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }

    String username() {
        return username;
    }
}
