package fr.civicgateway.app;

import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.parliament.DataInfo;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} shows what data the gateway answers from: counts and the dates of the data, so an
 * operator sees at a glance how old the answers are.
 */
@Component("openData")
class OpenDataHealthIndicator implements HealthIndicator {

    private final ParliamentData parliament;
    private final GeoDirectory geo;

    OpenDataHealthIndicator(ParliamentData parliament, GeoDirectory geo) {
        this.parliament = parliament;
        this.geo = geo;
    }

    @Override
    public Health health() {
        DataInfo info = parliament.info();
        long sitting = parliament.deputies().stream().filter(Deputy::current).count();
        Health.Builder h = info.scrutinCount() > 0 && sitting > 0 ? Health.up() : Health.down();
        return h.withDetail("source", info.source())
                .withDetail("legislature", info.legislature())
                .withDetail("sittingDeputies", sitting)
                .withDetail("scrutins", info.scrutinCount())
                .withDetail("firstScrutinDate", info.firstScrutinDate().toString())
                .withDetail("lastScrutinDate", info.lastScrutinDate().toString())
                .withDetail("deputiesDataDate", info.deputiesDataDate().toString())
                .withDetail("communes", geo.communes().size())
                .withDetail("geoSource", geo.sourceDescription())
                .build();
    }
}
