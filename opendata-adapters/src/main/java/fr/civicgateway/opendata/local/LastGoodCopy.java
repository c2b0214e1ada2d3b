package fr.civicgateway.opendata.local;

import fr.civicgateway.opendata.http.ConditionalDownloader.Validators;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Properties;

/**
 * The last data a remote source fetched successfully, kept on disk ({@code <civic.local.cache-directory>/<id>/}: the
 * raw file as fetched and {@code version.properties}), so that the gateway answers from it at its next start even
 * while the remote is down. A copy made under another configuration (another URL, filter or format) is not used: its
 * {@code origin} differs.
 *
 * <p>Threading: used by one source's refreshes, which never run concurrently (Caffeine refreshes a key once at a
 * time). Errors: reading a broken copy gives nothing (the source fetches again); writing throws IOException, which
 * the caller records as the refresh's failure while it answers from the version in memory.
 */
final class LastGoodCopy {

    private static final String DATA = "data";
    private static final String VERSION = "version.properties";

    private final Path directory;
    private final String origin;

    LastGoodCopy(Path cacheDirectory, String id, String origin) {
        this.directory = cacheDirectory.resolve(id);
        this.origin = origin;
    }

    /** Where downloads are written first: the copy's own directory, so that keeping one is an atomic move. */
    Path workDirectory() throws IOException {
        return Files.createDirectories(directory);
    }

    /** A kept copy: its raw file and what is known of its version (the items are read from the file by the caller). */
    record Stored(Path file, LocalDate dataDate, Validators validators, String marker, Instant fetchedAt) {
    }

    Optional<Stored> read() {
        Path data = directory.resolve(DATA);
        Path version = directory.resolve(VERSION);
        if (!Files.isRegularFile(data) || !Files.isRegularFile(version)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(version, StandardCharsets.UTF_8)) {
            p.load(r);
            if (!origin.equals(p.getProperty("origin"))) {
                return Optional.empty();
            }
            return Optional.of(new Stored(data, LocalDate.parse(p.getProperty("dataDate")),
                    new Validators(p.getProperty("etag"), p.getProperty("lastModified")), p.getProperty("marker"),
                    Instant.parse(p.getProperty("fetchedAt"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Makes {@code fetched} (a file of {@link #workDirectory()}) the copy of {@code v}. */
    void keep(Path fetched, Version<?> v) throws IOException {
        move(fetched, directory.resolve(DATA));
        touch(v);
    }

    /** Records that the kept copy was confirmed current at {@code v.fetchedAt()}. */
    void touch(Version<?> v) throws IOException {
        Properties p = new Properties();
        p.setProperty("origin", origin);
        p.setProperty("dataDate", v.dataDate().toString());
        p.setProperty("fetchedAt", v.fetchedAt().toString());
        if (v.validators().etag() != null) {
            p.setProperty("etag", v.validators().etag());
        }
        if (v.validators().lastModified() != null) {
            p.setProperty("lastModified", v.validators().lastModified());
        }
        if (v.marker() != null) {
            p.setProperty("marker", v.marker());
        }
        Path temporary = Files.createTempFile(workDirectory(), ".version-", ".part");
        try (Writer w = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            p.store(w, "last good copy of a local data source; written by the gateway");
        }
        move(temporary, directory.resolve(VERSION));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
