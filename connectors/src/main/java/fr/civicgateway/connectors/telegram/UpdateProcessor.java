package fr.civicgateway.connectors.telegram;

import fr.civicgateway.connectors.telegram.UpdateTranslator.Inbound;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.civicgateway.connectors.web.ConversationRateLimiter;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Dialogue;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Handles each update once, whichever way it came (long polling or webhook), on every instance together: claims the
 * update in the {@link TelegramStore} (a redelivery is confirmed and ignored), acknowledges button presses at once,
 * then answers in the background — per chat in order — through the core and the outbound queue.
 *
 * <p>{@link #accept} returns at once with a future that completes when the update may be confirmed to Telegram: once
 * the messages that answer it are stored, so that none is lost if the gateway stops before sending them. It never
 * throws; the future fails when the store could not be reached (the update must then not be confirmed). An answer
 * that fails gets the user an apology and one log line (with the chat's pseudonym, never its text). An answer slower
 * than {@code typingDelay} shows "typing…" meanwhile.
 */
final class UpdateProcessor {

    private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);

    private final Dialogue dialogue;
    private final UpdateTranslator translator;
    private final ReplyRenderer renderer;
    private final TelegramOutbox outbox;
    private final TelegramClient client;
    private final TelegramStore store;
    private final String owner;
    private final java.time.Clock clock;
    private final Duration claimLease;
    /** The updates this instance is answering now. */
    private final java.util.Set<Long> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ChatSerialExecutor chats;
    private final Scheduler scheduler;
    private final Duration typingDelay;
    private final TelegramWording wording;
    private final ChatPseudonyms pseudonyms;
    private final KnownChats knownChats;
    private final BotIdentity me;
    /** Per person (a Telegram user), like the web chat's per conversation; null for no limit. */
    private final ConversationRateLimiter userLimiter;
    /** The people told they write too fast, until they are let through again. */
    private final Cache<String, Boolean> warned = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    UpdateProcessor(Dialogue dialogue, UpdateTranslator translator, ReplyRenderer renderer, TelegramOutbox outbox,
                    TelegramClient client, TelegramStore store, String owner, java.time.Clock clock, Duration claimLease,
                    ChatSerialExecutor chats, Scheduler scheduler, Duration typingDelay, TelegramWording wording,
                    ChatPseudonyms pseudonyms, KnownChats knownChats, BotIdentity me,
                    ConversationRateLimiter userLimiter) {
        this.dialogue = dialogue;
        this.translator = translator;
        this.renderer = renderer;
        this.outbox = outbox;
        this.client = client;
        this.store = store;
        this.owner = owner;
        this.clock = clock;
        this.claimLease = claimLease;
        this.chats = chats;
        this.scheduler = scheduler;
        this.typingDelay = typingDelay;
        this.wording = wording;
        this.pseudonyms = pseudonyms;
        this.knownChats = knownChats;
        this.me = me;
        this.userLimiter = userLimiter;
    }

    /** Whether an update may be confirmed to Telegram. */
    enum Outcome {
        /** Answered (its messages stored) or not to be answered: confirm it. */
        CONFIRM,
        /** Another instance is answering it: do not confirm it, so that Telegram delivers it again if that one dies. */
        RETRY_LATER
    }

    CompletableFuture<Outcome> accept(Update update) {
        if (update == null || update.getUpdateId() == null) {
            return CompletableFuture.completedFuture(Outcome.CONFIRM);
        }
        long updateId = update.getUpdateId();
        if (!inFlight.add(updateId)) {
            // Delivered again while this instance is still answering it (a webhook retried early).
            return CompletableFuture.completedFuture(Outcome.RETRY_LATER);
        }
        CompletableFuture<Outcome> outcome = handle(update, updateId);
        outcome.whenComplete((o, e) -> inFlight.remove(updateId));
        return outcome;
    }

    private CompletableFuture<Outcome> handle(Update update, long updateId) {
        try {
            switch (store.claim(updateId, owner, clock.instant(), claimLease)) {
                case DONE -> {
                    log.debug("update {} already handled, ignored", updateId);
                    return CompletableFuture.completedFuture(Outcome.CONFIRM);
                }
                case IN_PROGRESS -> {
                    log.debug("update {} being handled by another instance", updateId);
                    return CompletableFuture.completedFuture(Outcome.RETRY_LATER);
                }
                case FIRST -> { }
            }
            Optional<Inbound> translated;
            try {
                translated = translator.translate(update);
            } catch (RuntimeException e) {
                // A malformed update (a position out of range...) is Telegram's or a client's bug: skip it, keep going.
                log.warn("update {} could not be read, ignored: {}", updateId, e.toString());
                translated = Optional.empty();
            }
            Inbound in = translated.orElse(null);
            if (in != null && in.callbackQueryId() != null) {
                acknowledge(in.callbackQueryId());
            }
            if (in == null || in.chatId() == null || in.kind() == Inbound.Kind.ACKNOWLEDGE_ONLY) {
                outbox.submit(updateId, List.of());
                return CompletableFuture.completedFuture(Outcome.CONFIRM);
            }
            if (in.message() != null && userLimiter != null) {
                String person = in.message().personKey();
                if (userLimiter.acquire(person).isPresent()) {
                    // A person flooding the bot is slowed: their extra messages are not answered, and they are told
                    // once; other people are not affected.
                    boolean tell = warned.asMap().putIfAbsent(person, Boolean.TRUE) == null;
                    Inbound notice = new Inbound(in.chatId(), in.language(), null, null, Inbound.Kind.TOO_FAST,
                            in.threadId(), in.replyTo());
                    if (!tell) {
                        outbox.submit(updateId, List.of());
                        return CompletableFuture.completedFuture(Outcome.CONFIRM);
                    }
                    return chats.execute(in.chatId(), () -> answer(updateId, notice)).thenApply(done -> Outcome.CONFIRM);
                }
                warned.invalidate(person);
            }
            return chats.execute(in.chatId(), () -> answer(updateId, in)).thenApply(done -> Outcome.CONFIRM);
        } catch (RuntimeException e) {
            log.error("update {} not handled, the store failed: {}", updateId, e.toString());
            return CompletableFuture.failedFuture(e);
        }
    }

    private void answer(long updateId, Inbound in) {
        long chatId = in.chatId();
        List<Reply> replies = new ArrayList<>();
        Typing typing = new Typing(chatId);
        if (in.kind() != Inbound.Kind.CHAT_GONE && in.kind() != Inbound.Kind.TOO_FAST) {
            typing.next(typingDelay);
        }
        try {
            switch (in.kind()) {
                case ANSWER -> replies.addAll(dialogue.handle(in.message()));
                case OPEN_CONSULTATION -> {
                    // The core lists the open consultations, then the deep link's one is picked as its button would.
                    dialogue.handle(in.message());
                    IncomingMessage m = in.message();
                    replies.addAll(dialogue.handle(new IncomingMessage(m.channel(), m.conversationId(), in.consultationId(),
                            m.locale(), null, null, m.personId(), m.capabilities())));
                }
                case GROUP_HELLO -> replies.add(wording.groupHello(in.language(), me.username()));
                case STOP -> {
                    stopPushing(chatId);
                    replies.add(wording.stopped(in.language()));
                    // The core deletes what the conversation followed, and says how much.
                    if (in.message() != null) {
                        replies.addAll(dialogue.handle(in.message()));
                    }
                }
                case CHAT_GONE -> stopPushing(chatId);
                case TOO_FAST -> replies.add(wording.tooFast(in.language()));
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
        List<BotApiMethod<Message>> messages;
        try {
            messages = in.kind() == Inbound.Kind.CHAT_GONE ? List.of()
                    : renderer.render(chatId, in.threadId(), in.replyTo(), replies);
        } catch (RuntimeException e) {
            log.error("answer to chat {} could not be rendered, apology sent", pseudonyms.forLog(chatId), e);
            messages = renderer.render(chatId, List.of(wording.apology(in.language())));
        }
        List<BotApiMethod<? extends Serializable>> out = new ArrayList<>(messages);
        if (in.pressedMessageId() != null) {
            // A used keyboard is removed (after the answer, which matters more), so that an old question's buttons
            // are not pressed again by mistake.
            out.add(EditMessageReplyMarkup.builder().chatId(chatId).messageId(in.pressedMessageId()).build());
        }
        // Stored before the update is confirmed; a store failure fails the update's future, and it is not confirmed.
        outbox.submit(updateId, out);
    }

    /** Nothing more is pushed to the chat: it is forgotten for news, and what was queued for it is dropped. */
    private void stopPushing(long chatId) {
        if (knownChats != null) {
            knownChats.forgetChat(chatId);
        }
        outbox.dropChat(chatId);
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
