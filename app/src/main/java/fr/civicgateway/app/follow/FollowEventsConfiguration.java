package fr.civicgateway.app.follow;

import fr.civicgateway.app.NamedTask;
import fr.civicgateway.app.opendata.LiveAssemblyWork;
import fr.civicgateway.app.opendata.LiveOpenData;
import fr.civicgateway.core.follow.FollowChanges;
import fr.civicgateway.core.follow.FollowEventsException;
import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.follow.FollowedTopics;
import fr.civicgateway.core.follow.SubscriptionStore;
import fr.civicgateway.core.follow.SubscriptionStoreException;
import fr.civicgateway.core.news.TownNews;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * Follow events: found at each swap of the live data, recorded and fanned out to deliveries in the database
 * (V10), on every instance (the database shares the work out). The delivery's sending is follow-delivery's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FollowEventsProperties.class)
class FollowEventsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FollowEventsConfiguration.class);

    /** The name this process holds its claims under: new at each start, so that a dead process's claims run out. */
    private final String owner = "follow-" + UUID.randomUUID();

    @Bean
    @DependsOnDatabaseInitialization
    JdbcFollowEvents followEvents(DataSource dataSource, SubscriptionStore subscriptions) {
        return new JdbcFollowEvents(dataSource, subscriptions);
    }

    /** The topics followed now, read from the subscriptions' table when a new scrutin is matched against them. */
    @Bean
    @DependsOnDatabaseInitialization
    FollowedTopics followedTopics(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return () -> {
            try {
                Set<FollowTarget.Topic> topics = new LinkedHashSet<>();
                for (String key : jdbc.sql("SELECT DISTINCT target_key FROM follow_subscription WHERE target_key LIKE 'topic:%'")
                        .query(String.class).list()) {
                    topics.add((FollowTarget.Topic) FollowTarget.parse(key));
                }
                return topics;
            } catch (DataAccessException e) {
                throw new SubscriptionStoreException("cannot read the followed topics", e);
            }
        };
    }

    /** Listens to both swaps of the live data and to the town's feeds' new items. */
    @Bean
    FollowChangeRecorder followChangeRecorder(JdbcFollowEvents events, FollowedTopics topics, Clock clock,
                                              FollowEventsProperties p, LiveOpenData live, LiveAssemblyWork work,
                                              ObjectProvider<TownNews> news) {
        FollowChangeRecorder recorder = new FollowChangeRecorder(events, topics, clock, p.maxAge());
        live.onSwap(recorder::parliamentSwapped);
        work.onSwap(recorder::workSwapped);
        news.ifAvailable(feeds -> feeds.onNewItems((source, items) ->
                recorder.found("news " + source.id(), FollowChanges.newNewsItems(source, items, clock.instant()))));
        return recorder;
    }

    @Bean
    SchedulingConfigurer followEventsFanOut(JdbcFollowEvents events, FollowEventsProperties p, Clock clock) {
        return tasks -> {
            tasks.addFixedDelayTask(new NamedTask("follow-events-fan-out", () -> {
                try {
                    // Until nothing is left, a few events at a time: another instance takes the others.
                    while (events.fanOut(owner, clock.instant(), p.lease(), 10).events() > 0) {
                        log.debug("follow events fanned out");
                    }
                } catch (FollowEventsException | SubscriptionStoreException e) {
                    // Claimed events come back to any instance once their lease expires.
                    log.warn("follow events not fanned out: {}", e.toString());
                }
            }), p.fanOutInterval());
            tasks.addFixedDelayTask(new NamedTask("follow-deliveries-purge", () -> {
                try {
                    int deleted = events.purgeSent(clock.instant().minus(p.retention()));
                    log.debug("deleted {} sent follow deliveries", deleted);
                } catch (FollowEventsException e) {
                    log.warn("sent follow deliveries not deleted: {}", e.toString());
                }
            }), p.purgeInterval());
        };
    }
}
