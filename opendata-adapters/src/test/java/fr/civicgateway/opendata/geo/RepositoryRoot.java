package fr.civicgateway.opendata.geo;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, where the shipped {@code data/} lives: set by surefire, else found upwards. */
final class RepositoryRoot {
    private RepositoryRoot() {
    }

    static Path find() {
        String property = System.getProperty("civic.repository-root");
        if (property != null && Files.isDirectory(Path.of(property, "data"))) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("data/geo"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No data/geo directory above the working directory; "
                + "set the system property civic.repository-root");
    }
}
