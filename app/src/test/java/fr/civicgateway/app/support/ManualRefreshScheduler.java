package fr.civicgateway.app.support;

import fr.civicgateway.opendata.http.RefreshScheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Plans refreshes without ever running them: the test triggers a refresh itself, and reads the delay the gateway
 * planned. No test waits for a back-off.
 */
public final class ManualRefreshScheduler implements RefreshScheduler {

    private volatile Duration delay;

    @Override
    public Future<?> schedule(Runnable task, Duration delay) {
        this.delay = delay;
        return new CompletableFuture<>();
    }

    /** The delay of the refresh planned last. */
    public Duration delay() {
        return delay;
    }
}
