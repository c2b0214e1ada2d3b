package fr.civicgateway.connectors.telegram;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link TelegramStore} in order, every third of a lease: renews this instance's lease on its waiting
 * messages, takes over those of an instance that died (their lease ran out), and forgets update ids older than
 * Telegram's 24 hours of redelivery and long buttons past their expiry. Failures are logged and retried next time.
 *
 * <p>Runs on Spring's {@code TaskScheduler} as the fixed-delay task {@code telegram-store-maintenance} (see
 * {@code TelegramConfiguration}), listed by Actuator's {@code scheduledtasks} endpoint. Spring cancels it when the
 * context closes, before any lifecycle bean stops, so it never runs while the outbox drains.
 */
final class TelegramMaintenance implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(TelegramMaintenance.class);
    /** Telegram keeps an unconfirmed update 24 hours: an id older than twice that cannot come again. */
    private static final Duration UPDATE_MEMORY = Duration.ofHours(48);

    private final TelegramOutbox outbox;
    private final TelegramStore store;
    private final Clock clock;
    private final Duration lease;
    private final Duration buttonExpiry;

    TelegramMaintenance(TelegramOutbox outbox, TelegramStore store, Clock clock, Duration lease, Duration buttonExpiry) {
        this.outbox = outbox;
        this.store = store;
        this.clock = clock;
        this.lease = lease;
        this.buttonExpiry = buttonExpiry;
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

    /** The period: a third of a lease, so that a lease is renewed twice before it could run out. */
    Duration period() {
        Duration third = lease.dividedBy(3);
        return third.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : third;
    }

    @Override
    public void run() {
        runOnce();
    }

    /** What Actuator's {@code scheduledtasks} endpoint shows. */
    @Override
    public String toString() {
        return "telegram-store-maintenance";
    }
}
