package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.opendata.testing.ShippedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.Position;

/** The archive forms the loader accepts and the failures it reports. */
class AssembleeLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void readsTheDeputiesArchiveAsAZipInTheOfficialLayoutAsWellAsAnUnpackedDirectory() throws IOException {
        Path amo10Zip = tmp.resolve("AMO10_deputes_actifs_mandats_actifs_organes.json.zip");
        zipDirectory(ShippedData.amo10(), amo10Zip);
        Path scrutins = zip("Scrutins.json.zip", Map.of("json/VTANR5L17V3876.json", ShippedData.rawScrutin(3876)));

        AssembleeSnapshot fromZip = new AssembleeLoader(amo10Zip, null, scrutins).load();
        AssembleeSnapshot fromDirectory = new AssembleeLoader(ShippedData.amo10(), null, scrutins).load();

        long votersWithoutAmo10File = ShippedData.votes(ShippedData.scrutinTree(3876)).stream()
                .filter(l -> !Files.exists(ShippedData.amo10().resolve("json/acteur/" + l.acteurRef() + ".json")))
                .count();
        assertThat(votersWithoutAmo10File).isEqualTo(3);
        assertThat(fromZip.deputies()).hasSize(577 + 3).containsExactlyElementsOf(fromDirectory.deputies());
        assertThat(fromZip.groups()).containsExactlyElementsOf(fromDirectory.groups());
        assertThat(fromZip.vote("PA720892", 3876).position()).isEqualTo(Position.FOR);
        assertThat(fromZip.info().source()).isEqualTo("Assemblée nationale, open data (AMO10, Scrutins)");
    }

    @Test
    void failsTheLoadNamingAMalformedDeputyEntry() throws IOException {
        Path amo10 = zip("AMO10.json.zip", Map.of(
                "json/acteur/PA1008.json", ShippedData.rawActeur("PA1008"),
                "json/acteur/PA720892.json", "{\"acteur\": {\"uid\": {\"#text\": \"PA720892\"}, \"etatCivil\": "));
        Path scrutins = zip("Scrutins.json.zip", Map.of("json/VTANR5L17V3876.json", ShippedData.rawScrutin(3876)));

        assertThatThrownBy(() -> new AssembleeLoader(amo10, null, scrutins).load())
                .isInstanceOf(ParliamentDataException.class)
                .hasMessageStartingWith("Malformed entry json/acteur/PA720892.json in AMO10.json.zip: ");
    }

    @Test
    void failsTheLoadNamingAScrutinEntryWithoutItsNumber() throws IOException {
        String withoutNumber = ShippedData.rawScrutin(3876).replace("\"numero\": \"3876\", ", "");
        Path scrutins = zip("Scrutins.json.zip", Map.of(
                "json/VTANR5L17V3875.json", ShippedData.rawScrutin(3875),
                "json/VTANR5L17V3876.json", withoutNumber));

        assertThat(withoutNumber).doesNotContain("\"numero\"");
        assertThatThrownBy(() -> new AssembleeLoader(ShippedData.amo10(), null, scrutins).load())
                .isInstanceOf(ParliamentDataException.class)
                .hasMessage("Malformed entry json/VTANR5L17V3876.json in Scrutins.json.zip: missing numero");
    }

    @Test
    void failsTheLoadNamingAnUnknownOutcome() throws IOException {
        Path scrutins = zip("Scrutins.json.zip", Map.of("json/VTANR5L17V3876.json",
                ShippedData.rawScrutin(3876).replace("\"code\": \"rejet\\u00e9\"", "\"code\": \"report\\u00e9\"")));

        assertThatThrownBy(() -> new AssembleeLoader(ShippedData.amo10(), null, scrutins).load())
                .isInstanceOf(ParliamentDataException.class)
                .hasMessage("Malformed entry json/VTANR5L17V3876.json in Scrutins.json.zip: unknown sort.code: \"reporté\"");
    }

    @Test
    void failsTheLoadWhenAnArchiveIsMissing() {
        assertThatThrownBy(() -> new AssembleeLoader(tmp.resolve("nowhere.zip"), null, tmp.resolve("none.zip")).load())
                .isInstanceOf(ParliamentDataException.class)
                .hasMessage("Assemblée archive not found: nowhere.zip");
    }

    @Test
    void acceptsAMandateGivenAsASingleObjectAndBothNullForms() throws IOException {
        // Panot's file reduced to her ASSEMBLEE mandate, as an object instead of an array.
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        var acteur = (tools.jackson.databind.node.ObjectNode) mapper.readTree(ShippedData.rawActeur("PA720892"));
        var mandats = (tools.jackson.databind.node.ObjectNode) acteur.get("acteur").get("mandats");
        tools.jackson.databind.JsonNode seat = null;
        for (var m : mandats.get("mandat")) {
            if (m.get("typeOrgane").asString().equals("ASSEMBLEE")) {
                seat = m;
            }
        }
        assertThat(seat.get("dateFin").isNull()).isTrue();
        ((tools.jackson.databind.node.ObjectNode) seat).set("dateFin", mapper.readTree("{\"@xsi:nil\": \"true\"}"));
        mandats.set("mandat", seat);
        Path amo10 = zip("AMO10.json.zip", Map.of("json/acteur/PA720892.json", mapper.writeValueAsString(acteur)));
        Path scrutins = zip("Scrutins.json.zip", Map.of("json/VTANR5L17V3876.json", ShippedData.rawScrutin(3876)));

        Deputy d = new AssembleeLoader(amo10, null, scrutins).load().deputy("PA720892").orElseThrow();

        assertThat(d.constituency().id()).isEqualTo("94-10");
        assertThat(d.mandateStart()).isEqualTo(java.time.LocalDate.of(2024, 7, 1));
        assertThat(d.mandateEnd()).isNull();
        assertThat(d.groupUid()).isNull();
    }

    @Test
    void normalisesDepartementCodesToTheApiForm() {
        assertThat(List.of("33", "01", "2A", "2b", "971", "099", "1", "988"))
                .map(AmoReader::departementCode)
                .containsExactly("33", "01", "2A", "2B", "971", "99", "01", "988");
        assertThatThrownBy(() -> AmoReader.departementCode("ZZ"))
                .hasMessage("election.lieu.numDepartement is not a département code: \"ZZ\"");
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path file = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    /** Zips an unpacked archive directory back into the official layout ({@code json/acteur/PA*.json}). */
    private static void zipDirectory(Path root, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                zip.putNextEntry(new ZipEntry(root.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, zip);
                zip.closeEntry();
            }
        }
    }
}
