package fr.civicgateway.app.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's directory is its owner's only: conversations, reports with their contacts and the
 * pseudonym key are in it, and with the usual umask (022) H2 would create its file readable by every local user.
 * On a POSIX file system the directory is made {@code rwx------} and the files in it {@code rw-------}, at every start
 * (a directory made by an older release is tightened too); elsewhere (Windows' ACLs) nothing is changed.
 */
final class OwnerOnly {

    static final Set<PosixFilePermission> DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    static final Set<PosixFilePermission> FILE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private static final Logger log = LoggerFactory.getLogger(OwnerOnly.class);

    private OwnerOnly() {
    }

    /**
     * Creates {@code directory} if need be, owner-only from the start, and makes it and the regular files directly in
     * it owner-only. Symbolic links are not followed (an operator's link to elsewhere is left as it is).
     *
     * @throws UncheckedIOException when the directory cannot be created, naming it (permissions that cannot be set,
     *                              on a directory of another user, are logged as a warning)
     */
    static Path directory(Path directory) {
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (!posix) {
                return Files.createDirectories(directory);
            }
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create civic.storage.directory " + directory.toAbsolutePath().normalize(), e);
        }
        try {
            // Set, not only created so: an existing directory (an older release's) keeps its own mode otherwise.
            Files.setPosixFilePermissions(directory, DIRECTORY);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                for (Path file : files) {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        Files.setPosixFilePermissions(file, FILE);
                    }
                }
            }
        } catch (IOException e) {
            // Another user's directory (a mounted volume): the database still works; the operator is told once.
            log.warn("cannot make civic.storage.directory {} readable by its owner only ({}): check its owner and mode",
                    directory.toAbsolutePath().normalize(), e.toString());
        }
        return directory;
    }
}
