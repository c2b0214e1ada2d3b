package fr.civicgateway.connectors.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the {@link TelegramStore} in order, every third of a lease: renews this instance's lease on its waiting
 * messages, takes over those of an instance that died (their lease ran out), and forgets update ids older than
 * Telegram's 24 hours of redelivery and long buttons past their expiry. Failures are logged and retried next time.
 */
final class TelegramMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramMaintenance.class);
    /** Telegram keeps an unconfirmed update 24 hours: an id older than twice that cannot come again. */
    private static final Duration UPDATE_MEMORY = Duration.ofHours(48);

    private final TelegramOutbox outbox;
    private final TelegramStore store;
    private final Clock clock;
    private final Duration lease;
    private final Duration buttonExpiry;
    private final ScheduledExecutorService scheduler;
    private final Executor workers;
    private volatile ScheduledFuture<?> task;

    TelegramMaintenance(TelegramOutbox outbox, TelegramStore store, Clock clock, Duration lease, Duration buttonExpiry,
                        ScheduledExecutorService scheduler, Executor workers) {
        this.outbox = outbox;
        this.store = store;
        this.clock = clock;
        this.lease = lease;
        this.buttonExpiry = buttonExpiry;
        this.scheduler = scheduler;
        this.workers = workers;
    }

    void runOnce() {
        try {
            outbox.renewLease();
            outbox.recover(false);
            store.purgeUpdates(clock.instant().minus(UPDATE_MEMORY));
            store.purgeButtons(clock.instant().minus(buttonExpiry));
        } catch (RuntimeException e) {
            log.warn("Telegram store maintenance failed, retried in {} s: {}", lease.dividedBy(3).toSeconds(), e.toString());
        }
    }

    @Override
    public void start() {
        long period = Math.max(1, lease.dividedBy(3).toMillis());
        task = scheduler.scheduleWithFixedDelay(() -> workers.execute(this::runOnce), period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
    }

    @Override
    public boolean isRunning() {
        ScheduledFuture<?> t = task;
        return t != null && !t.isCancelled();
    }
}
