package fr.civicgateway.opendata.local;

import fr.civicgateway.core.local.LocalDataException;
import fr.civicgateway.core.local.LocalDataSource;
import fr.civicgateway.core.local.LocalItem;
import fr.civicgateway.core.sources.SourceMonitor;
import fr.civicgateway.core.sources.SourceStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link LocalDataSource} read once, at start-up, from a local CSV or GeoJSON file described by a
 * {@code config/adapters/*.yml} file: the generic adapter a town uses without writing code. {@link #items()} returns
 * the same immutable list to every caller. A file that cannot be read, or that does not match its configuration,
 * stops the start-up with the configuration's file, the key, and the line or feature.
 */
public final class FileLocalDataSource implements LocalDataSource, SourceMonitor {

    private final AdapterConfig config;
    private final List<LocalItem> items;
    private final Instant loadedAt;

    FileLocalDataSource(AdapterConfig config, Instant loadedAt) {
        if (config.path() == null) {
            throw new IllegalArgumentException(config.file() + " does not describe a local file");
        }
        this.config = config;
        this.items = Records.read(config, config.path(), config.path().getFileName().toString());
        this.loadedAt = loadedAt;
    }

    /**
     * Reads one adapter configuration of a local file and the file; relative paths resolve against
     * {@code baseDirectory}.
     *
     * @throws LocalDataException for a bad configuration or file, and for a remote one (see {@link LocalAdapters})
     */
    public static FileLocalDataSource fromConfig(Path yml, Path baseDirectory) {
        AdapterConfig c = AdapterConfig.read(yml, baseDirectory);
        if (c.isRemote()) {
            throw new LocalDataException(c.file() + ": a remote source; load it with LocalAdapters and its settings");
        }
        return new FileLocalDataSource(c, Instant.now());
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public Description description() {
        return config.description();
    }

    @Override
    public List<LocalItem> items() {
        return items;
    }

    @Override
    public Set<LocalItem.Kind> kinds() {
        return EnumSet.of(config.kind());
    }

    @Override
    public List<SourceStatus> statuses() {
        return List.of(SourceStatus.loadedOnce(id(), "local", config.location(), config.description().dataDate(),
                Map.of("items", items.size()), loadedAt));
    }
}
