package fr.civicgateway.opendata.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.local.LocalDataSource;
import fr.civicgateway.core.local.LocalItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's "add your town's data in ten minutes" example as written: the CSV and the YAML are read from
 * the README itself, so the guide cannot drift from what works. The CSV is the guide's fictional fixture.
 */
class LocalAdaptersGuideTest {

    private static Path root() {
        String property = System.getProperty("civic.repository-root");
        if (property != null) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("config"))) {
                return dir;
            }
        }
        throw new IllegalStateException("set the system property civic.repository-root");
    }

    /** The fenced block after {@code marker}, without its fences. */
    private static String block(String readme, String marker) {
        String after = readme.substring(readme.indexOf(marker) + marker.length());
        String fenced = after.substring(after.indexOf("```"));
        String body = fenced.substring(fenced.indexOf('\n') + 1);
        return body.substring(0, body.indexOf("```"));
    }

    @Test
    void theReadmeGuideExampleLoadsAsDocumented(@TempDir Path workingDirectory) throws IOException {
        String readme = Files.readString(root().resolve("README.md"), StandardCharsets.UTF_8);
        Path csv = workingDirectory.resolve("data/ma-ville/travaux.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, block(readme, "<!-- guide-csv -->"), StandardCharsets.UTF_8);
        Path adapters = Files.createDirectories(workingDirectory.resolve("config/adapters"));
        Files.writeString(adapters.resolve("ma-ville-travaux.yml"), block(readme, "<!-- guide-yml -->"));

        List<LocalDataSource> sources = LocalAdapters.load(adapters, workingDirectory);

        assertThat(sources).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("ma-ville-travaux");
            assertThat(s.description().dataDate()).isEqualTo(LocalDate.of(2026, 2, 15));
            assertThat(s.items()).containsExactly(new LocalItem("ma-ville-travaux", LocalItem.Kind.WORKSITE, "T-001",
                    "Réfection de chaussée", null, null, "12 rue de la Paix; côté pair", "74000",
                    LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), 45.899, 6.129, null));
        });
    }
}
