package fr.civicgateway.app.opendata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.civicgateway.app.DataProperties;
import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.nlu.CachingUnderstanding;
import fr.civicgateway.core.nlu.DatedUnderstanding;
import fr.civicgateway.core.nlu.NaturalLanguageUnderstanding;
import fr.civicgateway.core.nlu.OpenNlpUnderstanding;
import fr.civicgateway.core.nlu.IntentClassifier;
import fr.civicgateway.core.nlu.GazetteerEntityExtractor;
import fr.civicgateway.core.nlu.Understanding;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.representative.ParticipationSource;
import fr.civicgateway.core.votes.VoteAlignments;
import fr.civicgateway.core.sources.SourceMonitor;
import fr.civicgateway.core.votes.TopicSearch;
import fr.civicgateway.opendata.assemblee.AssembleeLoader;
import fr.civicgateway.opendata.assemblee.AssembleeRefresh;
import fr.civicgateway.opendata.assemblee.AssembleeSnapshot;
import fr.civicgateway.opendata.assemblee.ShippedAssemblee;
import fr.civicgateway.opendata.assemblee.WorkLoader;
import fr.civicgateway.opendata.assemblee.WorkRefresh;
import fr.civicgateway.opendata.geo.GeoTablesLoader;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.opendata.http.ConditionalDownloader;
import fr.civicgateway.opendata.http.RefreshScheduler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import fr.civicgateway.opendata.assemblee.WorkSnapshot;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.context.annotation.Configuration;

/**
 * The open data the gateway answers from: the Assemblée's snapshot behind a swappable {@link LiveOpenData}, the
 * geographic tables, the NLU and topic search built over them, their caches (bounded, with their figures in
 * Actuator's {@code cache.*} metrics), and, when {@code civic.data.refresh.enabled} is true, the live refresh of
 * the Assemblée's archives.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RefreshProperties.class, WorkRefreshProperties.class})
class OpenDataConfiguration {

    private static final String REFRESH_ENABLED = "civic.data.refresh.enabled";
    private static final String WORK_REFRESH_ENABLED = "civic.data.refresh.work.enabled";

    /**
     * The deputies' record and the Assemblée's work, loading since the Assemblée's snapshot was read (it needs the
     * deputies), in parallel with the geographic tables and the NLU; {@link #liveAssemblyWork} joins it.
     */
    private final AtomicReference<CompletableFuture<WorkSnapshot>> workAtStart = new AtomicReference<>();

    /**
     * The data at start: the geographic tables and the Assemblée's snapshot, loaded at the same time (they are
     * independent and each takes seconds), then the NLU trained over them. Started before the context by
     * {@link DataAtStart} when its loads read what this context is configured with; started here otherwise. No other
     * bean holds the snapshot: after a refresh, nothing keeps the start-up one alive.
     */
    @Bean
    LiveOpenData liveOpenData(DataProperties data, ObjectProvider<AssembleeRefresh> refresh,
                              ObjectProvider<WorkRefresh> workRefresh, ObjectProvider<MeterRegistry> meters,
                              ObjectProvider<IntentClassifier> classifier, ObjectProvider<DataAtStart.Loads> early) {
        DataAtStart.Loads started = early.getIfAvailable();
        if (started != null && !started.readFrom(data.directory())) {
            started = null;
        }
        CompletableFuture<GeoDirectory> loadingGeo = started != null ? started.geo()
                : CompletableFuture.supplyAsync(() -> GeoTablesLoader.load(data.geo()),
                        task -> Thread.ofPlatform().name("geo-load").start(task));
        AssembleeRefresh live = refresh.getIfAvailable();
        WorkRefresh liveWork = workRefresh.getIfAvailable();
        AssembleeSnapshot parliament;
        if (live == null && liveWork == null && started != null && started.assemblee() != null) {
            parliament = DataAtStart.Loads.join(started.assemblee());
            workAtStart.set(started.work());
        } else {
            // With refresh on, the last good downloaded archives when they load; the shipped snapshot otherwise.
            parliament = live != null ? live.loadAtStart()
                    : AssembleeLoader.ofShippedLayout(data.assemblee()).load();
            workAtStart.set(CompletableFuture.supplyAsync(() -> liveWork != null ? liveWork.loadAtStart(parliament)
                            : WorkLoader.ofShippedLayout(data.directory()).load(parliament),
                    task -> Thread.ofPlatform().name("work-load").start(task)));
        }
        GeoDirectory geo = DataAtStart.Loads.join(loadingGeo);
        // Understanding is a pure function of the text and the data: every quick reply's payload comes back often.
        Cache<CachingUnderstanding.Key, Understanding> understood = Caffeine.newBuilder().maximumSize(20_000)
                .recordStats().build();
        // The same topics come back again and again ("budget", "retraites").
        Cache<LiveOpenData.TopicKey, TopicSearch.Matches> topics = Caffeine.newBuilder().maximumSize(5_000)
                .recordStats().build();
        meters.ifAvailable(registry -> {
            CaffeineCacheMetrics.monitor(registry, understood, "understood-texts");
            CaffeineCacheMetrics.monitor(registry, topics, "topic-searches");
        });
        // The classifier is trained on the corpora of the discovered handlers, which read this data: obtained once,
        // at its first use (the naturalLanguageUnderstanding bean makes it be trained at start-up).
        return new LiveOpenData(parliament, geo, OpenNlpUnderstanding.trainedLater(classifier::getObject,
                new GazetteerEntityExtractor(parliament, geo)), understood, topics);
    }

    /**
     * A deputy's record beyond votes and the Assemblée's work (issue 11): the comptes rendus (streamed), agenda,
     * dossiers législatifs and HATVP index, computed once into figures (docs/data.md); also the {@code AssemblyWork}
     * handlers hold. With refresh on, from the last good downloads when they load, else the shipped snapshot.
     */
    @Bean
    LiveAssemblyWork liveAssemblyWork(LiveOpenData live) {
        return new LiveAssemblyWork(DataAtStart.Loads.join(workAtStart.get()));
    }

    /** Also the admin API's {@link SourceMonitor} of the four (five with the amendements) archives. */
    @Bean(destroyMethod = "stop")
    @ConditionalOnProperty(name = {REFRESH_ENABLED, WORK_REFRESH_ENABLED}, havingValue = "true")
    WorkRefresh workRefresh(RefreshProperties p, WorkRefreshProperties w, DataProperties data,
                            OkHttpClient sharedHttpClient, Clock clock, RefreshScheduler scheduler,
                            ObjectProvider<LiveOpenData> live) {
        OkHttpClient http = sharedHttpClient.newBuilder().connectTimeout(p.timeout()).readTimeout(p.timeout())
                .writeTimeout(p.timeout()).callTimeout(p.downloadTimeout()).build();
        HttpUrl amendements = w.amendementsUrl() == null || w.amendementsUrl().toString().isBlank() ? null
                : HttpUrl.get(w.amendementsUrl());
        return new WorkRefresh(new ConditionalDownloader(http, p.maxDownloadSize().toBytes()),
                new WorkRefresh.Sources(HttpUrl.get(w.comptesRendusUrl()), HttpUrl.get(w.dossiersUrl()),
                        HttpUrl.get(w.agendaUrl()), HttpUrl.get(w.hatvpUrl()), amendements),
                WorkLoader.ofShippedLayout(data.directory()).paths(), p.directory().resolve("assemblee-work"),
                () -> live.getObject().parliament(), p.interval(), new Backoff(p.initialBackoff(), p.maxBackoff()),
                clock, scheduler);
    }

    /** Like the Assemblée's refresh, the first check runs once the gateway answers. */
    @Bean
    @ConditionalOnProperty(name = {REFRESH_ENABLED, WORK_REFRESH_ENABLED}, havingValue = "true")
    ApplicationListener<ApplicationReadyEvent> workRefreshStart(WorkRefresh refresh, LiveAssemblyWork work) {
        return event -> refresh.start(work::swap);
    }

    @Bean
    ParliamentData parliamentData(LiveOpenData live) {
        return live.parliament();
    }

    @Bean
    GeoDirectory geoDirectory(LiveOpenData live) {
        return live.geo();
    }

    /**
     * The NLU over the current data, cached by text; the days a message names ("demain") are placed in time after the
     * cache, on today in the town's zone, so that a cached "demain" never outlives its midnight.
     */
    @Bean
    NaturalLanguageUnderstanding naturalLanguageUnderstanding(LiveOpenData live, IntentClassifier trainedAtStart,
                                                              Clock clock, java.time.ZoneId townZone) {
        return new DatedUnderstanding(live.understanding(), clock, townZone);
    }

    @Bean
    TopicSearch topicSearch(LiveOpenData live) {
        return live.topics();
    }

    @Bean
    ParticipationSource participations(LiveOpenData live) {
        return live.participations();
    }

    /**
     * Loyalty, group cohesion and closeness, computed once per version of the data behind the live port: the one
     * instance the chat and the records API share.
     */
    @Bean
    VoteAlignments voteAlignments(ParliamentData parliamentData) {
        return new VoteAlignments(parliamentData);
    }

    /** Without refresh, the admin API lists the shipped snapshot's archives, read once. */
    @Bean
    @ConditionalOnProperty(name = REFRESH_ENABLED, havingValue = "false", matchIfMissing = true)
    SourceMonitor shippedAssembleeSources(LiveOpenData live, DataProperties data, Clock clock) {
        return new ShippedAssemblee(live.snapshot(), data.assemblee(), clock.instant());
    }

    /**
     * The refresh's attempts (the next interval, a back-off) are one-shot tasks on Spring's {@code TaskScheduler},
     * which Spring stops at shutdown; an archive is replaced only once fully downloaded and checked, so a kill during
     * a download loses nothing but that download.
     */
    @Bean
    @ConditionalOnProperty(name = REFRESH_ENABLED, havingValue = "true")
    RefreshScheduler openDataRefreshScheduler(TaskScheduler scheduler) {
        // The scheduler's own clock: the gateway's Clock may be a test's, which a real timer cannot follow.
        return (task, delay) -> scheduler.schedule(task,
                scheduler.getClock().instant().plus(delay.isNegative() ? Duration.ZERO : delay));
    }

    /** Also the admin API's {@link SourceMonitor} of the three archives. */
    @Bean(destroyMethod = "stop")
    @ConditionalOnProperty(name = REFRESH_ENABLED, havingValue = "true")
    AssembleeRefresh assembleeRefresh(RefreshProperties p, DataProperties data, OkHttpClient sharedHttpClient,
                                      Clock clock, RefreshScheduler scheduler) {
        // A server silent for `timeout` is given up on; one that trickles, after `download-timeout` in all.
        OkHttpClient http = sharedHttpClient.newBuilder().connectTimeout(p.timeout()).readTimeout(p.timeout())
                .writeTimeout(p.timeout()).callTimeout(p.downloadTimeout()).build();
        return new AssembleeRefresh(new ConditionalDownloader(http, p.maxDownloadSize().toBytes()),
                new AssembleeRefresh.Sources(HttpUrl.get(p.amo10Url()), HttpUrl.get(p.amo30Url()),
                        HttpUrl.get(p.scrutinsUrl())),
                data.assemblee(), p.assemblee(), p.interval(), new Backoff(p.initialBackoff(), p.maxBackoff()), clock,
                scheduler);
    }

    /** The first check runs once the gateway answers, not during the start-up: it costs a load of the archives. */
    @Bean
    @ConditionalOnProperty(name = REFRESH_ENABLED, havingValue = "true")
    ApplicationListener<ApplicationReadyEvent> assembleeRefreshStart(AssembleeRefresh refresh, LiveOpenData live) {
        return event -> refresh.start(live);
    }
}
