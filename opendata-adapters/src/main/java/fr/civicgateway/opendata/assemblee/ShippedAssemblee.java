package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.core.sources.SourceMonitor;
import fr.civicgateway.core.sources.SourceStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The sources of the shipped snapshot, when live refresh is off: read once at start from {@code data/}, never
 * refreshed. Thread-safe (immutable).
 */
public final class ShippedAssemblee implements SourceMonitor {

    private final List<SourceStatus> statuses;

    /**
     * @param snapshot  what was loaded
     * @param directory the shipped {@code assemblee-nationale} directory it was loaded from (shown as given)
     * @param loadedAt  when
     */
    public ShippedAssemblee(AssembleeSnapshot snapshot, Path directory, Instant loadedAt) {
        AssembleeLoader layout = AssembleeLoader.ofShippedLayout(directory);
        this.statuses = List.of(
                status(AssembleeArchive.AMO10, AssembleeArchive.AMO10.id, layout.sittingDeputies(), snapshot, loadedAt),
                status(AssembleeArchive.AMO30, "assemblee-amo50-extract", layout.formerDeputies(), snapshot, loadedAt),
                status(AssembleeArchive.SCRUTINS, AssembleeArchive.SCRUTINS.id, layout.scrutins(), snapshot, loadedAt));
    }

    private static SourceStatus status(AssembleeArchive a, String id, Path file, AssembleeSnapshot s, Instant at) {
        return SourceStatus.loadedOnce(id, "assemblee", file.toString(), a.dataDate(s), a.counts(s), at);
    }

    @Override
    public List<SourceStatus> statuses() {
        return statuses;
    }
}
