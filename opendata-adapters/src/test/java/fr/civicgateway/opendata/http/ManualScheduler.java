package fr.civicgateway.opendata.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** Remembers the one task planned last and its delay; runs it only when the test says so. */
public final class ManualScheduler implements RefreshScheduler {

    private Runnable task;
    private Duration delay;

    @Override
    public synchronized Future<?> schedule(Runnable task, Duration delay) {
        this.task = task;
        this.delay = delay;
        return new CompletableFuture<>();
    }

    public synchronized Duration delay() {
        return delay;
    }

    /** Runs the task planned last, as the scheduler's thread would when its delay is over. */
    public void runPlanned() {
        Runnable t;
        synchronized (this) {
            t = task;
            task = null;
        }
        if (t == null) {
            throw new AssertionError("nothing planned");
        }
        t.run();
    }
}
