package fr.civicgateway.connectors.telegram;

import fr.civicgateway.core.conversation.ChannelNotifier;
import fr.civicgateway.core.conversation.Reply;
import java.util.List;
import java.util.Optional;

/** Pushes news to a Telegram chat the bot has heard from lately ({@link KnownChats}), through the outbound queue. */
final class TelegramNotifier implements ChannelNotifier {

    private final KnownChats chats;
    private final ReplyRenderer renderer;
    private final TelegramOutbox outbox;

    TelegramNotifier(KnownChats chats, ReplyRenderer renderer, TelegramOutbox outbox) {
        this.chats = chats;
        this.renderer = renderer;
        this.outbox = outbox;
    }

    @Override
    public String channel() {
        return UpdateTranslator.CHANNEL;
    }

    @Override
    public boolean push(String conversationId, List<Reply> replies) {
        Optional<Long> chat = chats.chatOf(conversationId);
        if (chat.isEmpty()) {
            return false;
        }
        long chatId = chat.get();
        outbox.submit(null, renderer.render(chatId, replies));
        return true;
    }
}
