package fr.civicgateway.connectors.telegram;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Runs the tasks of one chat one after the other, in submission order, and the tasks of different chats in parallel
 * on a shared executor: two quick messages from one user are answered in order, and a slow answer in one chat does not
 * hold up the others. Only chats with work in progress take memory. Thread-safe; a failing task does not stop the
 * chat's next ones.
 */
final class ChatSerialExecutor {

    private final Executor executor;
    private final ConcurrentHashMap<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    ChatSerialExecutor(Executor executor) {
        this.executor = executor;
    }

    /** Runs the task after the chat's earlier ones; the future completes with it (exceptionally if it throws). */
    CompletableFuture<Void> execute(long chatId, Runnable task) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Void>[] created = new CompletableFuture[1];
        tails.compute(chatId, (id, tail) -> created[0] = (tail == null ? CompletableFuture.<Void>completedFuture(null)
                : tail.exceptionally(e -> null)).thenRunAsync(task, executor));
        // Registered outside compute: the task may already be done, and the callback then runs on this thread.
        created[0].whenComplete((ignored, error) -> tails.remove(chatId, created[0]));
        return created[0];
    }

    /** Chats with work queued or running (for tests and metrics). */
    int busyChats() {
        return tails.size();
    }
}
