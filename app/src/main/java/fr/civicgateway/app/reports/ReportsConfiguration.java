package fr.civicgateway.app.reports;

import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.reports.InMemoryReportStore;
import fr.civicgateway.core.reports.ReportCategories;
import fr.civicgateway.core.reports.ReportFlow;
import fr.civicgateway.core.reports.ReportNotices;
import fr.civicgateway.core.reports.ReportStatusHandler;
import fr.civicgateway.core.reports.ReportStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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

    @Bean
    @ConditionalOnMissingBean(ReportStore.class)
    ReportStore reportStore() {
        return new InMemoryReportStore();
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
    ReportNotices reportNotices(ReportStore store, ReportCategories categories) {
        return new ReportNotices(store, categories);
    }
}
