package fr.civicgateway.opendata.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.civicgateway.core.local.LocalDataException;
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

class CsvLocalDataSourceTest {

    private static final Path ROOT = root();

    private static Path root() {
        String property = System.getProperty("civic.repository-root");
        if (property != null) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("config/adapters"))) {
                return dir;
            }
        }
        throw new IllegalStateException("set the system property civic.repository-root");
    }

    /** Records by a naive scan: neither Paris export has a line break inside a field, so one CRLF per record. */
    private static List<String> naiveRecords(String file) throws IOException {
        String raw = Files.readString(ROOT.resolve("data/paris/" + file), StandardCharsets.UTF_8);
        List<String> lines = List.of(raw.split("\r\n"));
        return lines.subList(1, lines.size());
    }

    @Test
    void readsEveryShippedParisRecordThroughTheShippedConfigurations() throws IOException {
        List<LocalDataSource> sources = LocalAdapters.load(ROOT.resolve("config/adapters"), ROOT);

        assertThat(sources).extracting(LocalDataSource::id)
                .containsExactly("paris-budget-participatif", "paris-chantiers");
        assertThat(sources.get(0).items()).hasSize(naiveRecords("bp_projets_gagnants.csv").size()).hasSize(1214);
        assertThat(sources.get(1).items()).hasSize(naiveRecords("chantiers-a-paris.csv").size()).hasSize(4710);
        assertThat(sources.get(1).description().dataDate()).isEqualTo(LocalDate.of(2025, 12, 14));
    }

    @Test
    void normalisesAWorksiteRowDatesPostcodeAndCoordinates() throws IOException {
        LocalDataSource worksites = FileLocalDataSource.fromConfig(ROOT.resolve("config/adapters/paris-chantiers.yml"), ROOT);
        String first = naiveRecords("chantiers-a-paris.csv").getFirst();
        String[] naive = first.split(";");
        String[] point = first.substring(first.lastIndexOf(';') + 1).split(", ");

        LocalItem item = worksites.items().getFirst();

        assertThat(item.id()).isEqualTo(naive[0]);
        assertThat(item.postcode()).isEqualTo(naive[1]);
        assertThat(item.start()).isEqualTo(LocalDate.parse(naive[2]));
        assertThat(item.end()).isEqualTo(LocalDate.parse(naive[3]));
        assertThat(item.title()).isEqualTo(naive[7]);
        assertThat(item.latitude()).isEqualTo(Double.parseDouble(point[0]));
        assertThat(item.longitude()).isEqualTo(Double.parseDouble(point[1]));
        assertThat(item.kind()).isEqualTo(LocalItem.Kind.WORKSITE);
        long in75015 = naiveRecords("chantiers-a-paris.csv").stream().filter(l -> l.split(";")[1].equals("75015")).count();
        assertThat(worksites.items().stream().filter(i -> "75015".equals(i.postcode())).count()).isEqualTo(in75015);
    }

    @Test
    void keepsASeparatorAndALineBreakInsideQuotedFields() {
        // Neither Paris export has one, but other portals' exports do: a test fixture, not data.
        CsvTable.Parsed t = CsvTable.parse("\uFEFFa;b\r\n\"x;y\";\"two\r\nlines \"\"quoted\"\"\"\r\nz;\r\n", ';');

        assertThat(t.rows()).containsExactly(List.of("a", "b"), List.of("x;y", "two\r\nlines \"quoted\""),
                List.of("z", ""));
        assertThat(t.firstLines()).containsExactly(1, 2, 4);
    }

    @Test
    void refusesAnUnknownKeyNamingTheFileAndTheKey(@TempDir Path dir) throws IOException {
        Path yml = dir.resolve("typo.yml");
        Files.writeString(yml, """
                id: typo
                kind: project
                file: data/paris/bp_projets_gagnants.csv
                publisher: Ville de Paris
                licence: ODbL
                url: https://opendata.paris.fr/
                dataDate: 2024-04-17
                fields:
                  title: Titre du projet lauréat
                  adress: Adresse du projet lauréat
                """);

        assertThatThrownBy(() -> FileLocalDataSource.fromConfig(yml, ROOT))
                .isInstanceOf(LocalDataException.class)
                .hasMessageStartingWith("typo.yml: unknown key 'fields.adress'");
    }

    @Test
    void refusesAColumnMissingFromTheHeaderNamingTheKeyAndTheColumn(@TempDir Path dir) throws IOException {
        Path yml = dir.resolve("missing.yml");
        Files.writeString(yml, """
                id: missing
                kind: worksite
                file: data/paris/chantiers-a-paris.csv
                separator: ";"
                publisher: Ville de Paris
                licence: ODbL
                url: https://opendata.paris.fr/
                dataDate: 2025-12-14
                fields:
                  title: Synthèse - Nature du chantier
                  address: Adresse
                """);

        assertThatThrownBy(() -> FileLocalDataSource.fromConfig(yml, ROOT))
                .isInstanceOf(LocalDataException.class)
                .hasMessage("missing.yml: key 'fields.address' names column 'Adresse', which is not in the header"
                        + " of chantiers-a-paris.csv");
    }

    @Test
    void reportsItsFileItsDateAndItsCountAsASourceStatus() throws IOException {
        FileLocalDataSource worksites = FileLocalDataSource.fromConfig(ROOT.resolve("config/adapters/paris-chantiers.yml"), ROOT);

        assertThat(worksites.statuses()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("paris-chantiers");
            assertThat(s.kind()).isEqualTo("local");
            assertThat(s.url()).as("as written in the configuration: no path of this machine").isEqualTo(
                    "data/paris/chantiers-a-paris.csv");
            assertThat(s.dataDate()).isEqualTo(LocalDate.of(2025, 12, 14));
            assertThat(s.counts()).isEqualTo(java.util.Map.of("items", naiveRecords("chantiers-a-paris.csv").size()));
            assertThat(s.lastSuccess()).isNotNull();
            assertThat(s.nextAttempt()).as("never refreshed").isNull();
        });
    }
}
