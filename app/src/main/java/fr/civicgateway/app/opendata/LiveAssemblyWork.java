package fr.civicgateway.app.opendata;

import fr.civicgateway.core.parliament.work.AgendaSitting;
import fr.civicgateway.core.parliament.work.Amendments;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.Bills;
import fr.civicgateway.core.parliament.work.CommitteePresence;
import fr.civicgateway.core.parliament.work.Declarations;
import fr.civicgateway.core.parliament.work.Dossier;
import fr.civicgateway.core.parliament.work.DossierStep;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.parliament.work.Questions;
import fr.civicgateway.core.parliament.work.Speeches;
import fr.civicgateway.opendata.assemblee.WorkSnapshot;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AssemblyWork} every handler holds: a thin facade over the current {@link WorkSnapshot}, which
 * {@link #swap} replaces as one whole (each call reads one snapshot; the version changes with each swap).
 * Thread-safe, lock-free.
 */
public final class LiveAssemblyWork implements AssemblyWork {

    private record Generation(long version, WorkSnapshot data) {
    }

    private static final Logger log = LoggerFactory.getLogger(LiveAssemblyWork.class);

    private final AtomicReference<Generation> current;
    private final List<BiConsumer<WorkSnapshot, WorkSnapshot>> swapListeners = new CopyOnWriteArrayList<>();

    public LiveAssemblyWork(WorkSnapshot first) {
        current = new AtomicReference<>(new Generation(1, Objects.requireNonNull(first, "first")));
    }

    /**
     * Calls {@code listener} with the previous and the new snapshot after each {@link #swap}, on the thread that
     * swaps (the refresh's, never a request thread). A listener that throws is logged; the swap stands.
     */
    public void onSwap(BiConsumer<WorkSnapshot, WorkSnapshot> listener) {
        swapListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Makes {@code next} the data answered from, then tells the swap listeners. */
    public void swap(WorkSnapshot next) {
        Objects.requireNonNull(next, "next");
        Generation before = current.getAndUpdate(g -> new Generation(g.version() + 1, next));
        for (BiConsumer<WorkSnapshot, WorkSnapshot> l : swapListeners) {
            try {
                l.accept(before.data(), next);
            } catch (RuntimeException e) {
                log.warn("after the swap of the Assemblée's work data: {}", e.toString());
            }
        }
    }

    public WorkSnapshot snapshot() {
        return current.get().data();
    }

    @Override
    public long version() {
        return current.get().version();
    }

    @Override
    public Speeches speeches(String deputyUid) {
        return snapshot().speeches(deputyUid);
    }

    @Override
    public Questions questions(String deputyUid) {
        return snapshot().questions(deputyUid);
    }

    @Override
    public CommitteePresence presence(String deputyUid) {
        return snapshot().presence(deputyUid);
    }

    @Override
    public Bills bills(String deputyUid) {
        return snapshot().bills(deputyUid);
    }

    @Override
    public Declarations declarations(String deputyUid) {
        return snapshot().declarations(deputyUid);
    }

    @Override
    public Optional<Amendments> amendments(String deputyUid) {
        return snapshot().amendments(deputyUid);
    }

    @Override
    public Optional<Dossier> dossier(String uid) {
        return snapshot().dossier(uid);
    }

    @Override
    public List<Dossier> findDossiers(String words, int limit) {
        return snapshot().findDossiers(words, limit);
    }

    @Override
    public List<Dossier> dossiersOfScrutin(int scrutinNumber) {
        return snapshot().dossiersOfScrutin(scrutinNumber);
    }

    @Override
    public Provenance dossiersProvenance() {
        return snapshot().dossiersProvenance();
    }

    @Override
    public List<AgendaSitting> sittingsFrom(LocalDateTime from, int limit) {
        return snapshot().sittingsFrom(from, limit);
    }

    @Override
    public List<AgendaSitting> sittingsBefore(LocalDateTime before, int limit) {
        return snapshot().sittingsBefore(before, limit);
    }

    @Override
    public List<AgendaSitting> agendaOn(LocalDate day) {
        return snapshot().agendaOn(day);
    }

    @Override
    public ZoneId agendaZone() {
        return snapshot().agendaZone();
    }

    @Override
    public Provenance agendaProvenance() {
        return snapshot().agendaProvenance();
    }

    @Override
    public List<DossierStep> latestAdoptions(int limit) {
        return snapshot().latestAdoptions(limit);
    }

    @Override
    public Optional<AgendaSitting> nextSittingOf(String dossierUid, LocalDateTime from) {
        return snapshot().nextSittingOf(dossierUid, from);
    }

    @Override
    public List<AgendaSitting> sittingsBetween(LocalDateTime from, LocalDateTime to) {
        return snapshot().sittingsBetween(from, to);
    }
}
