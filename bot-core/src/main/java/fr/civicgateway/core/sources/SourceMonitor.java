package fr.civicgateway.core.sources;

import java.util.List;

/**
 * Tells the state of one or more open-data sources whose health an operator wants to see: the Assemblée's archives,
 * a town's datasets. The admin API ({@code GET /api/v1/admin/sources}) lists the statuses of every bean that
 * implements it.
 *
 * <p>Threading: {@link #statuses()} is called from request threads while sources may be refreshing in the
 * background; it returns consistent copies and never blocks on I/O. It never throws.
 *
 * <pre>{@code
 * for (SourceStatus s : monitor.statuses()) {
 *     if (s.lastError() != null) log.warn("{} failing since {}: {}", s.id(), s.lastFailure(), s.lastError());
 * }
 * }</pre>
 */
public interface SourceMonitor {

    /** What is known of each source right now, one status per source. */
    List<SourceStatus> statuses();
}
