package fr.civicgateway.opendata.local;

import fr.civicgateway.core.retry.Backoff;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Remote settings for tests: fetches run on the calling thread (a refresh is over when the call that started it
 * returns), time is a {@link ManualTime}, back-off one minute doubling up to an hour.
 */
final class TestRemote {

    private TestRemote() {
    }

    static LocalAdapters.Remote of(OkHttpClient http, ManualTime time, Path cache, long maxBytes,
                                   Map<String, String> environment) {
        return new LocalAdapters.Remote(http, Runnable::run, time.clock(), time, cache,
                new Backoff(Duration.ofMinutes(1), Duration.ofHours(1)), Duration.ofSeconds(5), maxBytes,
                Duration.ofSeconds(5), environment::get, ZoneId.of("Europe/Paris"));
    }

    static LocalAdapters.Remote of(OkHttpClient http, ManualTime time, Path cache) {
        return of(http, time, cache, 5L << 20, Map.of());
    }
}
