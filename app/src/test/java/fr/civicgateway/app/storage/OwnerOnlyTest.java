package fr.civicgateway.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's directory, new or left by an older release with the umask's modes, becomes owner-only. */
class OwnerOnlyTest {

    @TempDir
    Path temp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewDirectoryIsCreatedOwnerOnly() throws Exception {
        Path directory = temp.resolve("var/db");

        OwnerOnly.directory(directory);

        assertThat(mode(directory)).isEqualTo("rwx------");
    }

    @Test
    void anOlderReleasesDirectoryAndFilesAreTightenedButALinkIsNotFollowed() throws Exception {
        Path directory = Files.createDirectories(temp.resolve("db"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path database = Files.writeString(directory.resolve("civic-gateway.mv.db"), "H2");
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
        Path elsewhere = Files.writeString(temp.resolve("operator-file"), "kept");
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(directory.resolve("link"), elsewhere);

        OwnerOnly.directory(directory);

        assertThat(mode(directory)).isEqualTo("rwx------");
        assertThat(mode(database)).isEqualTo("rw-------");
        assertThat(mode(elsewhere)).as("the link's target, outside the directory").isEqualTo("rw-r--r--");
        assertThat(Files.readString(database)).isEqualTo("H2");
    }
}
