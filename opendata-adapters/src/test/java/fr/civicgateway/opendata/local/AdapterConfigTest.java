package fr.civicgateway.opendata.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.civicgateway.core.local.LocalDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration mistakes stop the start-up with the file and the key, before anything is fetched. */
class AdapterConfigTest {

    @TempDir
    Path dir;

    private AdapterConfig read(String yml) throws IOException {
        Path file = dir.resolve("ma-ville.yml");
        Files.writeString(file, yml);
        return AdapterConfig.read(file, dir);
    }

    private static final String ODS = """
            id: ma-ville-travaux
            type: opendatasoft
            kind: worksite
            portal: https://data.ma-ville.fr
            dataset: travaux
            publisher: Ville de Ma-Ville
            licence: Licence Ouverte 2.0
            url: https://data.ma-ville.fr/explore/dataset/travaux/
            fields:
              title: nature
            """;

    @Test
    void readsAnOpenDataSoftDatasetWithItsDefaults() throws IOException {
        AdapterConfig c = read(ODS);

        assertThat(c.isRemote()).isTrue();
        assertThat(c.refresh()).isEqualTo(Duration.ofHours(1));
        assertThat(c.maxBytes()).isNull();
        assertThat(c.description().dataDate()).isNull();
        assertThat(c.location()).isEqualTo("https://data.ma-ville.fr/api/explore/v2.1/catalog/datasets/travaux/records");
    }

    @Test
    void refusesAnApiKeyWrittenInTheFile() {
        assertThatThrownBy(() -> read(ODS + "apiKey: 0123456789abcdef\n"))
                .isInstanceOf(LocalDataException.class)
                .hasMessage("ma-ville.yml: an API key never goes in this file; set apiKeyVariable to the name of the"
                        + " environment variable that holds it");
    }

    @Test
    void refusesADataDateOnARemoteSourceWhoseDateComesFromItsData() {
        assertThatThrownBy(() -> read(ODS + "dataDate: 2026-02-15\n"))
                .hasMessageStartingWith("ma-ville.yml: key 'dataDate' is for a local file;");
    }

    @Test
    void refusesAKeyOfAnotherTypeNamingTheKeysOfThisOne() {
        assertThatThrownBy(() -> read(ODS + "separator: \";\"\n"))
                .hasMessage("ma-ville.yml: key 'separator' does not apply to type opendatasoft; its keys: apiKeyVariable,"
                        + " dataset, fields, id, kind, licence, maxSize, portal, publisher, refresh, select, type, url,"
                        + " where");
    }

    @Test
    void refusesARefreshKeyOnALocalFile() {
        assertThatThrownBy(() -> read("""
                id: ma-ville-travaux
                kind: worksite
                file: data/travaux.csv
                refresh: 1h
                dataDate: 2026-02-15
                publisher: Ville de Ma-Ville
                licence: Licence Ouverte 2.0
                url: https://data.ma-ville.fr/
                fields:
                  title: nature
                """)).hasMessageStartingWith("ma-ville.yml: key 'refresh' is for a remote source");
    }

    @Test
    void refusesAnUnknownTypeAShortRefreshAndAPortalThatIsNoUrl() {
        assertThatThrownBy(() -> read(ODS.replace("type: opendatasoft", "type: socrata")))
                .hasMessage("ma-ville.yml: type 'socrata' is not supported; use csv, geojson, opendatasoft or feed (a news feed)");
        assertThatThrownBy(() -> read(ODS + "refresh: 30s\n"))
                .hasMessage("ma-ville.yml: refresh '30s' is shorter than a minute");
        assertThatThrownBy(() -> read(ODS.replace("https://data.ma-ville.fr\n", "data.ma-ville.fr\n")))
                .hasMessage("ma-ville.yml: portal 'data.ma-ville.fr' is not an http(s) URL");
    }

    @Test
    void namesAMissingRequiredKeyAndAValueOfTheWrongType() {
        assertThatThrownBy(() -> read(ODS.replace("publisher: Ville de Ma-Ville\n", "")))
                .isInstanceOf(LocalDataException.class)
                .hasMessage("ma-ville.yml: missing key 'publisher'");
        assertThatThrownBy(() -> read(ODS.replace("  title: nature\n", "  address: adresse\n")))
                .hasMessage("ma-ville.yml: missing key 'fields.title'");
        assertThatThrownBy(() -> read(ODS.replace("fields:\n  title: nature\n", "fields: [nature]\n")))
                .hasMessage("ma-ville.yml: key 'fields' must be a mapping of keys");
        assertThatThrownBy(() -> read("""
                id: ma-ville-travaux
                kind: worksite
                file: data/travaux.csv
                dataDate: le 15 février
                publisher: Ville de Ma-Ville
                licence: Licence Ouverte 2.0
                url: https://data.ma-ville.fr/
                fields:
                  title: nature
                """)).hasMessage("ma-ville.yml: key 'dataDate' must be a date written YYYY-MM-DD, was 'le 15 février'");
        assertThatThrownBy(() -> read(ODS.replace("id: ma-ville-travaux", "id: Ma Ville")))
                .hasMessage("ma-ville.yml: id 'Ma Ville' must be lower-case letters, digits and dashes");
    }
}
