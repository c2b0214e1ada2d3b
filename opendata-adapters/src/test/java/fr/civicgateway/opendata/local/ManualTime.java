package fr.civicgateway.opendata.local;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** One hand-moved time for a test: the sources' Clock and Caffeine's Ticker read it, so no test sleeps. */
final class ManualTime implements Ticker {

    private volatile Instant now;

    ManualTime(Instant start) {
        this.now = start;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    Instant now() {
        return now;
    }

    @Override
    public long read() {
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    Clock clock() {
        return clock(ZoneOffset.UTC);
    }

    private Clock clock(ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return clock(other);
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }
}
