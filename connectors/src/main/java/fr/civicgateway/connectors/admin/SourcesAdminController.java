package fr.civicgateway.connectors.admin;

import fr.civicgateway.core.sources.SourceMonitor;
import fr.civicgateway.core.sources.SourceStatus;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/sources}: every open-data source the gateway answers from, with its last success, its last
 * error, the date of its data and its record counts, so that an operator sees a failing or stale source before a
 * citizen does. Under the admin guard ({@link AdminTokenFilter}).
 */
@RestController
class SourcesAdminController {

    private final ObjectProvider<SourceMonitor> sources;

    SourcesAdminController(ObjectProvider<SourceMonitor> sources) {
        this.sources = sources;
    }

    @GetMapping("/api/v1/admin/sources")
    List<SourceStatus> sources() {
        return sources.orderedStream().flatMap(m -> m.statuses().stream())
                .sorted(Comparator.comparing(SourceStatus::kind).thenComparing(SourceStatus::id)).toList();
    }
}
