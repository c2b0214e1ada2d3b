package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.core.sources.SourceMonitor;
import fr.civicgateway.core.sources.SourceStatus;
import fr.civicgateway.opendata.http.ConditionalDownloader;
import fr.civicgateway.opendata.http.ConditionalDownloader.Downloaded;
import fr.civicgateway.opendata.http.ConditionalDownloader.NotModified;
import fr.civicgateway.opendata.http.ConditionalDownloader.Validators;
import fr.civicgateway.opendata.http.DownloadException;
import fr.civicgateway.opendata.http.RefreshScheduler;
import fr.civicgateway.opendata.http.SourceTracker;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the deputies' record and the Assemblée's work current from the live archives — comptes rendus, dossiers
 * législatifs, agenda, the HATVP's index and, when configured, the Amendements — with the machinery of
 * {@link AssembleeRefresh}: a conditional GET per archive ({@link ConditionalDownloader}) into a temporary file
 * beside the kept copies; validation (the official layout, then a complete load by {@link WorkLoader}, the one
 * parsing path, with the other archives in use, and sanity checks); the file moved atomically over its last good
 * copy ({@link LastGoodArchives}); then the new {@link WorkSnapshot} handed to the swap. A refused archive is
 * deleted and changes nothing: the previous generation keeps answering. Each new archive is validated alone, so a
 * bad one never holds back a good one.
 *
 * <p>Threading: one refresh at a time (a lock); planned on the {@link RefreshScheduler} by the injected clock.
 * {@link #statuses} never blocks. A refresh never throws for a failing source.
 */
public final class WorkRefresh implements SourceMonitor {

    private static final Logger log = LoggerFactory.getLogger(WorkRefresh.class);

    /** A complete HATVP index lists most of the 577 deputies (575 in the shipped one). */
    static final int MIN_HATVP_DEPUTIES = 400;

    /**
     * Where each archive is fetched from; {@code amendements} null leaves the amendments "not available".
     */
    public record Sources(HttpUrl comptesRendus, HttpUrl dossiers, HttpUrl agenda, HttpUrl hatvp,
                          HttpUrl amendements) {

        public static final String OFFICIAL_COMPTES_RENDUS = "https://data.assemblee-nationale.fr/static/openData/"
                + "repository/17/vp/syceronbrut/syseron.xml.zip";
        public static final String OFFICIAL_DOSSIERS = "https://data.assemblee-nationale.fr/static/openData/"
                + "repository/17/loi/dossiers_legislatifs/Dossiers_Legislatifs.json.zip";
        public static final String OFFICIAL_AGENDA = "https://data.assemblee-nationale.fr/static/openData/"
                + "repository/17/vp/reunions/Agenda.json.zip";
        public static final String OFFICIAL_HATVP = "https://www.hatvp.fr/livraison/opendata/liste.csv";
        public static final String OFFICIAL_AMENDEMENTS = "https://data.assemblee-nationale.fr/static/openData/"
                + "repository/17/loi/amendements_div_legis/Amendements.json.zip";

        public Sources {
            Objects.requireNonNull(comptesRendus, "comptesRendus");
            Objects.requireNonNull(dossiers, "dossiers");
            Objects.requireNonNull(agenda, "agenda");
            Objects.requireNonNull(hatvp, "hatvp");
        }

        HttpUrl of(WorkArchive a) {
            return switch (a) {
                case COMPTES_RENDUS -> comptesRendus;
                case DOSSIERS -> dossiers;
                case AGENDA -> agenda;
                case HATVP -> hatvp;
                case AMENDEMENTS -> amendements;
            };
        }
    }

    private final ConditionalDownloader downloader;
    private final Sources sources;
    private final WorkLoader.Paths shipped;
    private final LastGoodArchives kept;
    private final Supplier<ParliamentData> parliament;
    private final Clock clock;
    /** The trackers, the lock, start and stop, the planned passes ({@link RefreshCycle}), as {@link AssembleeRefresh}. */
    private final RefreshCycle<WorkArchive> cycle;

    // Guarded by the cycle's lock.
    private WorkLoader.Paths inUse;
    private WorkSnapshot current;
    /** What each archive in use gave, so that a new archive is validated without reading the others again. */
    private WorkLoader.Parts parts;
    private Consumer<WorkSnapshot> swap;

    /**
     * @param shipped    the shipped archives (the fallback); its {@code amendements} is ignored
     * @param directory  where the last good copies are kept (created when needed)
     * @param parliament the deputies answered from now (for the HATVP rows without an id)
     */
    public WorkRefresh(ConditionalDownloader downloader, Sources sources, WorkLoader.Paths shipped, Path directory,
                       Supplier<ParliamentData> parliament, Duration interval, Backoff backoff, Clock clock,
                       RefreshScheduler scheduler) {
        this.downloader = Objects.requireNonNull(downloader, "downloader");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.shipped = Objects.requireNonNull(shipped, "shipped");
        this.kept = new LastGoodArchives(Objects.requireNonNull(directory, "directory"));
        this.parliament = Objects.requireNonNull(parliament, "parliament");
        this.clock = Objects.requireNonNull(clock, "clock");
        Instant now = clock.instant();
        Map<WorkArchive, SourceTracker> trackers = new EnumMap<>(WorkArchive.class);
        for (WorkArchive a : WorkArchive.values()) {
            if (sources.of(a) != null) {
                trackers.put(a, new SourceTracker(a.id, a == WorkArchive.HATVP ? "hatvp" : "assemblee",
                        RefreshCycle.shown(sources.of(a)), interval, backoff, log,
                        a == WorkArchive.AMENDEMENTS ? "amendments not available" : "answering from the shipped snapshot",
                        now));
            }
        }
        this.cycle = new RefreshCycle<>("work", WorkArchive.class, trackers, clock, scheduler, this::pass);
    }

    /**
     * The figures at start: from the last good copies when they load, the shipped archives filling in; from the
     * shipped archives alone otherwise (the unusable copies are deleted, to be downloaded again in full).
     *
     * @throws ParliamentDataException if the shipped archives cannot be read either
     */
    public WorkSnapshot loadAtStart() {
        return loadAtStart(parliament.get());
    }

    /**
     * As {@link #loadAtStart()}, with the deputies given: at start-up, before the supplier's source is ready.
     */
    public WorkSnapshot loadAtStart(ParliamentData deputies) {
        return cycle.locked(() -> loadAtStartLocked(deputies));
    }

    private WorkSnapshot loadAtStartLocked(ParliamentData deputies) {
        RefreshCycle.removeLeftovers(kept);
        WorkLoader.Paths paths = new WorkLoader.Paths(shipped.comptesRendus(), shipped.dossiers(), shipped.agenda(),
                shipped.hatvp(), null, shipped.organes());
        boolean anyKept = false;
        for (WorkArchive a : cycle.archives()) {
            if (Files.isRegularFile(kept.path(a.fileName))) {
                paths = paths.with(a, kept.path(a.fileName));
                anyKept = true;
            }
        }
        WorkSnapshot snapshot;
        if (anyKept) {
            try {
                WorkLoader loader = new WorkLoader(paths);
                parts = loader.loadParts(deputies, null);
                snapshot = loader.build(parts);
                inUse = paths;
            } catch (ParliamentDataException e) {
                log.warn("Kept copies of the Assemblée's work archives unusable, answering from the shipped "
                        + "snapshot until new downloads: {}", e.getMessage());
                for (WorkArchive a : cycle.archives()) {
                    try {
                        kept.forget(a.fileName);
                    } catch (IOException ignored) {
                        // downloaded again in full next time anyway: its validators are gone or unused
                    }
                }
                inUse = new WorkLoader.Paths(shipped.comptesRendus(), shipped.dossiers(), shipped.agenda(),
                        shipped.hatvp(), null, shipped.organes());
                WorkLoader loader = new WorkLoader(inUse);
                parts = loader.loadParts(deputies, null);
                snapshot = loader.build(parts);
            }
        } else {
            inUse = paths;
            WorkLoader loader = new WorkLoader(paths);
            parts = loader.loadParts(deputies, null);
            snapshot = loader.build(parts);
        }
        current = snapshot;
        describe(snapshot);
        cycle.allDueAt(clock.instant());
        return snapshot;
    }

    /** Starts refreshing; each new snapshot is handed to {@code swap} (after its archive is kept). */
    public void start(Consumer<WorkSnapshot> swap) {
        Objects.requireNonNull(swap, "swap");
        cycle.start(() -> {
            if (current == null) {
                throw new IllegalStateException("loadAtStart() first");
            }
            this.swap = swap;
        });
    }

    /** Checks every archive now, whatever its planned time; waits for a refresh already in progress. */
    public void refreshNow() {
        cycle.refresh(true);
    }

    /** Checks the archives whose planned time has come, by the injected clock: what the scheduler runs. */
    public void refreshDue() {
        cycle.refresh(false);
    }

    /** Stops planning refreshes; one in progress finishes. */
    public void stop() {
        cycle.stop();
    }

    @Override
    public List<SourceStatus> statuses() {
        return cycle.statuses();
    }

    /** One pass, under the cycle's lock: each archive due is validated alone, so a bad one holds back no good one. */
    private void pass(Set<WorkArchive> due, Instant now) {
        for (WorkArchive a : due) {
            refreshOne(a, now);
        }
    }

    private void refreshOne(WorkArchive a, Instant now) {
        SourceTracker tracker = cycle.tracker(a);
        boolean keptInUse = kept.path(a.fileName).equals(pathOf(inUse, a));
        Validators previous = keptInUse
                ? kept.kept(a.fileName).map(LastGoodArchives.Kept::validators).orElse(Validators.NONE)
                : Validators.NONE;
        Path temporary = null;
        Path staged = null;
        try {
            switch (downloader.download(sources.of(a), previous, kept.directory())) {
                case NotModified n -> tracker.succeeded(now);
                case Downloaded d -> {
                    temporary = d.file();
                    staged = Files.move(temporary, kept.staging(a.fileName), StandardCopyOption.REPLACE_EXISTING);
                    String sha256 = LastGoodArchives.sha256(staged);
                    LastGoodArchives.Kept next = new LastGoodArchives.Kept(d.validators(), sha256, d.bytes(), now);
                    if (keptInUse && kept.kept(a.fileName).map(k -> sha256.equals(k.sha256())).orElse(false)) {
                        Files.deleteIfExists(staged);
                        kept.update(a.fileName, next);
                        tracker.succeeded(now);
                        return;
                    }
                    checkLayout(a, staged);
                    WorkLoader loader = new WorkLoader(inUse.with(a, staged));
                    WorkLoader.Parts read = loader.loadParts(parliament.get(), parts);
                    WorkSnapshot candidate = checked(a, loader.build(read));
                    kept.install(a.fileName, staged, next);
                    staged = null;
                    inUse = inUse.with(a, kept.path(a.fileName));
                    // The results read from the staged file are those of the kept copy now.
                    parts = reKeyed(read, a, kept.path(a.fileName));
                    current = candidate;
                    swap.accept(candidate);
                    describe(candidate);
                    tracker.succeeded(now);
                    log.info("{} refreshed: {}", a.title, candidate.contents());
                }
            }
        } catch (DownloadException e) {
            tracker.failed(now, e.getMessage());
        } catch (ParliamentDataException e) {
            tracker.failed(now, "new " + a.title + " archive refused: " + e.getMessage());
        } catch (IOException e) {
            tracker.failed(now, a.title + " could not be stored in " + kept.directory().getFileName() + ": " + e);
        } finally {
            RefreshCycle.deleteQuietly(temporary);
            RefreshCycle.deleteQuietly(staged);
        }
    }

    /** A zip with the official entries, or a CSV with the HATVP's header. */
    private static void checkLayout(WorkArchive a, Path file) {
        if (a.entries == null) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String header = in.readLine();
                if (header == null || !header.contains("type_mandat") || !header.contains("id_origine")) {
                    throw new ParliamentDataException("not the HATVP's index (header: " + shorten(header) + ")");
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new ParliamentDataException("not a UTF-8 CSV file: " + e.getMessage());
            }
            return;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().startsWith(a.entries)) {
                    return;
                }
            }
            throw new ParliamentDataException("no " + a.entries + " entry in " + file.getFileName());
        } catch (IOException e) {
            throw new ParliamentDataException("not a zip archive: " + e.getMessage());
        }
    }

    /** A complete load is not enough: a partial export loads too. Never fewer than the data answered from now. */
    private WorkSnapshot checked(WorkArchive a, WorkSnapshot s) {
        WorkSnapshot.Contents now = current.contents();
        WorkSnapshot.Contents next = s.contents();
        switch (a) {
            case COMPTES_RENDUS -> {
                if (next.sittings() < now.sittings()) {
                    throw new ParliamentDataException(next.sittings() + " sittings, fewer than the " + now.sittings()
                            + " answered from now");
                }
            }
            case DOSSIERS -> {
                if (next.dossiers() < now.dossiers()) {
                    throw new ParliamentDataException(next.dossiers() + " dossiers, fewer than the " + now.dossiers()
                            + " answered from now");
                }
            }
            case AGENDA -> {
                if (next.committeeRolls() == 0 || next.seances() < now.seances()) {
                    throw new ParliamentDataException(next.seances() + " séances and " + next.committeeRolls()
                            + " deputies with a committee roll: not a complete agenda");
                }
            }
            case HATVP -> {
                if (next.hatvpDeputies() < MIN_HATVP_DEPUTIES) {
                    throw new ParliamentDataException("only " + next.hatvpDeputies() + " deputies in the index");
                }
            }
            case AMENDEMENTS -> {
                if (next.amendements() < now.amendements()) {
                    throw new ParliamentDataException(next.amendements() + " amendements, fewer than the "
                            + now.amendements() + " answered from now");
                }
            }
        }
        return s;
    }

    private void describe(WorkSnapshot s) {
        WorkSnapshot.Contents c = s.contents();
        cycle.archives().forEach(a -> {
            SourceTracker t = cycle.tracker(a);
            switch (a) {
                case COMPTES_RENDUS -> t.answering(s.speeches("").provenance().dataDate(),
                        Map.of("sittings", c.sittings(), "speakers", c.speakers(), "questions", c.questions()));
                case DOSSIERS -> t.answering(s.dossiersProvenance().dataDate(),
                        Map.of("dossiers", c.dossiers(), "cosignatures", c.cosignatures()));
                case AGENDA -> t.answering(s.agendaProvenance().dataDate(),
                        Map.of("seances", c.seances(), "deputiesWithCommitteeRoll", c.committeeRolls()));
                case HATVP -> t.answering(s.declarations("").provenance().dataDate(),
                        Map.of("deputies", c.hatvpDeputies()));
                case AMENDEMENTS -> {
                    if (c.amendements() > 0) {
                        t.answering(s.amendments("").map(x -> x.provenance().dataDate()).orElse(LocalDate.EPOCH),
                                Map.of("amendements", c.amendements()));
                    }
                }
            }
        });
    }

    private static WorkLoader.Parts reKeyed(WorkLoader.Parts p, WorkArchive a, Path to) {
        return switch (a) {
            case COMPTES_RENDUS -> new WorkLoader.Parts(to, p.cr(), p.drPath(), p.dr(), p.agPath(), p.ag(), p.hv(),
                    p.amPath(), p.am());
            case DOSSIERS -> new WorkLoader.Parts(p.crPath(), p.cr(), to, p.dr(), p.agPath(), p.ag(), p.hv(),
                    p.amPath(), p.am());
            case AGENDA -> new WorkLoader.Parts(p.crPath(), p.cr(), p.drPath(), p.dr(), to, p.ag(), p.hv(),
                    p.amPath(), p.am());
            case HATVP -> p;
            case AMENDEMENTS -> new WorkLoader.Parts(p.crPath(), p.cr(), p.drPath(), p.dr(), p.agPath(), p.ag(),
                    p.hv(), to, p.am());
        };
    }

    private static Path pathOf(WorkLoader.Paths p, WorkArchive a) {
        return switch (a) {
            case COMPTES_RENDUS -> p.comptesRendus();
            case DOSSIERS -> p.dossiers();
            case AGENDA -> p.agenda();
            case HATVP -> p.hatvp();
            case AMENDEMENTS -> p.amendements();
        };
    }

    private static String shorten(String s) {
        return s == null ? "none" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
