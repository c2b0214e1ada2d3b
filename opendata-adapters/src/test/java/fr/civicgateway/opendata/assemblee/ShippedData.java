package fr.civicgateway.opendata.assemblee;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data snapshot shipped in the repository, loaded once for all tests, and a deliberately naive second reading
 * of its raw files, so that tests compare the adapter's answers with facts computed another way.
 */
final class ShippedData {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static AssembleeSnapshot snapshot;

    private ShippedData() {
    }

    /** From the {@code civic.repository-root} property surefire sets, else the first parent holding {@code data/}. */
    static Path repositoryRoot() {
        String property = System.getProperty("civic.repository-root");
        if (property != null && Files.isDirectory(Path.of(property, "data"))) {
            return Path.of(property);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("data/assemblee-nationale"))) {
                return p;
            }
        }
        throw new IllegalStateException("No data/assemblee-nationale above the working directory");
    }

    static Path assembleeDir() {
        return repositoryRoot().resolve("data/assemblee-nationale");
    }

    static Path amo10() {
        return assembleeDir().resolve("AMO10_deputes_actifs_mandats_actifs_organes_L17");
    }

    static Path scrutinsZip() {
        return assembleeDir().resolve("Scrutins_L17/Scrutins.json.zip");
    }

    static synchronized AssembleeSnapshot snapshot() {
        if (snapshot == null) {
            snapshot = AssembleeLoader.ofShippedLayout(assembleeDir()).load();
        }
        return snapshot;
    }

    static String rawScrutin(int number) {
        try (ZipFile zip = new ZipFile(scrutinsZip().toFile())) {
            ZipEntry e = zip.getEntry("json/VTANR5L17V" + number + ".json");
            return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        return MAPPER.readTree(json);
    }

    static JsonNode scrutinTree(int number) {
        return tree(rawScrutin(number)).get("scrutin");
    }

    static String rawActeur(String uid) {
        try {
            return Files.readString(amo10().resolve("json/acteur/" + uid + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One listing of an acteur in a scrutin, found by a blind walk of the whole tree. */
    record Listing(String category, String acteurRef, String parDelegation, String cause) {
    }

    /**
     * Every object with an {@code acteurRef} anywhere in the tree, with the nearest enclosing field among
     * {@code pours}, {@code contres}, {@code abstentions}, {@code nonVotants}. No knowledge of the object-or-array
     * quirk is needed: the walk visits both forms alike.
     */
    static List<Listing> listings(JsonNode node) {
        List<Listing> out = new ArrayList<>();
        walk(node, null, out);
        return out;
    }

    private static void walk(JsonNode node, String category, List<Listing> out) {
        if (node.isObject()) {
            if (node.has("acteurRef") && category != null) {
                out.add(new Listing(category, node.get("acteurRef").asString(), node.path("parDelegation").asString(""),
                        node.path("causePositionVote").asString("")));
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                boolean isCategory = key.equals("pours") || key.equals("contres") || key.equals("abstentions")
                        || key.equals("nonVotants");
                walk(field.getValue(), isCategory ? key : category, out);
            }
        } else if (node.isArray()) {
            for (JsonNode e : node) {
                walk(e, category, out);
            }
        }
    }

    /**
     * The nominative votes of a scrutin: only under {@code ventilationVotes}, since {@code miseAuPoint} lists with
     * the same shape the deputies who later said they meant to vote otherwise, which does not change the record.
     */
    static List<Listing> votes(JsonNode scrutin) {
        return listings(scrutin.get("ventilationVotes"));
    }

    static Listing listingOf(int scrutin, String uid) {
        return votes(scrutinTree(scrutin)).stream().filter(l -> l.acteurRef().equals(uid)).findFirst().orElse(null);
    }
}
