package fr.civicgateway.app;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.local.LocalDataSource;
import fr.civicgateway.core.local.LocalProjectsHandler;
import fr.civicgateway.core.sources.SourceMonitor;
import fr.civicgateway.core.sources.SourceStatus;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.opendata.local.Feeds;
import fr.civicgateway.opendata.local.LocalAdapters;
import fr.civicgateway.opendata.local.RemoteFeed;
import fr.civicgateway.opendata.local.RemoteLocalDataSource;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/**
 * The local data sources of {@code civic.local.directory}: local files read at start-up, remote ones fetched on
 * Spring's {@code TaskScheduler} and refreshed on a schedule; their statuses for the admin API, their caches' figures for
 * Micrometer ({@code /actuator/metrics/cache.gets?tag=cache:local-data}).
 */
@Configuration(proxyBeanMethods = false)
class LocalDataConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LocalDataConfiguration.class);

    /**
     * Every local data source and news feed; a bad configuration stops the start-up, a remote that is down does not.
     */
    record LocalData(List<LocalDataSource> sources, Feeds news) {

        List<RemoteLocalDataSource> remote() {
            return sources.stream().filter(RemoteLocalDataSource.class::isInstance)
                    .map(RemoteLocalDataSource.class::cast).toList();
        }
    }

    /**
     * Remote sources are fetched on Spring's {@code TaskScheduler} (Caffeine's refresh executor: never a request
     * thread); a failed fetch keeps the last good copy on disk.
     */
    @Bean
    LocalData localDataSources(LocalProperties local, OkHttpClient sharedHttpClient, TaskScheduler scheduler,
                               Clock clock, Ticker ticker, Environment environment, java.time.ZoneId townZone) {
        Executor onScheduler = task -> scheduler.schedule(task, scheduler.getClock().instant());
        var remote = new LocalAdapters.Remote(sharedHttpClient, onScheduler, clock, ticker, local.cache(),
                new Backoff(local.initialBackoff(), local.maxBackoff()), local.timeout(), local.maxSize().toBytes(),
                local.firstLoadWait(), environment::getProperty, townZone);
        LocalAdapters.Loaded loaded = LocalAdapters.loadAll(local.directory(), local.base(), remote);
        return new LocalData(loaded.data(), loaded.news());
    }

    /**
     * The town hall's news ({@code type: feed} files of the same directory), as the core's {@code TownNews}:
     * {@code local_news} answers from it, the follow alerts listen to its new items; as a {@code SourceMonitor}, its
     * feeds are in the admin API's sources (kind {@code feed}).
     */
    @Bean
    Feeds townNews(LocalData data) {
        return data.news();
    }

    /** The remote sources' refresh and retry times, checked as a periodic task listed by Actuator. */
    @Bean
    SchedulingConfigurer localDataCheck(LocalData data, LocalProperties local) {
        return tasks -> {
            if (data.remote().isEmpty() && data.news().feeds().isEmpty()) {
                return;
            }
            tasks.addFixedDelayTask(new FixedDelayTask(new NamedTask("local-data-check", () -> {
                for (RemoteLocalDataSource s : data.remote()) {
                    try {
                        s.tick();
                    } catch (RuntimeException e) {
                        // tick only asks Caffeine for a refresh; should that ever throw, the schedule must go on.
                        log.error("local source {}: could not schedule its refresh", s.id(), e);
                    }
                }
                for (RemoteFeed f : data.news().feeds()) {
                    try {
                        f.tick();
                    } catch (RuntimeException e) {
                        log.error("news feed {}: could not schedule its refresh", f.id(), e);
                    }
                }
            }), local.checkInterval(), local.checkInterval()));
        };
    }

    /** Replaces the discovered LocalProjectsHandler (same name and type): its sources are the configured ones. */
    @Bean
    LocalProjectsHandler localProjectsHandler(LocalData local, fr.civicgateway.core.town.Town town) {
        return new LocalProjectsHandler(local.sources(), town);
    }

    /** Each remote source's cache: hits, misses, loads and their failures, as {@code cache.*} with {@code source}. */
    @Bean
    MeterBinder localDataCacheMetrics(LocalData local) {
        return registry -> {
            local.remote().forEach(s ->
                    CaffeineCacheMetrics.monitor(registry, s.cache(), "local-data", "source", s.id()));
            local.news().feeds().forEach(f ->
                    CaffeineCacheMetrics.monitor(registry, f.cache(), "local-data", "source", f.id()));
        };
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
