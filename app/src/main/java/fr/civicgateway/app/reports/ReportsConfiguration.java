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
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Problem reports: the categories from the operator's file, the store, the chat flow and the status answers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportsProperties.class)
public class ReportsConfiguration {

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
    ReportStatusHandler reportStatusHandler(ReportStore store, ReportCategories categories) {
        return new ReportStatusHandler(store, categories);
    }

    @Bean
    ReportStatusChanges reportStatusChanges(ReportStore store, ReportNotices notices, ConversationStore conversations,
                                            ObjectProvider<ChannelNotifier> notifiers, Clock clock) {
        return new ReportStatusChanges(store, notices, conversations, notifiers.orderedStream().toList(), clock);
    }

    @Bean
    ReportNotices reportNotices(ReportStore store, ReportCategories categories) {
        return new ReportNotices(store, categories);
    }
}
