package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.core.sources.SourceMonitor;
import fr.civicgateway.core.sources.SourceStatus;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.opendata.http.ConditionalDownloader;
import fr.civicgateway.opendata.http.ConditionalDownloader.Downloaded;
import fr.civicgateway.opendata.http.ConditionalDownloader.NotModified;
import fr.civicgateway.opendata.http.ConditionalDownloader.Validators;
import fr.civicgateway.opendata.http.DownloadException;
import fr.civicgateway.opendata.http.RefreshScheduler;
import fr.civicgateway.opendata.http.SourceTracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Assemblée's data current from its live archives — AMO10 (sitting deputies), AMO30 (every acteur, for
 * the former deputies) and Scrutins — and reports on each as a {@link SourceMonitor}.
 *
 * <p>A refresh asks each archive that is due with a conditional GET ({@link ConditionalDownloader}), to a temporary
 * file beside the kept copies. A new archive must then open as a zip with the expected entries, load with the others
 * into a complete {@link AssembleeSnapshot} (the one parsing path, {@link AssembleeLoader}, as for the shipped
 * snapshot) and pass sanity checks: at least {@value #MIN_SITTING_DEPUTIES} sitting deputies in a new AMO10, at
 * least one former deputy of the legislature in a new AMO30, never fewer scrutins than the last good download. Only
 * then is the snapshot prepared by the {@link SnapshotSwap}, the archive moved atomically over its last good copy
 * ({@link LastGoodArchives}), and the snapshot made current. Anything refused is deleted and changes nothing: the
 * gateway keeps answering from its data, with its date, and the source is tried again after a back-off.
 *
 * <p>At start ({@link #loadAtStart}) the last good copies are used when they load, else the shipped snapshot;
 * AMO30, once downloaded, takes the place of the shipped AMO50 extract. AMO30 and the shipped snapshot are of
 * different vintages: the first AMO30 or Scrutins download is therefore taken on its own merits, and only later
 * ones must not go backwards.
 *
 * <p>Threading: one refresh at a time (a lock); {@link #refreshNow} waits for one in progress. The scheduled
 * refreshes run on the {@link RefreshScheduler}'s thread, planned by the injected clock. {@link #statuses} never
 * blocks. Errors: a refresh never throws for a failing source; {@link #loadAtStart} throws
 * {@link ParliamentDataException} only when the shipped snapshot itself cannot be read.
 *
 * <pre>{@code
 * AssembleeRefresh refresh = new AssembleeRefresh(downloader, AssembleeRefresh.Sources.official(),
 *         Path.of("data/assemblee-nationale"), Path.of("var/opendata/assemblee-nationale"),
 *         Duration.ofHours(6), new Backoff(Duration.ofMinutes(1), Duration.ofHours(1)), clock, scheduler);
 * AssembleeSnapshot first = refresh.loadAtStart();
 * refresh.start(next -> { var index = build(next); return () -> current.set(index); });
 * }</pre>
 */
public final class AssembleeRefresh implements SourceMonitor {

    private static final Logger log = LoggerFactory.getLogger(AssembleeRefresh.class);

    /**
     * A new AMO10 with fewer sitting deputies than this is a broken or partial export: there are 577 seats, and only
     * a handful are ever vacant at once (between a resignation and a by-election). After a dissolution the export is
     * empty for weeks; keeping the previous deputies is then the right answer too.
     */
    static final int MIN_SITTING_DEPUTIES = 500;

    /**
     * Where each archive is fetched from.
     *
     * @param amo10    sitting deputies, mandates and organes
     * @param amo30    every acteur with every mandate (for the former deputies)
     * @param scrutins every public vote of the legislature
     */
    public record Sources(HttpUrl amo10, HttpUrl amo30, HttpUrl scrutins) {

        public Sources {
            Objects.requireNonNull(amo10, "amo10");
            Objects.requireNonNull(amo30, "amo30");
            Objects.requireNonNull(scrutins, "scrutins");
        }

        /** The official live URL of AMO10 for legislature 17 (data/SOURCES.md). */
        public static final String OFFICIAL_AMO10 = "https://data.assemblee-nationale.fr/static/openData/repository/17/"
                + "amo/deputes_actifs_mandats_actifs_organes/AMO10_deputes_actifs_mandats_actifs_organes.json.zip";
        /** The official live URL of AMO30 ("historique", every acteur since the 11th legislature). */
        public static final String OFFICIAL_AMO30 = "https://data.assemblee-nationale.fr/static/openData/repository/17/"
                + "amo/tous_acteurs_mandats_organes_xi_legislature/"
                + "AMO30_tous_acteurs_tous_mandats_tous_organes_historique.json.zip";
        /** The official live URL of the Scrutins of legislature 17. */
        public static final String OFFICIAL_SCRUTINS = "https://data.assemblee-nationale.fr/static/openData/repository/17/"
                + "loi/scrutins/Scrutins.json.zip";

        public static Sources official() {
            return new Sources(HttpUrl.get(OFFICIAL_AMO10), HttpUrl.get(OFFICIAL_AMO30), HttpUrl.get(OFFICIAL_SCRUTINS));
        }

        HttpUrl of(AssembleeArchive a) {
            return switch (a) {
                case AMO10 -> amo10;
                case AMO30 -> amo30;
                case SCRUTINS -> scrutins;
            };
        }
    }

    /** A download waiting for validation, and what will be kept of it. */
    private record Staged(Path file, LastGoodArchives.Kept kept) {
    }

    /**
     * What loading a set of archives gave.
     *
     * @param snapshot the snapshot of {@code used}, or null when no candidate was accepted
     * @param used     the archives (kept or new) the snapshot was loaded from; the shipped ones fill the gaps
     * @param accepted the new archives in {@code used}
     * @param refused  the new archives refused, with why
     */
    private record Attempt(AssembleeSnapshot snapshot, Map<AssembleeArchive, Path> used, Set<AssembleeArchive> accepted,
                           Map<AssembleeArchive, String> refused) {
    }

    private final ConditionalDownloader downloader;
    private final Sources sources;
    private final Path shipped;
    private final LastGoodArchives kept;
    private final Clock clock;
    /** The trackers, the lock, start and stop, the planned passes ({@link RefreshCycle}). */
    private final RefreshCycle<AssembleeArchive> cycle;

    // Guarded by the cycle's lock.
    /** The downloaded archives answered from now; the shipped snapshot fills in for the others. */
    private Map<AssembleeArchive, Path> inUse = Map.of();
    /** Scrutins of the last good download; 0 while the scrutins come from the shipped snapshot. */
    private int scrutinBaseline;
    private SnapshotSwap swap;

    /**
     * @param downloader  its client's timeouts bound a slow source; its size cap, a huge one
     * @param shipped     the shipped snapshot's {@code assemblee-nationale} directory, the fallback
     * @param directory   where the last good archives are kept (created when needed)
     * @param interval    between a successful check of an archive and its next one
     */
    public AssembleeRefresh(ConditionalDownloader downloader, Sources sources, Path shipped, Path directory,
                            Duration interval, Backoff backoff, Clock clock, RefreshScheduler scheduler) {
        this.downloader = Objects.requireNonNull(downloader, "downloader");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.shipped = Objects.requireNonNull(shipped, "shipped");
        this.kept = new LastGoodArchives(Objects.requireNonNull(directory, "directory"));
        this.clock = Objects.requireNonNull(clock, "clock");
        Instant now = clock.instant();
        Map<AssembleeArchive, SourceTracker> trackers = new EnumMap<>(AssembleeArchive.class);
        for (AssembleeArchive a : AssembleeArchive.values()) {
            trackers.put(a, new SourceTracker(a.id, "assemblee", RefreshCycle.shown(sources.of(a)), interval, backoff,
                    log, "answering from the shipped snapshot", now));
        }
        this.cycle = new RefreshCycle<>("Assemblée", AssembleeArchive.class, trackers, clock, scheduler, this::pass);
    }

    /**
     * The snapshot to answer from at start: the last good downloaded archives when they load and pass the checks,
     * with the shipped snapshot for any archive never downloaded; the shipped snapshot alone otherwise. A kept copy
     * that cannot be used is deleted (and its source reports why), so that it is downloaded again in full.
     *
     * @throws ParliamentDataException if the shipped snapshot cannot be read either
     */
    public AssembleeSnapshot loadAtStart() {
        return cycle.locked(this::loadAtStartLocked);
    }

    private AssembleeSnapshot loadAtStartLocked() {
        Instant now = clock.instant();
        RefreshCycle.removeLeftovers(kept);
        Map<AssembleeArchive, Path> present = kept.present();
        Attempt attempt = present.isEmpty() ? null : build(Map.of(), present);
        AssembleeSnapshot snapshot;
        if (attempt != null && attempt.snapshot() != null) {
            snapshot = attempt.snapshot();
            inUse = frozen(attempt.used());
        } else {
            snapshot = load(Map.of());
            inUse = Map.of();
        }
        describe(snapshot);
        for (AssembleeArchive a : inUse.keySet()) {
            kept.kept(a).ifPresent(k -> cycle.tracker(a).fetchedEarlier(k.downloadedAt()));
        }
        if (attempt != null) {
            attempt.refused().forEach((a, why) -> {
                forget(a);
                cycle.tracker(a).failed(now, "kept copy of " + a.title + " unusable, answering from the shipped "
                        + "snapshot until a new download: " + why);
            });
        }
        scrutinBaseline = inUse.containsKey(AssembleeArchive.SCRUTINS) ? snapshot.info().scrutinCount() : 0;
        // Check every source at once after a start: the kept copies may be days old.
        cycle.allDueAt(now);
        log.info("Assemblée data at start from {}: {} scrutins to {}", inUse.isEmpty() ? "the shipped snapshot"
                : "the last good downloads of " + titles(inUse.keySet()) + " and the shipped snapshot for the rest",
                snapshot.info().scrutinCount(), snapshot.info().lastScrutinDate());
        return snapshot;
    }

    /**
     * Starts refreshing: the first check of every archive is due at once, the next ones are planned on the
     * scheduler. New snapshots are handed to {@code swap}.
     */
    public void start(SnapshotSwap swap) {
        Objects.requireNonNull(swap, "swap");
        cycle.start(() -> this.swap = swap);
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

    /** One status per archive, in the order AMO10, AMO30, Scrutins. */
    @Override
    public List<SourceStatus> statuses() {
        return cycle.statuses();
    }

    /** One pass, under the cycle's lock: the archives due are fetched, then validated and applied together. */
    private void pass(Set<AssembleeArchive> due, Instant now) {
        Map<AssembleeArchive, Staged> fresh = new EnumMap<>(AssembleeArchive.class);
        try {
            for (AssembleeArchive a : due) {
                fetch(a, now, fresh);
            }
            if (!fresh.isEmpty()) {
                apply(fresh, now);
            }
        } finally {
            // Whatever was not kept: refused, or left by an unexpected failure.
            fresh.values().forEach(s -> RefreshCycle.deleteQuietly(s.file()));
        }
    }

    private void fetch(AssembleeArchive a, Instant now, Map<AssembleeArchive, Staged> fresh) {
        SourceTracker tracker = cycle.tracker(a);
        // A kept copy that is not in use (refused at start) must be downloaded in full, not confirmed by a 304.
        Validators previous = inUse.containsKey(a)
                ? kept.kept(a).map(LastGoodArchives.Kept::validators).orElse(Validators.NONE)
                : Validators.NONE;
        Path temporary = null;
        Path staged = null;
        try {
            switch (downloader.download(sources.of(a), previous, kept.directory())) {
                case NotModified n -> tracker.succeeded(now);
                case Downloaded d -> {
                    temporary = d.file();
                    staged = Files.move(temporary, kept.staging(a), StandardCopyOption.REPLACE_EXISTING);
                    String sha256 = LastGoodArchives.sha256(staged);
                    LastGoodArchives.Kept next = new LastGoodArchives.Kept(d.validators(), sha256, d.bytes(), now);
                    if (inUse.containsKey(a) && kept.kept(a).map(k -> sha256.equals(k.sha256())).orElse(false)) {
                        // The same bytes as the copy in use: a server that sends no validators, or new ones.
                        RefreshCycle.deleteQuietly(staged);
                        kept.update(a, next);
                        tracker.succeeded(now);
                        return;
                    }
                    checkLayout(a, staged);
                    fresh.put(a, new Staged(staged, next));
                }
            }
        } catch (DownloadException e) {
            tracker.failed(now, e.getMessage());
        } catch (ParliamentDataException e) {
            RefreshCycle.deleteQuietly(staged);
            tracker.failed(now, refused(a, e.getMessage()));
        } catch (IOException e) {
            RefreshCycle.deleteQuietly(temporary);
            RefreshCycle.deleteQuietly(staged);
            tracker.failed(now, a.title + " could not be stored in " + kept.directory().getFileName() + ": " + e);
        }
    }

    /** The first check of a download: a zip archive whose entries are laid out as the official ones are. */
    private static void checkLayout(AssembleeArchive a, Path file) {
        try (JsonArchive archive = JsonArchive.open(file)) {
            if (archive.entries(a.entries).isEmpty()) {
                throw new ParliamentDataException("no " + a.entries + "*.json entry in " + archive.name());
            }
        }
    }

    private void apply(Map<AssembleeArchive, Staged> fresh, Instant now) {
        long started = System.nanoTime();
        Map<AssembleeArchive, Path> candidates = new EnumMap<>(AssembleeArchive.class);
        fresh.forEach((a, s) -> candidates.put(a, s.file()));
        Attempt attempt = build(inUse, candidates);
        attempt.refused().forEach((a, why) -> cycle.tracker(a).failed(now, refused(a, why)));
        if (attempt.snapshot() == null) {
            return;
        }
        Runnable publish;
        try {
            publish = swap.prepare(attempt.snapshot());
        } catch (RuntimeException e) {
            log.error("Cannot build the gateway's data from the new Assemblée archives {}", titles(attempt.accepted()), e);
            attempt.accepted().forEach(a -> cycle.tracker(a).failed(now, refused(a, "could not be applied: " + e)));
            return;
        }
        Map<AssembleeArchive, Path> used = new EnumMap<>(attempt.used());
        try {
            for (AssembleeArchive a : attempt.accepted()) {
                kept.install(a, fresh.get(a).file(), fresh.get(a).kept());
                used.put(a, kept.path(a));
            }
        } catch (IOException e) {
            // Not published: memory and disk agree on the previous data. A copy already moved keeps its old
            // validators, so the next refresh downloads it again.
            attempt.accepted().forEach(a -> cycle.tracker(a).failed(now, a.title + " could not be kept in "
                    + kept.directory().getFileName() + ": " + e));
            return;
        }
        publish.run();
        inUse = frozen(used);
        AssembleeSnapshot snapshot = attempt.snapshot();
        if (attempt.accepted().contains(AssembleeArchive.SCRUTINS)) {
            scrutinBaseline = snapshot.info().scrutinCount();
        }
        describe(snapshot); // first, so that a source back after failures says what it answers from now
        attempt.accepted().forEach(a -> cycle.tracker(a).succeeded(now));
        log.info("Assemblée data refreshed from {} in {} ms: {} sitting deputies (data of {}), {} scrutins to {}",
                titles(attempt.accepted()), (System.nanoTime() - started) / 1_000_000,
                snapshot.contents().sittingDeputies(), snapshot.info().deputiesDataDate(),
                snapshot.info().scrutinCount(), snapshot.info().lastScrutinDate());
    }

    /**
     * Loads {@code base} with the candidates and checks them. When several candidates fail together, each is tried
     * alone (in the order AMO10, AMO30, Scrutins, each over those accepted before it), so that a bad archive does not
     * hold back a good one; this costs one more load per candidate, only then.
     */
    private Attempt build(Map<AssembleeArchive, Path> base, Map<AssembleeArchive, Path> candidates) {
        Map<AssembleeArchive, Path> all = merged(base, candidates);
        try {
            return new Attempt(checked(load(all), candidates.keySet()), all, candidates.keySet(), Map.of());
        } catch (ParliamentDataException e) {
            if (candidates.size() == 1) {
                return new Attempt(null, base, Set.of(), Map.of(candidates.keySet().iterator().next(), e.getMessage()));
            }
        }
        Map<AssembleeArchive, Path> used = new EnumMap<>(AssembleeArchive.class);
        used.putAll(base);
        Set<AssembleeArchive> accepted = EnumSet.noneOf(AssembleeArchive.class);
        Map<AssembleeArchive, String> refused = new LinkedHashMap<>();
        AssembleeSnapshot snapshot = null;
        for (Map.Entry<AssembleeArchive, Path> c : candidates.entrySet()) {
            Map<AssembleeArchive, Path> trial = merged(used, Map.of(c.getKey(), c.getValue()));
            try {
                snapshot = checked(load(trial), Set.of(c.getKey()));
                used = trial;
                accepted.add(c.getKey());
            } catch (ParliamentDataException e) {
                refused.put(c.getKey(), e.getMessage());
            }
        }
        return new Attempt(snapshot, used, accepted, refused);
    }

    /** The one parsing path: the given archives, the shipped snapshot for the others. */
    private AssembleeSnapshot load(Map<AssembleeArchive, Path> archives) {
        AssembleeLoader shippedLayout = AssembleeLoader.ofShippedLayout(shipped);
        Path amo30 = archives.get(AssembleeArchive.AMO30);
        return new AssembleeLoader(
                archives.getOrDefault(AssembleeArchive.AMO10, shippedLayout.sittingDeputies()),
                amo30 != null ? amo30 : shippedLayout.formerDeputies(),
                amo30 != null ? AssembleeArchive.AMO30.title : "AMO50",
                archives.getOrDefault(AssembleeArchive.SCRUTINS, shippedLayout.scrutins())).load();
    }

    /** The sanity checks of new archives: a complete load is not enough, a partial export loads too. */
    private AssembleeSnapshot checked(AssembleeSnapshot s, Set<AssembleeArchive> fresh) {
        if (fresh.contains(AssembleeArchive.AMO10) && s.contents().sittingDeputies() < MIN_SITTING_DEPUTIES) {
            throw new ParliamentDataException("only " + s.contents().sittingDeputies() + " sitting deputies, fewer "
                    + "than the " + MIN_SITTING_DEPUTIES + " of a complete export");
        }
        if (fresh.contains(AssembleeArchive.AMO30) && s.contents().formerDeputies() == 0) {
            throw new ParliamentDataException("no acteur who sat in legislature " + AssembleeLoader.LEGISLATURE
                    + " apart from the sitting deputies");
        }
        if (fresh.contains(AssembleeArchive.SCRUTINS) && s.info().scrutinCount() < scrutinBaseline) {
            throw new ParliamentDataException(s.info().scrutinCount() + " scrutins, fewer than the " + scrutinBaseline
                    + " of the last good download");
        }
        return s;
    }

    /** Each source's data date and counts, from the snapshot answered from now. */
    private void describe(AssembleeSnapshot s) {
        cycle.archives().forEach(a -> cycle.tracker(a).answering(a.dataDate(s), a.counts(s)));
    }

    private void forget(AssembleeArchive a) {
        try {
            kept.forget(a);
        } catch (IOException e) {
            log.warn("Cannot delete the unusable kept copy of {}: {}", a.title, e.toString());
        }
    }

    private static Map<AssembleeArchive, Path> merged(Map<AssembleeArchive, Path> base, Map<AssembleeArchive, Path> more) {
        Map<AssembleeArchive, Path> out = new EnumMap<>(AssembleeArchive.class);
        out.putAll(base);
        out.putAll(more);
        return out;
    }

    /** An unmodifiable copy that keeps the archives' order (AMO10, AMO30, Scrutins) for messages. */
    private static Map<AssembleeArchive, Path> frozen(Map<AssembleeArchive, Path> archives) {
        return Collections.unmodifiableMap(merged(Map.of(), archives));
    }

    private static String refused(AssembleeArchive a, String why) {
        return "new " + a.title + " archive refused: " + why;
    }

    private static String titles(Set<AssembleeArchive> archives) {
        return String.join(", ", archives.stream().map(a -> a.title).toList());
    }
}
