package fr.civicgateway.app.reports;

import fr.civicgateway.core.conversation.ChannelNotifier;
import fr.civicgateway.core.dialogue.ConversationStore;
import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.reports.ReportCategories;
import fr.civicgateway.core.reports.ReportFlow;
import fr.civicgateway.core.reports.ReportNotices;
import fr.civicgateway.core.reports.ReportStatusChanges;
import fr.civicgateway.core.reports.ReportStatusHandler;
import fr.civicgateway.core.reports.ReportStore;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/** Problem reports: the categories from the operator's file, the store, the chat flow and the status answers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportsProperties.class)
public class ReportsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReportsConfiguration.class);
    private final AtomicBoolean refreshFailing = new AtomicBoolean();

    @Bean
    ReportCategories reportCategories(ReportsProperties p) {
        return ServicesFile.load(p.servicesFile());
    }

    /** In the gateway's database (H2 or PostgreSQL), once Flyway has migrated it. */
    @Bean
    @DependsOnDatabaseInitialization
    ReportStore reportStore(DataSource dataSource) {
        return new JdbcReportStore(dataSource);
    }

    @Bean
    ReportFlow reportFlow(ReportCategories categories, ReportStore store, GeoDirectory geo, ReportsProperties p) {
        return new ReportFlow(categories, store, geo, new ReportFlow.Recipient(p.recipientFr(), p.recipientEn()));
    }

    @Bean
    ReportStatusHandler reportStatusHandler(ReportStore store, ReportCategories categories, java.time.ZoneId townZone) {
        return new ReportStatusHandler(store, categories, townZone);
    }

    @Bean
    ReportStatusChanges reportStatusChanges(ReportStore store, ReportNotices notices, ConversationStore conversations,
                                            ObjectProvider<ChannelNotifier> notifiers, Clock clock) {
        return new ReportStatusChanges(store, notices, conversations, notifiers.orderedStream().toList(), clock);
    }

    @Bean
    ReportNotices reportNotices(ReportStore store, ReportCategories categories, java.time.ZoneId townZone) {
        return new ReportNotices(store, categories, townZone);
    }

    /** Reads which conversations have news now and then, rather than asking the database at every message. */
    @Bean
    SchedulingConfigurer reportNoticesRefresh(ReportNotices notices, ReportsProperties p) {
        return tasks -> tasks.addFixedDelayTask(() -> {
            try {
                notices.refresh();
                if (refreshFailing.compareAndSet(true, false)) {
                    log.info("untold report status changes are read from the database again");
                }
            } catch (RuntimeException e) {
                // Messages ask the database themselves meanwhile; say it once per outage.
                if (refreshFailing.compareAndSet(false, true)) {
                    log.warn("untold report status changes not read, every message asks the database: {}", e.toString());
                }
            }
        }, p.noticeCheckInterval());
    }
}
