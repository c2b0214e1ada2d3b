package fr.civicgateway.app.follow;

import fr.civicgateway.core.follow.FollowSettings;
import fr.civicgateway.core.follow.SubscriptionStore;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Following: the subscriptions' store and the settings the conversation tells the citizen. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FollowProperties.class)
class FollowConfiguration {

    /** In the gateway's database (H2 file or PostgreSQL), after Flyway has run V9__follow_subscription.sql. */
    @Bean
    @DependsOnDatabaseInitialization
    SubscriptionStore subscriptionStore(DataSource dataSource) {
        return new JdbcSubscriptionStore(dataSource);
    }

    @Bean
    FollowSettings followSettings(FollowProperties p) {
        return new FollowSettings(p.digest(), p.maxPerConversation());
    }
}
