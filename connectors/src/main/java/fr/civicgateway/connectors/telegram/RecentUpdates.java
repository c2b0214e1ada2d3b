package fr.civicgateway.connectors.telegram;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@code capacity} update ids seen, so that an update Telegram delivers again (a webhook retried after a
 * timeout, a poll that overlapped a restart) is answered once. Strictly first-in first-out, so the most recent ids
 * are always the ones kept. Thread-safe; shared by the polling and webhook modes.
 */
final class RecentUpdates {

    private final Map<Integer, Boolean> seen;

    RecentUpdates(long capacity) {
        if (capacity < 1 || capacity > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("civic.telegram.recent-updates must be between 1 and 2^31-1: " + capacity);
        }
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is offered, false when it was seen among the recent ones. */
    synchronized boolean firstTime(int updateId) {
        return seen.putIfAbsent(updateId, Boolean.TRUE) == null;
    }
}
