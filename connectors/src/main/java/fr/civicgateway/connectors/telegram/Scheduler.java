package fr.civicgateway.connectors.telegram;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay. The outbound queue plans every wait through it (rate limits, {@code retry_after},
 * back-off), so tests replace it to check the waits without sleeping. Implementations must not run the task on the
 * calling thread.
 */
@FunctionalInterface
interface Scheduler {

    Future<?> schedule(Runnable task, Duration delay);

    static Scheduler of(ScheduledExecutorService executor) {
        return (task, delay) -> executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }
}
