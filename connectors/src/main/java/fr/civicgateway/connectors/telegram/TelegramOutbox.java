package fr.civicgateway.connectors.telegram;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The queue of messages going out to Telegram, within its limits: about {@code messagesPerSecond} messages a second
 * for the whole bot and one message per {@code perChatInterval} to each chat. Messages to one chat leave in the
 * order they were submitted; chats do not wait for each other beyond the global rate.
 *
 * <p>Failures: a {@code 429 Too Many Requests} is retried after the {@code retry_after} Telegram gives, as often as
 * Telegram asks (a message is never dropped for it); a 5xx or a network error is retried with a doubling back-off
 * up to {@code maxRetries} times, then dropped with a log line; any other refusal (a 400, or a 403 from a user who
 * blocked the bot) is logged and dropped at once. Log lines name the chat by its pseudonym only, never its text.
 *
 * <p>Thread-safe. Every wait goes through the {@link Scheduler}; nothing blocks the submitting thread.
 */
final class TelegramOutbox {

    private static final Logger log = LoggerFactory.getLogger(TelegramOutbox.class);

    private static final long NOT_PLANNED = Long.MIN_VALUE;

    private final TelegramClient client;
    private final Scheduler scheduler;
    private final Ticker ticker;
    private final ChatPseudonyms pseudonyms;
    private final long globalIntervalNanos;
    private final long perChatIntervalNanos;
    private final int maxRetries;
    private final long retryBackoffNanos;
    /** When the next message may leave, all chats together (a GCRA with no burst). */
    private final AtomicLong nextGlobalSlot;
    /** One lane per chat with messages waiting or sent less than a per-chat interval ago; mutated only in compute. */
    private final ConcurrentHashMap<Long, Lane> lanes = new ConcurrentHashMap<>();

    TelegramOutbox(TelegramClient client, Scheduler scheduler, Ticker ticker, ChatPseudonyms pseudonyms,
                   int messagesPerSecond, Duration perChatInterval, int maxRetries, Duration retryBackoff) {
        this.client = client;
        this.scheduler = scheduler;
        this.ticker = ticker;
        this.pseudonyms = pseudonyms;
        this.globalIntervalNanos = 1_000_000_000L / messagesPerSecond;
        this.perChatIntervalNanos = perChatInterval.toNanos();
        this.maxRetries = maxRetries;
        this.retryBackoffNanos = retryBackoff.toNanos();
        this.nextGlobalSlot = new AtomicLong(ticker.read());
    }

    /** Queues a message for a chat; it leaves when the limits allow. */
    void submit(long chatId, BotApiMethod<? extends Serializable> method) {
        long[] sendAt = {NOT_PLANNED};
        lanes.compute(chatId, (id, lane) -> {
            Lane l = lane == null ? new Lane() : lane;
            l.waiting.add(new Pending(method));
            if (!l.busy) {
                l.busy = true;
                sendAt[0] = plan(l);
            }
            return l;
        });
        // Scheduled once compute has returned, so that the sending thread finds the lane in the map.
        scheduleSend(chatId, sendAt[0]);
    }

    /** Messages waiting, all chats together (for tests and metrics). */
    int pending() {
        return lanes.values().stream().mapToInt(l -> l.waiting.size()).sum();
    }

    /** When the lane's next message may leave: after the chat's own wait, in the first free global slot. */
    private long plan(Lane lane) {
        return reserveGlobalSlot(Math.max(ticker.read(), lane.notBefore));
    }

    private void scheduleSend(long chatId, long at) {
        if (at != NOT_PLANNED) {
            scheduler.schedule(() -> send(chatId), Duration.ofNanos(at - ticker.read()));
        }
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
            call = client.executeAsync(next.method);
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

    private Outcome classify(Throwable error, Pending pending) {
        if (error instanceof TelegramApiRequestException r) {
            Integer retryAfter = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
            if (r.getErrorCode() != null && r.getErrorCode() == 429) {
                return Outcome.retryAfter(Duration.ofSeconds(retryAfter == null ? 1 : Math.max(1, retryAfter)));
            }
            if (r.getErrorCode() != null && r.getErrorCode() >= 500) {
                return backoff(pending);
            }
            if (r.getErrorCode() != null && r.getErrorCode() > 0) {
                return Outcome.DROP;
            }
        }
        // An I/O failure, or an answer that is not the Bot API's JSON (a proxy's error page): worth a few retries.
        return backoff(pending);
    }

    private Outcome backoff(Pending pending) {
        if (pending.failures >= maxRetries) {
            return Outcome.DROP;
        }
        return Outcome.retryAfter(Duration.ofNanos(retryBackoffNanos << Math.min(pending.failures, 16)));
    }

    private void done(long chatId, Pending pending, Outcome outcome, Throwable error) {
        String method = pending.method.getMethod();
        switch (outcome.kind) {
            case SENT -> log.debug("{} sent to chat {}", method, pseudonyms.forLog(chatId));
            case DROP -> log.warn("{} to chat {} dropped after {} attempt(s): {}", method, pseudonyms.forLog(chatId),
                    pending.failures + 1, describe(error));
            case RETRY -> log.info("{} to chat {} retried in {} ms: {}", method, pseudonyms.forLog(chatId),
                    outcome.delay.toMillis(), describe(error));
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
                lane.notBefore = now + perChatIntervalNanos;
            }
            if (lane.waiting.isEmpty()) {
                lane.busy = false;
                idle[0] = true;
            } else {
                sendAt[0] = plan(lane);
            }
            return lane;
        });
        scheduleSend(chatId, sendAt[0]);
        if (idle[0]) {
            // Keep the lane until its per-chat interval is over, so that the next message to the chat still waits.
            scheduler.schedule(() -> lanes.computeIfPresent(chatId, (id, l) ->
                    !l.busy && ticker.read() >= l.notBefore ? null : l), Duration.ofNanos(perChatIntervalNanos));
        }
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

    private enum Kind { SENT, RETRY, DROP }

    private record Outcome(Kind kind, Duration delay) {
        static final Outcome SENT = new Outcome(Kind.SENT, Duration.ZERO);
        static final Outcome DROP = new Outcome(Kind.DROP, Duration.ZERO);

        static Outcome retryAfter(Duration delay) {
            return new Outcome(Kind.RETRY, delay);
        }
    }

    private static final class Pending {
        final BotApiMethod<? extends Serializable> method;
        volatile int failures;

        Pending(BotApiMethod<? extends Serializable> method) {
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
