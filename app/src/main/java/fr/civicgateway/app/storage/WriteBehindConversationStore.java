package fr.civicgateway.app.storage;

import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.ConversationStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps conversation context in the database without a commit on every message. A save goes to a pending map; a
 * periodic task on Spring's {@code TaskScheduler} saves everything pending in a single transaction, at most
 * {@code flushInterval} later; this instance reads its own pending states first, so it always sees its latest
 * answer. Under load, hundreds of messages share
 * one commit instead of queueing one by one for the database's write lock.
 *
 * <p>What this trades: a crash ({@code kill -9}) can lose the last {@code flushInterval} of conversation context
 * (the bot then asks again what it was told), and another instance sees a state that much later. Reports and
 * consultation answers never go through here: they are committed before the citizen is told. A graceful stop
 * writes everything pending. When the database is down, pending states are kept and retried; past
 * {@code maximumPending} a save is written directly, so that the failure reaches the dialogue.
 */
final class WriteBehindConversationStore implements ConversationStore, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WriteBehindConversationStore.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);
    /** At a graceful stop, how many times a failing final write is tried (one second apart). */
    private static final int STOP_ATTEMPTS = 3;

    private final JdbcConversationStore database;
    private final Duration flushInterval;
    private final int maximumPending;
    private final Map<String, ConversationState> pending = new ConcurrentHashMap<>();
    private volatile boolean running;
    /** Whether the last pass failed, so that an outage is logged once and its end once. */
    private volatile boolean failing;

    WriteBehindConversationStore(JdbcConversationStore database, Duration flushInterval, int maximumPending) {
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flushInterval must be positive: " + flushInterval);
        }
        this.database = database;
        this.flushInterval = flushInterval;
        this.maximumPending = maximumPending;
    }

    @Override
    public Optional<ConversationState> find(String conversationKey) {
        ConversationState mine = pending.get(conversationKey);
        return mine != null ? Optional.of(mine) : database.find(conversationKey);
    }

    @Override
    public void save(String conversationKey, ConversationState state) {
        if (!running || pending.size() >= maximumPending) {
            database.save(conversationKey, state);
            pending.remove(conversationKey);
            return;
        }
        pending.put(conversationKey, state);
        if (!running) {
            // Stopped meanwhile: the final write may already be done, so this one is written now.
            flush();
        }
    }

    /**
     * Writes everything pending now, in one transaction. Returns how many states were written. One flush at a time
     * (the scheduled pass, a graceful stop, a test): two at once could both insert a new conversation's first row.
     */
    synchronized int flush() {
        if (pending.isEmpty()) {
            return 0;
        }
        Map<String, ConversationState> batch = new HashMap<>(pending);
        database.saveAll(batch);
        // Only what was written leaves the map: a newer state saved meanwhile stays pending.
        batch.forEach(pending::remove);
        return batch.size();
    }

    /**
     * One pass of the periodic write, run by Spring's {@code TaskScheduler} every {@code flushInterval} (the
     * {@code conversation-write-behind} task, see {@code StorageConfiguration}). Under load, the messages of one
     * interval share one commit. A failure is logged once and retried at the next pass, states staying pending.
     */
    void flushPending() {
        try {
            flush();
            if (failing) {
                log.info("conversation states are saved to the database again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("conversation states not saved yet, retrying ({} pending): {}", pending.size(), e.toString());
                failing = true;
            }
        }
    }

    /** The delay between two passes of {@link #flushPending()}. */
    Duration flushInterval() {
        return flushInterval;
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Writes everything pending, on the stopping thread. Spring has already cancelled the periodic pass (the
     * scheduler stops before this phase), so this is the last write; a save arriving from now on goes straight to
     * the database.
     */
    @Override
    public void stop() {
        running = false;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            try {
                flush();
            } catch (RuntimeException e) {
                if (attempt >= STOP_ATTEMPTS) {
                    log.warn("{} conversation states could not be saved before stopping: {}", pending.size(), e.toString());
                    return;
                }
                sleep(RETRY_AFTER_FAILURE);
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (which stops at a higher phase) so that late answers are still written. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
