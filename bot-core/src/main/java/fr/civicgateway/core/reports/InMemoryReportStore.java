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
    /** Reports not delivered yet, by id; the report inside may be stale, {@link #reports} has the current one. */
    private final Map<Long, Forwarding> outbox = new HashMap<>();

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
        if (r.toForward()) {
            outbox.put(id, new Forwarding(stored, 0, now, null));
        }
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
    public List<Report> openReportsOf(String conversationKey) {
        return reports.values().stream()
                .filter(r -> conversationKey.equals(r.conversationKey()) && r.status() == ReportStatus.OPEN)
                .sorted(Comparator.comparingLong(Report::id)).toList();
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
    public synchronized List<Forwarding> dueForForward(Instant now, int limit) {
        return outbox.values().stream().filter(f -> !f.refused() && !f.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(Forwarding::nextAttemptAt).thenComparingLong(f -> f.report().id()))
                .limit(limit).map(f -> new Forwarding(reports.get(f.report().id()), f.attempts(), f.nextAttemptAt(), null))
                .toList();
    }

    @Override
    public synchronized boolean claimForward(long id, Instant due, Instant retryAt) {
        Forwarding f = outbox.get(id);
        if (f == null || f.refused() || !f.nextAttemptAt().equals(due)) {
            return false;
        }
        outbox.put(id, new Forwarding(f.report(), f.attempts() + 1, retryAt, null));
        return true;
    }

    @Override
    public synchronized void recordForwarded(long id, String externalId) {
        outbox.remove(id);
        reports.computeIfPresent(id, (k, r) -> new Report(r.id(), r.serviceCode(), r.description(), r.location(),
                r.photoReference(), r.contact(), r.status(), r.statusNotes(), r.createdAt(), r.updatedAt(),
                r.channel(), r.conversationKey(), externalId));
    }

    @Override
    public synchronized void recordRefused(long id, String reason) {
        outbox.computeIfPresent(id, (k, f) -> new Forwarding(f.report(), f.attempts(), null, Forwarding.reason(reason)));
    }

    @Override
    public synchronized List<Forwarding> undelivered(int limit) {
        List<Forwarding> out = new ArrayList<>();
        outbox.values().stream().filter(f -> !f.refused())
                .sorted(Comparator.comparing(Forwarding::nextAttemptAt).thenComparingLong(f -> f.report().id()))
                .limit(limit).map(f -> new Forwarding(reports.get(f.report().id()), f.attempts(), f.nextAttemptAt(), null))
                .forEach(out::add);
        outbox.values().stream().filter(Forwarding::refused)
                .sorted(Comparator.comparingLong((Forwarding f) -> f.report().id()).reversed())
                .limit(limit).map(f -> new Forwarding(reports.get(f.report().id()), f.attempts(), null, f.refusedReason()))
                .forEach(out::add);
        return out;
    }
}
