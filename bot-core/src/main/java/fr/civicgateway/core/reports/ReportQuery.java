package fr.civicgateway.core.reports;

import java.time.Instant;
import java.util.List;

/**
 * A search of stored reports, as Open311's {@code GET requests.json} filters them. Empty lists and nulls mean "any".
 *
 * @param ids          only these ids
 * @param serviceCodes only these categories
 * @param start        created at or after, or null
 * @param end          created at or before, or null
 * @param status       only this status, or null
 * @param limit        at most this many, newest first
 */
public record ReportQuery(List<Long> ids, List<String> serviceCodes, Instant start, Instant end, ReportStatus status,
                          int limit) {

    public ReportQuery {
        ids = List.copyOf(ids);
        serviceCodes = List.copyOf(serviceCodes);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }

    public boolean matches(Report r) {
        return (ids.isEmpty() || ids.contains(r.id()))
                && (serviceCodes.isEmpty() || serviceCodes.contains(r.serviceCode()))
                && (start == null || !r.createdAt().isBefore(start))
                && (end == null || !r.createdAt().isAfter(end))
                && (status == null || r.status() == status);
    }
}
