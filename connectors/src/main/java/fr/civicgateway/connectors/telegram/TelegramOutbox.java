package fr.civicgateway.connectors.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.connectors.telegram.TelegramStore.Outgoing;
import fr.civicgateway.connectors.telegram.TelegramStore.Stored;
import fr.civicgateway.core.retry.Backoff;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The messages going out to Telegram: stored first ({@link TelegramStore}), then sent within Telegram's limits, and
 * forgotten only once Telegram has acknowledged them, so that a gateway stopped or killed mid-queue sends them after
 * its restart (or another instance does, once this one's lease has run out).
 *
 * <p>Limits: about {@code messagesPerSecond} messages a second for the whole bot, one message per
 * {@code perChatInterval} to a private chat and per {@code groupInterval} to a group (Telegram allows about 20 a
 * minute there). Each chat has its own queue: messages to one chat leave in the order they were stored, and a chat
 * that must wait (its interval, a {@code retry_after}) takes no global slot while it waits, so no other chat waits
 * for it.
 *
 * <p>Failures: a {@code 429 Too Many Requests} is retried after the {@code retry_after} Telegram gives, as often as
 * Telegram asks; a 5xx or a network error is retried with the shared {@link Backoff} up to {@code maxRetries} times,
 * then dropped with a log line; a 403 (the user blocked the bot, the bot left the group) drops every message queued
 * for the chat; any other refusal (a 400) drops the message, but for a chart's photo, whose caption is then sent as a
 * text. Log lines name the chat by its pseudonym only.
 *
 * <p>A chart ({@link ChartPhoto}) is stored by its path and becomes a {@code sendPhoto} upload (or, without a PNG,
 * its caption as a {@code sendMessage}) only when it leaves, under the same limits, order and retries as a text.
 *
 * <p>Thread-safe. Every wait goes through the {@link Scheduler}; {@link #submit} blocks only to store the messages.
 */
final class TelegramOutbox {

    private static final Logger log = LoggerFactory.getLogger(TelegramOutbox.class);

    private static final long NOT_PLANNED = Long.MIN_VALUE;
    /** The methods that go through this queue, by the name they are stored under. */
    private static final Map<String, Class<? extends BotApiMethod<?>>> METHODS = Map.of(
            SendMessage.PATH, SendMessage.class,
            EditMessageReplyMarkup.PATH, EditMessageReplyMarkup.class,
            ChartPhoto.PATH, ChartPhoto.class);

    /**
     * The queue's limits.
     *
     * @param messagesPerSecond all chats together
     * @param perChatInterval   between two messages to a private chat
     * @param groupInterval     between two messages to a group or channel
     * @param maxRetries        retries of a 5xx or network failure before the message is dropped
     * @param backoff           the waits between those retries
     * @param lease             how long a stored message stays this instance's without renewal
     */
    record Limits(int messagesPerSecond, Duration perChatInterval, Duration groupInterval, int maxRetries,
                  Backoff backoff, Duration lease) {
    }

    private final TelegramClient client;
    private final TelegramStore store;
    private final ObjectMapper json;
    private final String owner;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Ticker ticker;
    private final ChatPseudonyms pseudonyms;
    private final Limits limits;
    private final ChartPngs pngs;
    private final long globalIntervalNanos;
    /** When the next message may leave, all chats together (a GCRA with no burst). */
    private final AtomicLong nextGlobalSlot;
    /** One lane per chat with messages waiting or sent less than an interval ago; mutated only in compute. */
    private final ConcurrentHashMap<Long, Lane> lanes = new ConcurrentHashMap<>();
    /** Ids of the stored messages in a lane, so that a message taken over twice is queued once. */
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    /**
     * A sent message leaves the store and {@link #queued} together (read side, sends run in parallel) as seen by a
     * take-over (write side): otherwise a take-over could read the row of a message just sent and queue it again.
     */
    private final ReentrantReadWriteLock sentVersusRecovered = new ReentrantReadWriteLock();
    /** Told when Telegram answers 403 for a chat (blocked, removed): the chat's follows end there. */
    private volatile java.util.function.LongConsumer unreachable = chatId -> { };

    /** Without charts: each is sent as its caption (tests of texts alone). */
    TelegramOutbox(TelegramClient client, TelegramStore store, ObjectMapper json, String owner, Clock clock,
                   Scheduler scheduler, Ticker ticker, ChatPseudonyms pseudonyms, Limits limits) {
        this(client, store, json, owner, clock, scheduler, ticker, pseudonyms, limits, ChartPngs.NONE);
    }

    /** @param pngs makes a chart's PNG when its turn to leave comes */
    TelegramOutbox(TelegramClient client, TelegramStore store, ObjectMapper json, String owner, Clock clock,
                   Scheduler scheduler, Ticker ticker, ChatPseudonyms pseudonyms, Limits limits, ChartPngs pngs) {
        this.pngs = pngs;
        this.client = client;
        this.store = store;
        this.json = json;
        this.owner = owner;
        this.clock = clock;
        this.scheduler = scheduler;
        this.ticker = ticker;
        this.pseudonyms = pseudonyms;
        this.limits = limits;
        this.globalIntervalNanos = 1_000_000_000L / limits.messagesPerSecond();
        this.nextGlobalSlot = new AtomicLong(ticker.read());
    }

    /**
     * Stores the messages owed for an update and marks the update done, in one transaction, then queues them (once
     * committed, when the store joined a caller's transaction: {@link TelegramStore#afterCommit}).
     *
     * @param updateId the update they answer, or null for pushed news
     * @throws TelegramStore.TelegramStoreException when they could not be stored: nothing is queued
     */
    void submit(Long updateId, List<? extends BotApiMethod<? extends Serializable>> methods) {
        List<Outgoing> outgoing = new ArrayList<>();
        for (BotApiMethod<? extends Serializable> m : methods) {
            outgoing.add(new Outgoing(chatOf(m), m.getMethod(), write(m)));
        }
        List<Stored> stored = store.complete(updateId, owner, outgoing, clock.instant(), limits.lease());
        store.afterCommit(() -> {
            for (int i = 0; i < stored.size(); i++) {
                enqueue(stored.get(i).id(), stored.get(i).chatId(), methods.get(i));
            }
        });
    }

    /** Who is told when a chat turns out unreachable (a 403); set once, at wiring. */
    void onUnreachable(java.util.function.LongConsumer listener) {
        this.unreachable = listener;
    }

    /** Queues a single message (for pushed news). */
    void submit(BotApiMethod<? extends Serializable> method) {
        submit(null, List.of(method));
    }

    /**
     * Queues the stored messages no live instance is sending: all of them when this is the only instance (polling
     * mode, at start-up), else those whose lease has run out. Returns how many were queued.
     */
    int recover(boolean all) {
        sentVersusRecovered.writeLock().lock();
        try {
            return recoverLocked(all);
        } finally {
            sentVersusRecovered.writeLock().unlock();
        }
    }

    private int recoverLocked(boolean all) {
        int count = 0;
        for (Stored s : store.takeOver(owner, clock.instant(), limits.lease(), all)) {
            if (queued.contains(s.id())) {
                continue;
            }
            Class<? extends BotApiMethod<?>> type = METHODS.get(s.method());
            try {
                if (type == null) {
                    throw new IllegalStateException("unknown method " + s.method());
                }
                @SuppressWarnings("unchecked")
                BotApiMethod<? extends Serializable> method = (BotApiMethod<? extends Serializable>) json.readValue(s.body(), type);
                enqueue(s.id(), s.chatId(), method);
                count++;
            } catch (JsonProcessingException | RuntimeException e) {
                log.warn("stored message {} to chat {} cannot be read back, dropped: {}", s.id(),
                        pseudonyms.forLog(s.chatId()), e.getClass().getSimpleName());
                store.dropped(s.id());
            }
        }
        if (count > 0) {
            log.info("{} stored Telegram message(s) queued again", count);
        }
        return count;
    }

    /** Keeps this instance's stored messages its own for another lease. */
    void renewLease() {
        store.renew(owner, clock.instant().plus(limits.lease()));
    }

    /** Stops pushing to a chat: its queued messages are dropped, here and in the store. */
    void dropChat(long chatId) {
        Lane lane = lanes.remove(chatId);
        if (lane != null) {
            lane.waiting.forEach(p -> queued.remove(p.id));
            lane.waiting.clear();
        }
        int dropped = store.dropChat(chatId);
        log.info("chat {} no longer reachable: {} queued message(s) dropped", pseudonyms.forLog(chatId), dropped);
    }

    /** Messages waiting, all chats together (for tests and metrics). */
    int pending() {
        return lanes.values().stream().mapToInt(l -> l.waiting.size()).sum();
    }

    private void enqueue(long id, long chatId, BotApiMethod<? extends Serializable> method) {
        if (!queued.add(id)) {
            return;
        }
        long[] sendAt = {NOT_PLANNED};
        lanes.compute(chatId, (c, lane) -> {
            Lane l = lane == null ? new Lane() : lane;
            l.waiting.add(new Pending(id, method));
            if (!l.busy) {
                l.busy = true;
                sendAt[0] = l.notBefore;
            }
            return l;
        });
        // Planned once compute has returned, so that the sending thread finds the lane in the map.
        plan(chatId, sendAt[0]);
    }

    /**
     * Plans the lane's next send: a chat that must wait first waits without holding a global slot, then takes the
     * first free one. Holding the slot while waiting would make every other chat wait as long.
     */
    private void plan(long chatId, long notBefore) {
        if (notBefore == NOT_PLANNED) {
            return;
        }
        long now = ticker.read();
        if (notBefore > now) {
            scheduler.schedule(() -> plan(chatId, Math.min(notBefore, ticker.read())), Duration.ofNanos(notBefore - now));
            return;
        }
        long slot = reserveGlobalSlot(now);
        scheduler.schedule(() -> send(chatId), Duration.ofNanos(slot - now));
    }

    /** Takes the first free global slot at or after {@code earliest}: the time the message may leave. */
    private long reserveGlobalSlot(long earliest) {
        while (true) {
            long free = nextGlobalSlot.get();
            long slot = Math.max(free, earliest);
            if (nextGlobalSlot.compareAndSet(free, slot + globalIntervalNanos)) {
                return slot;
            }
        }
    }

    private void send(long chatId) {
        Lane lane = lanes.get(chatId);
        Pending next = lane == null ? null : lane.waiting.peek();
        if (next == null) {
            return;
        }
        CompletableFuture<? extends Serializable> call;
        try {
            call = next.method instanceof ChartPhoto chart ? sendChart(chatId, chart, next.captionOnly) : client.executeAsync(next.method);
        } catch (Exception e) {
            // Thrown before any request: the method failed validation. Retrying would not help.
            done(chatId, next, Outcome.DROP, e);
            return;
        }
        call.whenComplete((result, error) -> {
            if (error == null) {
                done(chatId, next, Outcome.SENT, null);
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                done(chatId, next, classify(cause, next), cause);
            }
        });
    }

    /**
     * A chart leaves as a photo, its PNG made now (stored rows hold only its path), or as its caption when the PNG
     * cannot be made: the reader still gets the figures. Made again at each attempt, as an upload's stream is read once.
     */
    private CompletableFuture<Message> sendChart(long chatId, ChartPhoto chart, boolean captionOnly)
            throws TelegramApiException {
        Optional<byte[]> png = Optional.empty();
        try {
            if (!captionOnly) {
                png = pngs.png(chart.getChart(), Locale.forLanguageTag(chart.getLocale()));
            }
        } catch (RuntimeException e) {
            log.warn("chart {} for chat {} not made: {}", chart.getChart(), pseudonyms.forLog(chatId), e.toString());
        }
        if (png.isEmpty()) {
            log.info("chart {} for chat {} sent as its caption: no PNG", chart.getChart(), pseudonyms.forLog(chatId));
            return client.executeAsync(SendMessage.builder().chatId(chart.getChatId())
                    .messageThreadId(chart.getMessageThreadId()).text(chart.getCaption())
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).build());
        }
        return client.executeAsync(SendPhoto.builder().chatId(chart.getChatId())
                .messageThreadId(chart.getMessageThreadId())
                .photo(new InputFile(new ByteArrayInputStream(png.get()), "chart.png"))
                .caption(chart.getCaption()).build());
    }

    private Outcome classify(Throwable error, Pending pending) {
        if (error instanceof TelegramApiRequestException r && r.getErrorCode() != null) {
            int code = r.getErrorCode();
            Integer retryAfter = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
            if (code == 429) {
                return Outcome.retryAfter(Duration.ofSeconds(retryAfter == null ? 1 : Math.max(1, retryAfter)));
            }
            if (code >= 500) {
                return backoff(pending);
            }
            if (code == 403) {
                return Outcome.UNREACHABLE;
            }
            if (code == 400 && pending.method instanceof ChartPhoto && !pending.captionOnly) {
                // Telegram refused the picture itself: the caption still carries the figures.
                pending.captionOnly = true;
                return Outcome.retryAfter(Duration.ZERO);
            }
            if (code > 0) {
                return Outcome.DROP;
            }
        }
        // An I/O failure, or an answer that is not the Bot API's JSON (a proxy's error page): worth a few retries.
        return backoff(pending);
    }

    private Outcome backoff(Pending pending) {
        if (pending.failures >= limits.maxRetries()) {
            return Outcome.DROP;
        }
        return Outcome.retryAfter(limits.backoff().after(pending.failures + 1));
    }

    private void done(long chatId, Pending pending, Outcome outcome, Throwable error) {
        String method = pending.method.getMethod();
        switch (outcome.kind) {
            case SENT -> log.debug("{} sent to chat {}", method, pseudonyms.forLog(chatId));
            case DROP, UNREACHABLE -> log.warn("{} to chat {} dropped after {} attempt(s): {}", method,
                    pseudonyms.forLog(chatId), pending.failures + 1, describe(error));
            case RETRY -> log.info("{} to chat {} retried in {} ms: {}", method, pseudonyms.forLog(chatId),
                    outcome.delay.toMillis(), describe(error));
        }
        if (outcome.kind == Kind.UNREACHABLE) {
            forget(pending, true);
            dropChatQuietly(chatId);
            try {
                unreachable.accept(chatId);
            } catch (RuntimeException e) {
                log.warn("chat {} unreachable, its follows not stopped: {}", pseudonyms.forLog(chatId), e.toString());
            }
            return;
        }
        if (outcome.kind != Kind.RETRY) {
            forget(pending, outcome.kind == Kind.DROP);
        }
        long[] sendAt = {NOT_PLANNED};
        boolean[] idle = {false};
        lanes.compute(chatId, (id, lane) -> {
            if (lane == null) {
                return null;
            }
            long now = ticker.read();
            if (outcome.kind == Kind.RETRY) {
                pending.failures++;
                lane.notBefore = now + outcome.delay.toNanos();
            } else {
                lane.waiting.poll();
                lane.notBefore = now + interval(chatId);
            }
            if (lane.waiting.isEmpty()) {
                lane.busy = false;
                idle[0] = true;
            } else {
                sendAt[0] = lane.notBefore;
            }
            return lane;
        });
        plan(chatId, sendAt[0]);
        if (idle[0]) {
            // Keep the lane until its interval is over, so that the next message to the chat still waits.
            scheduler.schedule(() -> lanes.computeIfPresent(chatId, (id, l) ->
                    !l.busy && ticker.read() >= l.notBefore ? null : l), Duration.ofNanos(interval(chatId)));
        }
    }

    /** Groups and channels have negative ids in the Bot API. */
    private long interval(long chatId) {
        return (chatId < 0 ? limits.groupInterval() : limits.perChatInterval()).toNanos();
    }

    private void forget(Pending pending, boolean dropped) {
        sentVersusRecovered.readLock().lock();
        try {
            if (dropped) {
                store.dropped(pending.id);
            } else {
                store.sent(pending.id);
            }
        } catch (RuntimeException e) {
            // The message stays stored: it will be sent again after a restart, a duplicate rather than a loss.
            log.warn("message {} not marked {} in the store: {}", pending.id, dropped ? "dropped" : "sent", e.toString());
        } finally {
            // Only once its row is gone: a take-over meanwhile finds it still queued and leaves it.
            queued.remove(pending.id);
            sentVersusRecovered.readLock().unlock();
        }
    }

    private void dropChatQuietly(long chatId) {
        try {
            dropChat(chatId);
        } catch (RuntimeException e) {
            log.warn("messages to chat {} not dropped from the store: {}", pseudonyms.forLog(chatId), e.toString());
        }
    }

    private String write(BotApiMethod<?> method) {
        try {
            return json.writeValueAsString(method);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + method.getMethod() + " as JSON", e);
        }
    }

    private static long chatOf(BotApiMethod<?> method) {
        String chatId = switch (method) {
            case SendMessage m -> m.getChatId();
            case EditMessageReplyMarkup m -> m.getChatId();
            case ChartPhoto p -> p.getChatId();
            default -> throw new IllegalArgumentException("not a chat message: " + method.getMethod());
        };
        return Long.parseLong(chatId);
    }

    /** What went wrong, without the request (it holds the user's text) nor the token (it is in the URL). */
    private static String describe(Throwable error) {
        if (error == null) {
            return "no error";
        }
        if (error instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() > 0) {
            return "Bot API error " + r.getErrorCode() + " " + Optional.ofNullable(r.getApiResponse()).orElse("");
        }
        return error.getClass().getSimpleName();
    }

    private enum Kind { SENT, RETRY, DROP, UNREACHABLE }

    private record Outcome(Kind kind, Duration delay) {
        static final Outcome SENT = new Outcome(Kind.SENT, Duration.ZERO);
        static final Outcome DROP = new Outcome(Kind.DROP, Duration.ZERO);
        static final Outcome UNREACHABLE = new Outcome(Kind.UNREACHABLE, Duration.ZERO);

        static Outcome retryAfter(Duration delay) {
            return new Outcome(Kind.RETRY, delay);
        }
    }

    private static final class Pending {
        final long id;
        final BotApiMethod<? extends Serializable> method;
        volatile int failures;
        /** A chart whose photo Telegram refused: sent as its caption. */
        volatile boolean captionOnly;

        Pending(long id, BotApiMethod<? extends Serializable> method) {
            this.id = id;
            this.method = method;
        }
    }

    private static final class Lane {
        /** Read by the sending thread outside the map's lock, hence a concurrent queue. */
        final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
        // Only read and written inside lanes.compute, which serialises them per chat.
        boolean busy;
        long notBefore = Long.MIN_VALUE + 1;
    }
}
