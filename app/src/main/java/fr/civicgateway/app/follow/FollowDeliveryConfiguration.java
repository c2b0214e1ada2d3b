package fr.civicgateway.app.follow;

import fr.civicgateway.connectors.telegram.ChatAddresses;
import fr.civicgateway.core.answer.PageLinks;
import fr.civicgateway.core.follow.FollowEvents;
import fr.civicgateway.core.follow.FollowSettings;
import fr.civicgateway.core.follow.SubscriptionStore;
import fr.civicgateway.core.follow.delivery.DeliverySchedule;
import fr.civicgateway.core.follow.delivery.DigestWriter;
import fr.civicgateway.core.follow.delivery.FollowDelivery;
import fr.civicgateway.core.follow.delivery.FollowEventsQueue;
import fr.civicgateway.core.follow.delivery.FollowMailbox;
import fr.civicgateway.core.follow.delivery.FollowNotices;
import fr.civicgateway.core.follow.delivery.FollowPush;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.text.MessageCatalogue;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/**
 * Telling followers (issue 13): the delivery loop on Spring's {@code TaskScheduler} (listed by Actuator), the digest
 * schedule and quiet hours, the followers' encrypted Telegram addresses and the widget's mailbox (V11), and the
 * notices that show the widget's waiting news at the next message.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FollowDeliveryProperties.class)
class FollowDeliveryConfiguration {


    @Bean
    DeliverySchedule deliverySchedule(FollowDeliveryProperties p, ObjectProvider<FollowSettings> settings) {
        Duration digest = settings.getIfAvailable(() -> FollowSettings.DEFAULTS).digest();
        return new DeliverySchedule(digest, time("civic.follow.delivery.digest-time", p.digestTime()), p.digestDay(),
                p.zone(), time("civic.follow.delivery.quiet-from", p.quietFrom()),
                time("civic.follow.delivery.quiet-until", p.quietUntil()));
    }

    private static LocalTime time(String setting, String value) {
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(setting + " must be a local time such as 08:00: " + value, e);
        }
    }

    @Bean
    @DependsOnDatabaseInitialization
    FollowMailbox followMailbox(DataSource dataSource) {
        return new JdbcFollowMailbox(dataSource);
    }

    @Bean
    @DependsOnDatabaseInitialization
    ChatAddresses followChatAddresses(DataSource dataSource, Environment env) {
        return new JdbcChatAddresses(dataSource, ChatIdSeal.fromSecrets(env.getProperty(ChatIdSeal.SECRET_VARIABLE),
                env.getProperty("CIVIC_PSEUDONYM_SECRET")));
    }

    @Bean
    FollowNotices followNotices(FollowMailbox mailbox, MessageCatalogue messageCatalogue) {
        return new FollowNotices(mailbox, messageCatalogue);
    }

    @Bean
    FollowDelivery followDelivery(FollowEvents events, SubscriptionStore subscriptions,
                                  ParliamentData parliamentData, AssemblyWork assemblyWork, MessageCatalogue messageCatalogue,
                                  PageLinks pageLinks, DeliverySchedule schedule, List<FollowPush> pushes,
                                  FollowMailbox mailbox, Clock clock, FollowDeliveryProperties p) {
        return new FollowDelivery(new FollowEventsQueue(events), subscriptions, () -> parliamentData, () -> assemblyWork,
                new DigestWriter(messageCatalogue, pageLinks, DigestWriter.TELEGRAM_MAX_CHARS), schedule, pushes, mailbox,
                clock, "follow-" + UUID.randomUUID(), p.lease(), p.batch(), p.maxPerPass());
    }

    /** Every {@code interval} on Spring's scheduler, as {@code followDelivery}; the first pass one interval after start. */
    @Bean
    SchedulingConfigurer followDeliverySchedule(FollowDelivery delivery, FollowDeliveryProperties p) {
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(delivery, p.interval(), p.interval()));
    }
}
