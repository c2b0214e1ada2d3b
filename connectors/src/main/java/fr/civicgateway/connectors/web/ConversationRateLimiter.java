package fr.civicgateway.connectors.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * A token bucket per key (a conversation, a client address, a Telegram user): {@code burst} requests at once, then
 * one every {@code interval}. Buckets of idle keys are forgotten, so memory stays bounded whatever clients send.
 * Thread-safe. Public so that every channel limits the same way (Telegram keys it by the person who writes).
 */
public final class ConversationRateLimiter {

    private final long burst;
    private final long intervalNanos;
    private final Ticker ticker;
    private final Cache<String, Bucket> buckets;

    public ConversationRateLimiter(int burst, Duration interval, long maximumConversations, Ticker ticker) {
        if (burst < 1) {
            throw new IllegalArgumentException("rate-limit burst must be at least 1: " + burst);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("rate-limit interval must be positive: " + interval);
        }
        this.burst = burst;
        this.intervalNanos = interval.toNanos();
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maximumConversations)
                .expireAfterAccess(interval.multipliedBy(burst).plusMinutes(1))
                .ticker(ticker)
                .build();
    }

    /** Takes one message's token: empty when allowed, else how long to wait before the next message. */
    public Optional<Duration> acquire(String conversationKey) {
        long now = ticker.read();
        Bucket bucket = buckets.get(conversationKey, k -> new Bucket(now));
        synchronized (bucket) {
            // GCRA: "tat" is when the bucket would be empty again; up to burst - 1 intervals of debt are allowed.
            long tat = Math.max(bucket.tat, now);
            long debt = tat - now;
            long allowedDebt = (burst - 1) * intervalNanos;
            if (debt > allowedDebt) {
                return Optional.of(Duration.ofNanos(debt - allowedDebt));
            }
            bucket.tat = tat + intervalNanos;
            return Optional.empty();
        }
    }

    private static final class Bucket {
        long tat;

        Bucket(long tat) {
            this.tat = tat;
        }
    }
}
