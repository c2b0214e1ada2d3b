package fr.civicgateway.core.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ReportStore} in memory: for tests and for a demo without a database. Everything is lost at restart, so
 * production uses the JDBC store.
 */
public final class InMemoryReportStore implements ReportStore {

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Report> reports = new ConcurrentHashMap<>();
    private final Set<Long> untold = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> byDraft = new HashMap<>();

    @Override
    public synchronized Report submit(NewReport r, Instant now) {
        if (r.draftId() != null && byDraft.containsKey(r.draftId())) {
            return reports.get(byDraft.get(r.draftId()));
        }
        long id = ids.incrementAndGet();
        if (r.draftId() != null) {
            byDraft.put(r.draftId(), id);
        }
        Report stored = new Report(id, r.serviceCode(), r.description(), r.location(), r.photoReference(), r.contact(),
                ReportStatus.OPEN, null, now, now, r.channel(), r.conversationKey(), null);
        reports.put(id, stored);
        return stored;
    }

    @Override
    public Optional<Report> find(long id) {
        return Optional.ofNullable(reports.get(id));
    }

    @Override
    public List<Report> query(ReportQuery q) {
        return reports.values().stream().filter(q::matches)
                .sorted(Comparator.comparing(Report::createdAt).thenComparingLong(Report::id).reversed())
                .limit(q.limit()).toList();
    }

    @Override
    public Optional<Report> updateStatus(long id, ReportStatus status, String notes, Instant now) {
        Report updated = reports.computeIfPresent(id, (k, r) -> new Report(r.id(), r.serviceCode(), r.description(),
                r.location(), r.photoReference(), r.contact(), status, notes, r.createdAt(), now, r.channel(),
                r.conversationKey(), r.externalId()));
        if (updated != null && updated.conversationKey() != null) {
            untold.add(id);
        }
        return Optional.ofNullable(updated);
    }

    @Override
    public List<Report> untoldChanges(String conversationKey) {
        List<Report> out = new ArrayList<>();
        for (Long id : new HashSet<>(untold)) {
            Report r = reports.get(id);
            if (r != null && conversationKey.equals(r.conversationKey())) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingLong(Report::id));
        return out;
    }

    @Override
    public Set<String> conversationsWithUntoldChanges() {
        Set<String> out = new HashSet<>();
        for (Long id : new HashSet<>(untold)) {
            Report r = reports.get(id);
            if (r != null) {
                out.add(r.conversationKey());
            }
        }
        return Set.copyOf(out);
    }

    @Override
    public void markTold(List<Long> told) {
        told.forEach(untold::remove);
    }

    @Override
    public List<Report> awaitingForward(int limit) {
        return reports.values().stream().filter(r -> r.externalId() == null && !r.channel().equals(Report.OPEN311_CHANNEL))
                .sorted(Comparator.comparingLong(Report::id)).limit(limit).toList();
    }

    @Override
    public void recordForwarded(long id, String externalId) {
        reports.computeIfPresent(id, (k, r) -> new Report(r.id(), r.serviceCode(), r.description(), r.location(),
                r.photoReference(), r.contact(), r.status(), r.statusNotes(), r.createdAt(), r.updatedAt(),
                r.channel(), r.conversationKey(), externalId));
    }
}
