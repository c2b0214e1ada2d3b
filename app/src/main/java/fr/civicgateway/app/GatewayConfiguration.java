package fr.civicgateway.app;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.dialogue.ConversationLocks;
import fr.civicgateway.core.dialogue.ConversationStore;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.TurnScope;
import fr.civicgateway.core.flow.Flow;
import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.local.LocalProjectsHandler;
import fr.civicgateway.core.nlu.NaturalLanguageUnderstanding;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.reports.ReportNotices;
import fr.civicgateway.core.reports.ReportStatusHandler;
import fr.civicgateway.core.representative.AttendanceHandler;
import fr.civicgateway.core.representative.ParticipationSource;
import fr.civicgateway.core.representative.FindRepresentativeHandler;
import fr.civicgateway.core.representative.ProfileHandler;
import fr.civicgateway.core.smalltalk.GreetHandler;
import fr.civicgateway.core.smalltalk.HelpHandler;
import fr.civicgateway.core.smalltalk.NotYetAvailableHandler;
import fr.civicgateway.core.smalltalk.OutOfScopeHandler;
import fr.civicgateway.core.votes.ParliamentActivityHandler;
import fr.civicgateway.core.votes.RepresentativeVotesHandler;
import fr.civicgateway.core.votes.TopicSearch;
import fr.civicgateway.core.votes.VoteResultHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Assembles the gateway: one handler per intent over the core's ports, and the dialogue the connectors talk to. The
 * open data behind the ports, the NLU built from it and its refresh are in {@code fr.civicgateway.app.opendata}; the
 * conversation store and its database in {@code fr.civicgateway.app.storage}.
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

    @Bean
    List<IntentHandler> coreIntentHandlers(ParliamentData parliament, GeoDirectory geo, TopicSearch topics,
                                           ParticipationSource participations,
                                           ReportStatusHandler reportStatus,
                                           LocalDataConfiguration.LocalData local) {
        List<IntentHandler> handlers = new ArrayList<>(List.of(
                new GreetHandler(),
                new HelpHandler(),
                new OutOfScopeHandler(),
                new FindRepresentativeHandler(parliament, geo),
                new ProfileHandler(parliament),
                new AttendanceHandler(parliament, participations),
                new RepresentativeVotesHandler(parliament, topics),
                new VoteResultHandler(parliament, topics),
                new ParliamentActivityHandler(parliament),
                new LocalProjectsHandler(local.sources()),
                reportStatus));
        // Intents of the API's catalogue understood before they are served: an honest "not yet", never another answer.
        handlers.addAll(NotYetAvailableHandler.planned());
        return List.copyOf(handlers);
    }

    @Bean
    Dialogue dialogue(NaturalLanguageUnderstanding nlu, ConversationStore store, List<IntentHandler> coreIntentHandlers,
                      List<Flow> flows, ReportNotices reportNotices, TurnScope openDataTurns,
                      ConversationLocks conversationLocks, Clock clock) {
        // Every Flow bean (the problem report, the consultation flow, ...) answers its own intent instead of a handler.
        // Each turn reads one version of the open data, even when a refresh swaps it meanwhile (LiveOpenData).
        // One turn of a conversation at a time, on every channel and instance (StorageConfiguration).
        return new Dialogue(nlu, store, coreIntentHandlers, flows, reportNotices, openDataTurns, conversationLocks, clock);
    }
}
