package fr.civicgateway.opendata.http;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a refresh after a delay. Refreshing sources plan every attempt through it (the next interval, a back-off), so
 * that tests replace it and trigger refreshes themselves instead of waiting for one.
 *
 * <p>Implementations run the task once, never on the calling thread, and may run it late but not early. Errors: the
 * task handles its own failures; an implementation need not catch anything.
 *
 * <pre>{@code
 * RefreshScheduler scheduler = RefreshScheduler.of(Executors.newSingleThreadScheduledExecutor());
 * scheduler.schedule(refresh::refreshDue, Duration.ofHours(6));
 * }</pre>
 */
@FunctionalInterface
public interface RefreshScheduler {

    /** Plans the task {@code delay} from now; a zero or negative delay means as soon as possible. */
    Future<?> schedule(Runnable task, Duration delay);

    static RefreshScheduler of(ScheduledExecutorService executor) {
        return (task, delay) -> executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }
}
