package fr.civicgateway.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.dialogue.ConversationStore;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.flow.Flow;
import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.local.LocalProjectsHandler;
import fr.civicgateway.core.nlu.CachingUnderstanding;
import fr.civicgateway.core.nlu.NaturalLanguageUnderstanding;
import fr.civicgateway.core.nlu.OpenNlpUnderstanding;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.ScrutinSearch;
import fr.civicgateway.core.reports.ReportNotices;
import fr.civicgateway.core.reports.ReportStatusHandler;
import fr.civicgateway.core.representative.AttendanceHandler;
import fr.civicgateway.core.representative.FindRepresentativeHandler;
import fr.civicgateway.core.representative.ProfileHandler;
import fr.civicgateway.core.smalltalk.GreetHandler;
import fr.civicgateway.core.smalltalk.HelpHandler;
import fr.civicgateway.core.smalltalk.OutOfScopeHandler;
import fr.civicgateway.core.votes.ParliamentActivityHandler;
import fr.civicgateway.core.votes.RepresentativeVotesHandler;
import fr.civicgateway.core.votes.TopicSearch;
import fr.civicgateway.core.votes.VoteResultHandler;
import fr.civicgateway.opendata.assemblee.AssembleeLoader;
import fr.civicgateway.opendata.geo.GeoTablesLoader;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Assembles the gateway: the open-data adapters behind the core's ports, the NLU built from that data, one handler
 * per intent, and the dialogue the connectors talk to. The conversation store and its database are in
 * {@code fr.civicgateway.app.storage}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DataProperties.class, ConversationProperties.class, LocalProperties.class})
class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Ticker ticker() {
        return Ticker.systemTicker();
    }

    /** The two open-data snapshots, loaded at the same time: they are independent and each takes seconds. */
    record OpenData(ParliamentData parliament, GeoDirectory geo) {
    }

    @Bean
    OpenData openDataSnapshots(DataProperties data) {
        CompletableFuture<GeoDirectory> geo = CompletableFuture.supplyAsync(() -> GeoTablesLoader.load(data.geo()),
                task -> Thread.ofPlatform().name("geo-load").start(task));
        ParliamentData parliament = AssembleeLoader.ofShippedLayout(data.assemblee()).load();
        try {
            return new OpenData(parliament, geo.join());
        } catch (CompletionException e) {
            // The loaders' own exception (it names the file) is what the operator needs to read.
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Bean
    ParliamentData parliamentData(OpenData data) {
        return data.parliament();
    }

    @Bean
    GeoDirectory geoDirectory(OpenData data) {
        return data.geo();
    }

    @Bean
    NaturalLanguageUnderstanding naturalLanguageUnderstanding(ParliamentData parliament, GeoDirectory geo) {
        return new CachingUnderstanding(OpenNlpUnderstanding.create(parliament, geo), 20_000);
    }

    @Bean
    TopicSearch topicSearch(ParliamentData parliament) {
        ScrutinSearch search = new ScrutinSearch(parliament);
        // The same topics come back again and again ("budget", "retraites"): keep recent results.
        Cache<String, TopicSearch.Matches> recent = Caffeine.newBuilder().maximumSize(5_000).build();
        return (topic, limit) -> recent.get(limit + ":" + topic, k -> {
            ScrutinSearch.Result r = search.search(topic, limit);
            return new TopicSearch.Matches(r.scrutins(), r.total());
        });
    }

    @Bean
    List<IntentHandler> coreIntentHandlers(ParliamentData parliament, GeoDirectory geo, TopicSearch topics,
                                           ReportStatusHandler reportStatus,
                                           LocalDataConfiguration.LocalData local) {
        return List.of(
                new GreetHandler(),
                new HelpHandler(),
                new OutOfScopeHandler(),
                new FindRepresentativeHandler(parliament, geo),
                new ProfileHandler(parliament),
                new AttendanceHandler(parliament),
                new RepresentativeVotesHandler(parliament, topics),
                new VoteResultHandler(parliament, topics),
                new ParliamentActivityHandler(parliament),
                new LocalProjectsHandler(local.sources()),
                reportStatus);
    }

    @Bean
    Dialogue dialogue(NaturalLanguageUnderstanding nlu, ConversationStore store, List<IntentHandler> coreIntentHandlers,
                      List<Flow> flows, ReportNotices reportNotices, Clock clock) {
        // Every Flow bean (the problem report, the consultation flow, ...) answers its own intent instead of a handler.
        return new Dialogue(nlu, store, coreIntentHandlers, flows, reportNotices, clock);
    }
}
