package fr.civicgateway.app.consultations;

import fr.civicgateway.core.consultations.ConsultationCatalog;
import fr.civicgateway.core.consultations.ConsultationFlow;
import fr.civicgateway.core.consultations.ConsultationPseudonyms;
import fr.civicgateway.core.consultations.ConsultationStore;
import fr.civicgateway.core.flow.Flow;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Consultations: the operator's definitions ({@code civic.consultations.directory}), the store of answers, the
 * pseudonym key ({@code CIVIC_PSEUDONYM_SECRET}, environment only) and the chat flow the dialogue runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsultationProperties.class)
class ConsultationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsultationConfiguration.class);

    @Bean
    ConsultationCatalog consultationCatalog(ConsultationProperties p, java.time.ZoneId townZone) {
        ConsultationCatalog catalog = ConsultationCatalog.of(YamlConsultationLoader.load(p.directory(), townZone));
        log.info("{} consultation(s) defined in {}", catalog.all().size(), p.directory());
        return catalog;
    }

    /** In the gateway's database (H2 file or PostgreSQL), after Flyway has run V3__consultations.sql. */
    @Bean
    @DependsOnDatabaseInitialization
    ConsultationStore consultationStore(DataSource dataSource) {
        return new JdbcConsultationStore(dataSource);
    }

    @Bean
    ConsultationPseudonyms consultationPseudonyms(Environment env) {
        ConsultationPseudonyms p = ConsultationPseudonyms.fromSecret(env.getProperty(ConsultationPseudonyms.SECRET_VARIABLE));
        if (!p.enabled()) {
            // Refusing beats a random key: a new key at each restart would let the same person answer again.
            log.warn("{} is not set: consultation answers are refused until it is (one answer per person needs a stable key)",
                    ConsultationPseudonyms.SECRET_VARIABLE);
        }
        return p;
    }

    @Bean
    Flow consultationFlow(ConsultationCatalog catalog, ConsultationStore store, ConsultationPseudonyms pseudonyms,
                          java.time.ZoneId townZone) {
        return new ConsultationFlow(catalog, store, pseudonyms, townZone);
    }
}
