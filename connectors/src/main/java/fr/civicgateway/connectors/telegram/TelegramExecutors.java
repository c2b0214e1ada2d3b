package fr.civicgateway.connectors.telegram;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The channel's threads, held together rather than exposed as executor beans: an {@code Executor} bean would be
 * injected into other code expecting the application's own, and would switch off Spring Boot's task executor.
 *
 * @param scheduler plans the outbound queue's waits and the typing indicator (one thread, short tasks)
 * @param workers   compute answers, one virtual thread each
 */
record TelegramExecutors(ScheduledExecutorService scheduler, ExecutorService workers) implements AutoCloseable {

    /** Called by the context on shutdown: queued answers and retries are abandoned, not awaited. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }
}
