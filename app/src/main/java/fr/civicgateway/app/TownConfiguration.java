package fr.civicgateway.app;

import fr.civicgateway.core.town.Town;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The town ({@code civic.town.*}) and its time zone: the one {@link ZoneId} bean every component that tells a day
 * or a date is given.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TownProperties.class)
class TownConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TownConfiguration.class);

    @Bean
    Town town(TownProperties properties, Environment environment) {
        if (environment.containsProperty("civic.consultations.zone")) {
            // Read no more: stop rather than silently tell consultation days in another zone than the operator set.
            throw new IllegalStateException("civic.consultations.zone is replaced by civic.town.time-zone, the one time"
                    + " zone of the gateway: move its value there");
        }
        Town town = properties.town();
        log.info("serving {} ({}, places by {})", town.name(), town.zone(), town.places().name().toLowerCase());
        return town;
    }

    @Bean
    ZoneId townZone(Town town) {
        return town.zone();
    }
}
