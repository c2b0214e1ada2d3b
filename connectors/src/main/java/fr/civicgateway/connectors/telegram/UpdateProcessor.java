package fr.civicgateway.connectors.telegram;

import fr.civicgateway.connectors.telegram.UpdateTranslator.Inbound;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Dialogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Handles each update once, whichever way it came (long polling or webhook): drops redeliveries, acknowledges button
 * presses at once, then answers in the background — per chat in order — through the core and the outbound queue.
 *
 * <p>{@link #accept} returns quickly and never throws, so the webhook can answer Telegram at once and a bad update
 * cannot stop the poll loop. An answer that fails gets the user an apology and one log line (with the chat's
 * pseudonym, never its text). An answer slower than {@code typingDelay} shows "typing…" meanwhile.
 */
final class UpdateProcessor {

    private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);

    private final Dialogue dialogue;
    private final UpdateTranslator translator;
    private final ReplyRenderer renderer;
    private final TelegramOutbox outbox;
    private final TelegramClient client;
    private final RecentUpdates recentUpdates;
    private final ChatSerialExecutor chats;
    private final Scheduler scheduler;
    private final Duration typingDelay;
    private final TelegramWording wording;
    private final ChatPseudonyms pseudonyms;

    UpdateProcessor(Dialogue dialogue, UpdateTranslator translator, ReplyRenderer renderer, TelegramOutbox outbox,
                    TelegramClient client, RecentUpdates recentUpdates, ChatSerialExecutor chats, Scheduler scheduler,
                    Duration typingDelay, TelegramWording wording, ChatPseudonyms pseudonyms) {
        this.dialogue = dialogue;
        this.translator = translator;
        this.renderer = renderer;
        this.outbox = outbox;
        this.client = client;
        this.recentUpdates = recentUpdates;
        this.chats = chats;
        this.scheduler = scheduler;
        this.typingDelay = typingDelay;
        this.wording = wording;
        this.pseudonyms = pseudonyms;
    }

    void accept(Update update) {
        if (update == null || update.getUpdateId() == null) {
            return;
        }
        if (!recentUpdates.firstTime(update.getUpdateId())) {
            log.debug("update {} already handled, ignored", update.getUpdateId());
            return;
        }
        Optional<Inbound> translated;
        try {
            translated = translator.translate(update);
        } catch (RuntimeException e) {
            // A malformed update (a position out of range...) is Telegram's or a client's bug: skip it, keep going.
            log.warn("update {} could not be read, ignored: {}", update.getUpdateId(), e.toString());
            return;
        }
        translated.ifPresent(in -> {
            if (in.callbackQueryId() != null) {
                acknowledge(in.callbackQueryId());
            }
            if (in.chatId() != null && in.kind() != Inbound.Kind.ACKNOWLEDGE_ONLY) {
                chats.execute(in.chatId(), () -> answer(in));
            }
        });
    }

    private void answer(Inbound in) {
        long chatId = in.chatId();
        List<Reply> replies = new ArrayList<>();
        Typing typing = new Typing(chatId);
        typing.next(typingDelay);
        try {
            switch (in.kind()) {
                case ANSWER -> replies.addAll(dialogue.handle(in.message()));
                case WELCOME -> {
                    replies.addAll(dialogue.handle(in.message()));
                    replies.add(wording.privacyNote(in.language()));
                }
                case EXPIRED_BUTTON -> replies.add(wording.expiredButton(in.language()));
                case UNSUPPORTED -> replies.add(wording.unsupported(in.language()));
                case ACKNOWLEDGE_ONLY -> { }
            }
        } catch (RuntimeException e) {
            log.error("answer to chat {} failed, apology sent", pseudonyms.forLog(chatId), e);
            replies.clear();
            replies.add(wording.apology(in.language()));
        } finally {
            typing.stop();
        }
        try {
            renderer.render(chatId, replies).forEach(m -> outbox.submit(chatId, m));
        } catch (RuntimeException e) {
            log.error("answer to chat {} could not be rendered, apology sent", pseudonyms.forLog(chatId), e);
            renderer.render(chatId, List.of(wording.apology(in.language()))).forEach(m -> outbox.submit(chatId, m));
        }
    }

    /** Stops the spinner on the pressed button; best effort, outside the queue, as it is not a message. */
    private void acknowledge(String callbackQueryId) {
        try {
            client.executeAsync(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build())
                    .exceptionally(e -> {
                        log.info("answerCallbackQuery failed: {}", e.toString());
                        return null;
                    });
        } catch (Exception e) {
            log.info("answerCallbackQuery failed: {}", e.toString());
        }
    }

    /**
     * "typing…" while an answer is prepared: first after {@code typingDelay}, then again before Telegram's five seconds
     * run out, until stopped. Best effort, outside the queue: a chat action is not a message.
     */
    private final class Typing {
        private static final Duration RENEW = Duration.ofSeconds(4);
        private final long chatId;
        private volatile boolean stopped;
        private volatile Future<?> next;

        Typing(long chatId) {
            this.chatId = chatId;
        }

        void next(Duration delay) {
            next = scheduler.schedule(this::show, delay);
        }

        void stop() {
            stopped = true;
            Future<?> pending = next;
            if (pending != null) {
                pending.cancel(false);
            }
        }

        private void show() {
            if (stopped) {
                return;
            }
            try {
                client.executeAsync(SendChatAction.builder().chatId(chatId).action(ActionType.TYPING.toString()).build())
                        .exceptionally(e -> null);
            } catch (Exception e) {
                log.debug("sendChatAction failed for chat {}: {}", pseudonyms.forLog(chatId), e.toString());
            }
            if (!stopped) {
                next(RENEW);
            }
        }
    }
}
