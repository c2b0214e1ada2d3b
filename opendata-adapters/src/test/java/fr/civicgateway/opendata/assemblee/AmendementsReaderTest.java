package fr.civicgateway.opendata.assemblee;

import fr.civicgateway.opendata.testing.ShippedData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.civicgateway.core.parliament.work.Amendments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Amendements adapter on the shipped 23-amendement sample, read as a directory and as the official zip layout
 * (streamed), against counts made here with regular expressions over the raw files.
 */
class AmendementsReaderTest {

    static Path sample() {
        return ShippedData.assembleeDir().resolve("Amendements_L17_extrait/json");
    }

    /** acteur → {authored, co-signed, adopted}, by regular expressions over each file's text. */
    static Map<String, int[]> naive() throws IOException {
        Map<String, int[]> out = new HashMap<>();
        Pattern author = Pattern.compile("\"acteurRef\": \"(PA\\d+)\"");
        Pattern cosigners = Pattern.compile("\"cosignataires\": \\{\"acteurRef\": (\\[[^\\]]*\\]|\"PA\\d+\")");
        Pattern sort = Pattern.compile("\"sort\": \"([^\"]*)\"");
        try (Stream<Path> files = Files.walk(sample())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                String json = Files.readString(f);
                // The author: the first acteurRef between "auteur" and "cosignataires".
                int from = json.indexOf("\"auteur\":");
                int to = json.indexOf("\"cosignataires\"", from);
                Matcher a = author.matcher(json.substring(from, to));
                String who = a.find() ? a.group(1) : null;
                if (who != null) {
                    int[] c = out.computeIfAbsent(who, k -> new int[3]);
                    c[0]++;
                    Matcher s = sort.matcher(json);
                    if (s.find() && s.group(1).startsWith("Adopt")) {
                        c[2]++;
                    }
                }
                Matcher co = cosigners.matcher(json);
                if (co.find()) {
                    Matcher each = Pattern.compile("PA\\d+").matcher(co.group(1));
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    while (each.find()) {
                        if (!each.group().equals(who) && seen.add(each.group())) {
                            out.computeIfAbsent(each.group(), k -> new int[3])[1]++;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The first and last {@code dateDepot} of the sample, by a regular expression. */
    static java.time.LocalDate[] naiveDepositPeriod() throws IOException {
        Pattern depot = Pattern.compile("\"dateDepot\": \"(\\d{4}-\\d{2}-\\d{2})\"");
        java.util.TreeSet<String> days = new java.util.TreeSet<>();
        try (Stream<Path> files = Files.walk(sample())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Matcher m = depot.matcher(Files.readString(f));
                while (m.find()) {
                    days.add(m.group(1));
                }
            }
        }
        return new java.time.LocalDate[] {java.time.LocalDate.parse(days.first()), java.time.LocalDate.parse(days.last())};
    }

    @Test
    void theSampleCountsMatchANaiveReadingPerDeputy() throws IOException {
        AmendementsReader.Result r = AmendementsReader.read(sample(), JsonMapper.builder().build());
        Map<String, int[]> naive = naive();
        assertThat(r.amendements()).isEqualTo(23);
        assertThat(r.byDeputy().keySet()).containsExactlyInAnyOrderElementsOf(naive.keySet());
        naive.forEach((uid, c) -> {
            AmendementsReader.Count got = r.byDeputy().get(uid);
            assertThat(new int[] {got.authored, got.cosigned, got.adopted}).as(uid).containsExactly(c);
        });
        assertThat(naive.get("PA795228")[1]).as("a co-signatory of several amendements").isPositive();
        assertThat(new java.time.LocalDate[] {r.firstDeposit(), r.lastDeposit()}).containsExactly(naiveDepositPeriod());
    }

    /** The shipped sample zipped in the official layout, {@code json/<dossier>/<texte>/AM….json}. */
    static byte[] officialZip() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(sample())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.putNextEntry(new ZipEntry("json/" + sample().relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void theOfficialZipLayoutIsStreamedToTheSameCounts(@TempDir Path dir) throws IOException {
        Path zip = Files.write(dir.resolve("Amendements.json.zip"), officialZip());
        AmendementsReader.Result fromZip = AmendementsReader.read(zip, JsonMapper.builder().build());
        AmendementsReader.Result fromDir = AmendementsReader.read(sample(), JsonMapper.builder().build());
        assertThat(fromZip.amendements()).isEqualTo(23);
        fromDir.byDeputy().forEach((uid, c) -> {
            AmendementsReader.Count z = fromZip.byDeputy().get(uid);
            assertThat(List.of(z.authored, z.cosigned, z.adopted)).as(uid)
                    .containsExactly(c.authored, c.cosigned, c.adopted);
        });
    }

    @Test
    void aTruncatedArchiveIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("Amendements.json.zip");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThatThrownBy(() -> AmendementsReader.read(zip, JsonMapper.builder().build()))
                .isInstanceOf(ParliamentDataException.class).hasMessageContaining("Amendements.json.zip");
    }

    @Test
    void theFiguresCarryTheirMethodAndDate() {
        Amendments a = new Amendments(1, 2, 0, new fr.civicgateway.core.parliament.work.Provenance("s", "u", null,
                java.time.LocalDate.of(2024, 11, 8), fr.civicgateway.core.parliament.work.Provenance.Method.AMENDMENTS));
        assertThat(a.provenance().method().id).isEqualTo("an-amendments-1");
    }
}
