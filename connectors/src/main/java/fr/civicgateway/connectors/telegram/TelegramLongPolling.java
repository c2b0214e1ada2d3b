package fr.civicgateway.connectors.telegram;

import fr.civicgateway.connectors.telegram.UpdateProcessor.Outcome;
import fr.civicgateway.core.retry.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Long polling (the default mode, for one instance): asks Telegram for updates in a loop and hands each to the
 * {@link UpdateProcessor}. An update is confirmed (the next {@code getUpdates}' offset moves past it) only once the
 * messages that answer it are stored, so that a gateway stopped or killed in between gets it again after its restart
 * and loses no answer. Started after the rest of the application and stopped before it with the Spring lifecycle.
 *
 * <p>Errors: a token Telegram refuses ({@code getMe} answered 401 or 404) fails start-up with a message naming
 * {@code TELEGRAM_BOT_TOKEN}. Telegram being unreachable does not: the gateway's other channels start, and polls are
 * retried with the shared {@link Backoff}; a {@code 429} on {@code getUpdates} waits the {@code retry_after} Telegram
 * asks for. Every wait goes through the {@link Scheduler} (one thread), so that tests check the waits.
 */
final class TelegramLongPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramLongPolling.class);
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "my_chat_member");
    /** How long Telegram holds a poll open when there is no update. */
    private static final int POLL_SECONDS = 50;
    /** The longest a poll waits for its updates' answers to be stored before it gives up and asks again. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(2);

    private final TelegramClient client;
    private final UpdateProcessor processor;
    private final TelegramOutbox outbox;
    private final TelegramStore store;
    private final Scheduler scheduler;
    private final ScheduledExecutorService pollExecutor;
    private final Backoff backoff;
    private volatile boolean running;
    // Only touched by the poll loop, one poll at a time.
    private int offset;
    private int failures;

    /**
     * @param pollExecutor the loop's own thread, shut down by {@link #stop}; may be null when tests run the loop
     * @param scheduler    plans each poll, on that thread in production
     */
    TelegramLongPolling(TelegramClient client, UpdateProcessor processor, TelegramOutbox outbox, TelegramStore store,
                        Scheduler scheduler,
                        ScheduledExecutorService pollExecutor, Backoff backoff) {
        this.client = client;
        this.processor = processor;
        this.outbox = outbox;
        this.store = store;
        this.scheduler = scheduler;
        this.pollExecutor = pollExecutor;
        this.backoff = backoff;
    }

    @Override
    public void start() {
        checkToken();
        running = true;
        scheduler.schedule(this::recoverThenPoll, Duration.ZERO);
    }

    private void checkToken() {
        try {
            client.execute(new GetMe());
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            if (code != null && (code == 401 || code == 404)) {
                throw new IllegalStateException("Telegram refused " + TelegramSecrets.BOT_TOKEN + " (" + code
                        + "): check the token BotFather gave");
            }
            log.warn("Telegram's getMe failed, polling anyway: {}", e.getMessage());
        } catch (Exception e) {
            log.warn("Telegram's getMe failed, polling anyway: {}", e.toString());
        }
    }

    /**
     * In polling mode this is the only instance: whatever a previous run left unsent or unfinished is its own. A
     * webhook left registered would make every getUpdates fail (409): it is removed, its pending updates kept.
     */
    private void recoverThenPoll() {
        try {
            client.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
        } catch (Exception e) {
            log.warn("Telegram's deleteWebhook failed, polling anyway: {}", e.toString());
        }
        try {
            store.releaseUnfinishedClaims();
            outbox.recover(true);
        } catch (RuntimeException e) {
            failures++;
            Duration wait = backoff.after(failures);
            log.error("stored Telegram messages not read, retrying in {} s: {}", wait.toSeconds(), e.toString());
            next(this::recoverThenPoll, wait);
            return;
        }
        failures = 0;
        log.info("Telegram long polling started");
        next(this::poll, Duration.ZERO);
    }

    void poll() {
        if (!running) {
            return;
        }
        Duration wait = Duration.ZERO;
        try {
            List<Update> updates = client.execute(GetUpdates.builder().offset(offset).timeout(POLL_SECONDS)
                    .allowedUpdates(ALLOWED_UPDATES).build());
            confirmUpTo(handle(updates));
            failures = 0;
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            if (code != null && code == 429 && retryAfter != null) {
                wait = Duration.ofSeconds(Math.max(1, retryAfter));
                log.warn("Telegram asked to wait {} s before the next getUpdates", wait.toSeconds());
            } else {
                wait = backoff.after(++failures);
                log.warn("getUpdates refused ({}), retrying in {} s: {}", code, wait.toSeconds(), e.getApiResponse());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            if (!running) {
                return;
            }
            wait = backoff.after(++failures);
            log.warn("getUpdates failed, retrying in {} s: {}", wait.toSeconds(), e.toString());
        }
        next(this::poll, wait);
    }

    /**
     * Hands the updates to the processor and waits until each may be confirmed; returns the id of the last update
     * of the unbroken run from the first that may, or null when the first may not.
     */
    private Integer handle(List<Update> updates) throws InterruptedException {
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        for (Update u : updates) {
            outcomes.add(processor.accept(u));
        }
        Integer last = null;
        long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        for (int i = 0; i < updates.size(); i++) {
            try {
                Outcome o = outcomes.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (o != Outcome.CONFIRM) {
                    break;
                }
                last = updates.get(i).getUpdateId();
            } catch (ExecutionException | TimeoutException e) {
                // Not stored: the update stays unconfirmed and comes again with the next poll.
                break;
            }
        }
        if (last == null && !updates.isEmpty()) {
            throw new IllegalStateException("no update of the batch could be answered");
        }
        return last;
    }

    private void confirmUpTo(Integer lastUpdateId) {
        if (lastUpdateId != null) {
            offset = lastUpdateId + 1;
        }
    }

    private void next(Runnable task, Duration wait) {
        if (running) {
            scheduler.schedule(task, wait);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (pollExecutor != null) {
            // A poll may be waiting up to 50 s for Telegram's answer: interrupt it rather than wait.
            pollExecutor.shutdownNow();
        }
        log.info("Telegram long polling stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
