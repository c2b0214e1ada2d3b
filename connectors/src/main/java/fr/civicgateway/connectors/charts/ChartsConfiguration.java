package fr.civicgateway.connectors.charts;

import fr.civicgateway.connectors.records.RecordsProperties;
import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.text.MessageCatalogue;
import fr.civicgateway.core.votes.VoteAlignments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The charts' renderer, over the data the answers use (the current version), the core's vote figures and the
 * application's catalogue; its cache bound is {@code civic.records.chart-cache-size}.
 */
@Configuration(proxyBeanMethods = false)
class ChartsConfiguration {

    @Bean
    ChartRenderer chartRenderer(ParliamentData parliamentData, VoteAlignments voteAlignments,
                                MessageCatalogue messageCatalogue, MethodLinks methodLinks,
                                RecordsProperties recordsProperties) {
        return new ChartRenderer(parliamentData, voteAlignments, messageCatalogue, methodLinks,
                recordsProperties.chartCacheSize().toBytes());
    }
}
