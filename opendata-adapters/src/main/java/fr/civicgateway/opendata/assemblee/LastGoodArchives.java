package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.opendata.http.ConditionalDownloader.Validators;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The last good copy of each archive, kept on disk so that a restart answers from it:
 * {@code <directory>/<official file name>} and, beside it, {@code <file name>.properties} with the HTTP validators
 * to send next time, the copy's SHA-256 and when it was downloaded.
 *
 * <p>A new copy replaces the previous one by an atomic rename within the directory (the download was written there
 * for this reason), so a crash leaves the old copy or the new one, never half of one. The sidecar is written after
 * the copy: if a crash falls between the two, the copy is new and its validators old, and the next refresh simply
 * downloads it again. Not thread-safe: used by the one refreshing thread.
 */
final class LastGoodArchives {

    /** What is known of a kept copy. */
    record Kept(Validators validators, String sha256, long bytes, Instant downloadedAt) {
    }

    /** A download in progress ({@code .part}, by the downloader) or validated but not yet kept ({@code .new}). */
    private static final String[] LEFTOVERS = {".part", ".new"};

    private final Path directory;

    LastGoodArchives(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    Path path(AssembleeArchive a) {
        return path(a.fileName);
    }

    /** The kept copy of a file of that name (the archives of the deputies' record use the same keeping). */
    Path path(String fileName) {
        return directory.resolve(fileName);
    }

    /** Where a download waits, under a name that the loader's messages can show, until it is validated. */
    Path staging(AssembleeArchive a) {
        return staging(a.fileName);
    }

    Path staging(String fileName) {
        return directory.resolve(fileName + ".new");
    }

    private Path sidecar(String fileName) {
        return directory.resolve(fileName + ".properties");
    }

    /** The archives that have a kept copy. */
    Map<AssembleeArchive, Path> present() {
        Map<AssembleeArchive, Path> out = new EnumMap<>(AssembleeArchive.class);
        for (AssembleeArchive a : AssembleeArchive.values()) {
            if (Files.isRegularFile(path(a))) {
                out.put(a, path(a));
            }
        }
        return out;
    }

    /** The sidecar of a kept copy; empty when there is none or it cannot be read (the copy then counts as unknown). */
    Optional<Kept> kept(AssembleeArchive a) {
        return kept(a.fileName);
    }

    Optional<Kept> kept(String fileName) {
        Path p = sidecar(fileName);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(p)) {
            props.load(in);
            return Optional.of(new Kept(new Validators(props.getProperty("etag"), props.getProperty("last-modified")),
                    props.getProperty("sha256"), Long.parseLong(props.getProperty("bytes", "-1")),
                    Instant.parse(props.getProperty("downloaded-at"))));
        } catch (IOException | IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Moves a validated download over the kept copy, atomically, then records its sidecar.
     *
     * @throws IOException if the move fails: the previous copy is then still in place
     */
    void install(AssembleeArchive a, Path staged, Kept kept) throws IOException {
        install(a.fileName, staged, kept);
    }

    void install(String fileName, Path staged, Kept kept) throws IOException {
        Files.move(staged, path(fileName), StandardCopyOption.ATOMIC_MOVE);
        writeSidecar(fileName, kept);
    }

    /** New validators for a copy that did not change (a server that answered 200 with the same bytes). */
    void update(AssembleeArchive a, Kept kept) throws IOException {
        writeSidecar(a.fileName, kept);
    }

    void update(String fileName, Kept kept) throws IOException {
        writeSidecar(fileName, kept);
    }

    private void writeSidecar(String fileName, Kept kept) throws IOException {
        Properties props = new Properties();
        if (kept.validators().etag() != null) {
            props.setProperty("etag", kept.validators().etag());
        }
        if (kept.validators().lastModified() != null) {
            props.setProperty("last-modified", kept.validators().lastModified());
        }
        props.setProperty("sha256", kept.sha256());
        props.setProperty("bytes", Long.toString(kept.bytes()));
        props.setProperty("downloaded-at", kept.downloadedAt().toString());
        Path part = directory.resolve(fileName + ".properties.part");
        try (OutputStream out = Files.newOutputStream(part)) {
            props.store(out, "Last good copy of " + fileName + ", kept by civic-gateway");
        }
        Files.move(part, sidecar(fileName), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Drops a kept copy that cannot be used, so that its validators never ask the server to confirm it. */
    void forget(AssembleeArchive a) throws IOException {
        forget(a.fileName);
    }

    void forget(String fileName) throws IOException {
        Files.deleteIfExists(sidecar(fileName));
        Files.deleteIfExists(path(fileName));
    }

    /** Deletes what an interrupted refresh left: downloads in progress and validated copies not yet kept. */
    void removeLeftovers() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                for (String suffix : LEFTOVERS) {
                    if (name.endsWith(suffix)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
