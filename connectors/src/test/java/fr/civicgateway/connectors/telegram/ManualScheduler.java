package fr.civicgateway.connectors.telegram;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * A {@link Scheduler} on simulated time: tasks run only when the test calls {@link #runUntil}, in the order of their
 * planned time, the clock ({@link #now}) jumping to each task's time. Single-threaded, so the plan is exact.
 */
final class ManualScheduler implements Scheduler {

    private record Planned(long at, long seq, FutureTask<?> task) {
    }

    private final PriorityQueue<Planned> queue = new PriorityQueue<>((a, b) ->
            a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    @Override
    public synchronized Future<?> schedule(Runnable task, Duration delay) {
        FutureTask<?> f = new FutureTask<>(task, null);
        queue.add(new Planned(now + Math.max(0, delay.toNanos()), seq++, f));
        return f;
    }

    /** The simulated time, in nanoseconds since the start (a Caffeine {@code Ticker}). */
    synchronized long now() {
        return now;
    }

    /** Runs the earliest task planned (the clock jumping to its time); false when none is. */
    boolean runNext() {
        Planned next;
        synchronized (this) {
            next = queue.poll();
            if (next == null) {
                return false;
            }
            now = Math.max(now, next.at);
        }
        next.task.run();
        return true;
    }

    /** When the earliest task is planned, or null when none is. */
    synchronized Duration nextAt() {
        Planned next = queue.peek();
        return next == null ? null : Duration.ofNanos(next.at);
    }

    /** Runs every task planned up to {@code until} (including those they plan), then sets the clock there. */
    void runUntil(Duration until) {
        long end = until.toNanos();
        while (true) {
            Planned next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.at > end) {
                    now = Math.max(now, end);
                    return;
                }
                queue.poll();
                now = Math.max(now, next.at);
            }
            next.task.run();
        }
    }
}
