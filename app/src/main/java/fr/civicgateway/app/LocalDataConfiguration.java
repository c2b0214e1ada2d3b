package fr.civicgateway.app;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.local.LocalDataSource;
import fr.civicgateway.core.sources.SourceMonitor;
import fr.civicgateway.core.sources.SourceStatus;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.opendata.local.LocalAdapters;
import fr.civicgateway.opendata.local.RemoteLocalDataSource;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The local data sources of {@code civic.local.directory}: local files read at start-up, remote ones fetched on a
 * background executor and refreshed on a schedule; their statuses for the admin API, their caches' figures for
 * Micrometer ({@code /actuator/metrics/cache.gets?tag=cache:local-data}).
 */
@Configuration(proxyBeanMethods = false)
class LocalDataConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalDataConfiguration.class);

    /** Every local data source; a bad configuration stops the start-up, a remote that is down does not. */
    record LocalData(List<LocalDataSource> sources) {

        List<RemoteLocalDataSource> remote() {
            return sources.stream().filter(RemoteLocalDataSource.class::isInstance)
                    .map(RemoteLocalDataSource.class::cast).toList();
        }
    }

    /**
     * Where remote sources are fetched and their schedule checked; wrapped rather than a bare executor bean, which
     * would displace Spring Boot's own task executor.
     */
    record LocalDataExecutor(ScheduledExecutorService executor) implements AutoCloseable {
        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    @Bean
    LocalDataExecutor localDataExecutor() {
        return new LocalDataExecutor(Executors.newScheduledThreadPool(2,
                Thread.ofPlatform().name("local-data-", 0).daemon().factory()));
    }

    @Bean
    LocalData localDataSources(LocalProperties local, OkHttpClient sharedHttpClient, LocalDataExecutor executor,
                               Clock clock, Ticker ticker, Environment environment, java.time.ZoneId townZone) {
        var remote = new LocalAdapters.Remote(sharedHttpClient, executor.executor(), clock, ticker, local.cache(),
                new Backoff(local.initialBackoff(), local.maxBackoff()), local.timeout(), local.maxSize().toBytes(),
                local.firstLoadWait(), environment::getProperty, townZone);
        LocalData data = new LocalData(LocalAdapters.load(local.directory(), local.base(), remote));
        if (!data.remote().isEmpty()) {
            long every = local.checkInterval().toMillis();
            executor.executor().scheduleWithFixedDelay(() -> {
                for (RemoteLocalDataSource s : data.remote()) {
                    try {
                        s.tick();
                    } catch (RuntimeException e) {
                        // tick only asks Caffeine for a refresh; should that ever throw, the schedule must go on.
                        log.error("local source {}: could not schedule its refresh", s.id(), e);
                    }
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        return data;
    }

    /** Each remote source's cache: hits, misses, loads and their failures, as {@code cache.*} with {@code source}. */
    @Bean
    MeterBinder localDataCacheMetrics(LocalData local) {
        return registry -> local.remote().forEach(s ->
                CaffeineCacheMetrics.monitor(registry, s.cache(), "local-data", "source", s.id()));
    }

    /** The local sources in {@code GET /api/v1/admin/sources}. */
    @Bean
    SourceMonitor localDataSourceMonitor(LocalData local) {
        return () -> {
            List<SourceStatus> out = new ArrayList<>();
            for (LocalDataSource s : local.sources()) {
                if (s instanceof SourceMonitor m) {
                    out.addAll(m.statuses());
                } else {
                    // A source written as code: what the port tells.
                    out.add(new SourceStatus(s.id(), "local", s.description().url(), s.description().dataDate(),
                            Map.of("items", s.items().size()), null, null, null, null));
                }
            }
            return out;
        };
    }
}
