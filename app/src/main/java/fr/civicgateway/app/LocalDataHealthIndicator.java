package fr.civicgateway.app;

import fr.civicgateway.core.local.LocalDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} lists each local data source: its id, how many items, the date of its data and whether it
 * holds any. A remote source that is down leaves the gateway up: it answers everything else, and says of that source
 * that it is unavailable (the admin API, {@code /api/v1/admin/sources}, tells why).
 */
@Component("localData")
class LocalDataHealthIndicator implements HealthIndicator {

    private final LocalDataConfiguration.LocalData local;

    LocalDataHealthIndicator(LocalDataConfiguration.LocalData local) {
        this.local = local;
    }

    @Override
    public Health health() {
        Health.Builder h = Health.up();
        for (LocalDataSource s : local.sources()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("items", s.items().size());
            if (s.description().dataDate() != null) {
                d.put("dataDate", s.description().dataDate().toString());
            }
            d.put("available", s.available());
            h.withDetail(s.id(), d);
        }
        return h.build();
    }
}
