package fr.civicgateway.core.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a failing source waits before its next attempt: {@code initial} after the first failure in a row, twice as
 * long after each further one, never more than {@code max}. A source down for a day is then tried a few dozen times,
 * not every minute, and is back within {@code max} of its return.
 *
 * @param initial the wait after the first failure; positive
 * @param max     the longest wait; at least {@code initial}
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("the initial back-off must be positive: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("the maximum back-off (" + max + ") must not be shorter than the initial one ("
                    + initial + ")");
        }
    }

    /**
     * This back-off with no wait longer than {@code cap}: a source checked every {@code cap} while it answers is then
     * retried at least as often while it fails. Both waits are cut, so a cap below {@code initial} is every wait.
     */
    public Backoff atMost(Duration cap) {
        Objects.requireNonNull(cap, "cap");
        return new Backoff(shorter(initial, cap), shorter(max, cap));
    }

    /** The wait after the n-th failure in a row (1 for the first). */
    public Duration after(int failuresInARow) {
        if (failuresInARow < 1) {
            throw new IllegalArgumentException("failuresInARow must be at least 1: " + failuresInARow);
        }
        Duration d = initial;
        for (int i = 1; i < failuresInARow && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return shorter(d, max);
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) > 0 ? b : a;
    }
}
