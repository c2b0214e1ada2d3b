package fr.civicgateway.connectors.admin;

import fr.civicgateway.core.reports.Forwarding;
import fr.civicgateway.core.reports.ReportStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/reports/forwarding}: the reports taken in the chat that the municipality's own Open311
 * endpoint has not acknowledged — those waiting for their next attempt, and those it refused for good, with its
 * reason, which no retry will deliver (an operator fixes the cause, e.g. a service code mapping, and re-enters them).
 * No description, contact nor conversation: the report's id leads to it over Open311. Behind the admin token
 * ({@link AdminTokenFilter}).
 */
@RestController
class ForwardingAdminController {

    static final int LIMIT = 200;

    private final ReportStore store;

    ForwardingAdminController(ReportStore store) {
        this.store = store;
    }

    @GetMapping(path = "/api/v1/admin/reports/forwarding", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> forwarding() {
        List<Map<String, Object>> waiting = new ArrayList<>();
        List<Map<String, Object>> refused = new ArrayList<>();
        for (Forwarding f : store.undelivered(LIMIT)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.report().id());
            m.put("serviceCode", f.report().serviceCode());
            m.put("createdAt", f.report().createdAt().toString());
            m.put("attempts", f.attempts());
            if (f.refused()) {
                m.put("reason", f.refusedReason());
                refused.add(m);
            } else {
                m.put("nextAttemptAt", f.nextAttemptAt().toString());
                waiting.add(m);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("waiting", waiting);
        out.put("refused", refused);
        return out;
    }
}
