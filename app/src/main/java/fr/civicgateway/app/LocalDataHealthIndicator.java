package fr.civicgateway.app;

import fr.civicgateway.core.local.LocalDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} lists each local data source: its id, how many items and the date of its data. */
@Component("localData")
class LocalDataHealthIndicator implements HealthIndicator {

    private final GatewayConfiguration.LocalData local;

    LocalDataHealthIndicator(GatewayConfiguration.LocalData local) {
        this.local = local;
    }

    @Override
    public Health health() {
        Health.Builder h = Health.up();
        for (LocalDataSource s : local.sources()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("items", s.items().size());
            d.put("dataDate", s.description().dataDate().toString());
            h.withDetail(s.id(), d);
        }
        return h.build();
    }
}
