package fr.civicgateway.opendata.testing;

import fr.civicgateway.opendata.assemblee.AssembleeLoader;
import fr.civicgateway.opendata.assemblee.AssembleeSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data snapshot shipped in the repository, loaded once for all tests, and a deliberately naive second reading
 * of its raw files (a JSON tree per file), so that tests compare the adapter's and the gateway's answers with facts
 * computed independently of the adapter's parser and index. One copy for every module's tests (this module's
 * test-jar), instead of one per module.
 */
public final class ShippedData {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectMapper JSON = MAPPER;
    private static AssembleeSnapshot snapshot;

    private ShippedData() {
    }

    /** From the {@code civic.repository-root} property surefire sets, else the first parent holding {@code data/}. */
    public static Path repositoryRoot() {
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

    public static Path assembleeDir() {
        return repositoryRoot().resolve("data/assemblee-nationale");
    }

    public static Path amo10() {
        return assembleeDir().resolve("AMO10_deputes_actifs_mandats_actifs_organes_L17");
    }

    public static Path scrutinsZip() {
        return assembleeDir().resolve("Scrutins_L17/Scrutins.json.zip");
    }

    public static synchronized AssembleeSnapshot snapshot() {
        if (snapshot == null) {
            snapshot = AssembleeLoader.ofShippedLayout(assembleeDir()).load();
        }
        return snapshot;
    }

    public static String rawScrutin(int number) {
        try (ZipFile zip = new ZipFile(scrutinsZip().toFile())) {
            ZipEntry e = zip.getEntry("json/VTANR5L17V" + number + ".json");
            return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(String json) {
        return MAPPER.readTree(json);
    }

    public static JsonNode scrutinTree(int number) {
        return tree(rawScrutin(number)).get("scrutin");
    }

    public static String rawActeur(String uid) {
        try {
            return Files.readString(amo10().resolve("json/acteur/" + uid + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One listing of an acteur in a scrutin, found by a blind walk of the whole tree. */
    public record Listing(String category, String acteurRef, String parDelegation, String cause) {
    }

    /**
     * Every object with an {@code acteurRef} anywhere in the tree, with the nearest enclosing field among
     * {@code pours}, {@code contres}, {@code abstentions}, {@code nonVotants}. No knowledge of the object-or-array
     * quirk is needed: the walk visits both forms alike.
     */
    public static List<Listing> listings(JsonNode node) {
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
    public static List<Listing> votes(JsonNode scrutin) {
        return listings(scrutin.get("ventilationVotes"));
    }

    public static Listing listingOf(int scrutin, String uid) {
        return votes(scrutinTree(scrutin)).stream().filter(l -> l.acteurRef().equals(uid)).findFirst().orElse(null);
    }

    // What the gateway's tests compare answers with (formerly app's own copy).

    public static Path dataDirectory() {
        return repositoryRoot().resolve("data");
    }

    public static JsonNode scrutin(int number) {
        try (ZipFile zip = new ZipFile(scrutinsZip().toFile())) {
            ZipEntry e = zip.getEntry("json/VTANR5L17V" + number + ".json");
            return JSON.readTree(zip.getInputStream(e)).get("scrutin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void forEachScrutin(Consumer<JsonNode> action) {
        try (ZipFile zip = new ZipFile(scrutinsZip().toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.getName().endsWith(".json")) {
                    action.accept(JSON.readTree(zip.getInputStream(e)).get("scrutin"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode acteur(String uid) {
        Path p = dataDirectory().resolve("assemblee-nationale/AMO10_deputes_actifs_mandats_actifs_organes_L17/json/acteur/" + uid + ".json");
        try {
            return JSON.readTree(Files.readString(p)).get("acteur");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The list behind a repeatable element: an object when single, an array otherwise, null when empty. */
    public static List<JsonNode> many(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode() || node.has("@xsi:nil")) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    /** Where an acteur is listed in a scrutin's nominative votes: "pours", "contres", "abstentions", "nonVotants", or null. */
    public static String listing(JsonNode scrutin, String acteurUid) {
        Map.Entry<String, JsonNode> found = find(scrutin, acteurUid);
        return found == null ? null : found.getKey();
    }

    /** The votant element of an acteur in a scrutin, or null. */
    public static JsonNode votant(JsonNode scrutin, String acteurUid) {
        Map.Entry<String, JsonNode> found = find(scrutin, acteurUid);
        return found == null ? null : found.getValue();
    }

    /** The category and votant element of an acteur in a scrutin's ventilation (never its miseAuPoint), or null. */
    private static Map.Entry<String, JsonNode> find(JsonNode scrutin, String acteurUid) {
        for (JsonNode group : many(scrutin.path("ventilationVotes").path("organe").path("groupes").path("groupe"))) {
            JsonNode nominatif = group.path("vote").path("decompteNominatif");
            for (String category : List.of("pours", "contres", "abstentions", "nonVotants")) {
                for (JsonNode votant : many(nominatif.path(category).path("votant"))) {
                    if (acteurUid.equals(votant.path("acteurRef").asString())) {
                        return Map.entry(category, votant);
                    }
                }
            }
        }
        return null;
    }

    /** The day a sitting deputy took office: the ASSEMBLEE mandate's datePriseFonction, else its dateDebut. */
    public static LocalDate tookOffice(String uid) {
        for (JsonNode m : many(acteur(uid).path("mandats").path("mandat"))) {
            if ("ASSEMBLEE".equals(m.path("typeOrgane").asString())) {
                JsonNode prise = m.path("mandature").path("datePriseFonction");
                String d = prise.isString() ? prise.asString() : m.path("dateDebut").asString();
                return LocalDate.parse(d);
            }
        }
        throw new IllegalArgumentException("no ASSEMBLEE mandate for " + uid);
    }

    /** Counts by the participation methodology, read naively: {tookPart, counted, solemnTookPart, solemnCounted}. */
    public static int[] participation(String uid) {
        LocalDate from = tookOffice(uid);
        int[] c = new int[4];
        forEachScrutin(s -> {
            String type = s.path("typeVote").path("codeTypeVote").asString();
            if (!type.equals("SPO") && !type.equals("SPS")) {
                return;
            }
            if (LocalDate.parse(s.path("dateScrutin").asString()).isBefore(from)) {
                return;
            }
            JsonNode votant = votant(s, uid);
            String where = listing(s, uid);
            if ("nonVotants".equals(where)) {
                String cause = votant.path("causePositionVote").asString("");
                if (cause.equals("PAN") || cause.equals("PSE") || cause.equals("MG")) {
                    return;
                }
            }
            boolean solemn = type.equals("SPS");
            boolean took = "pours".equals(where) || "contres".equals(where) || "abstentions".equals(where);
            c[1]++;
            if (took) {
                c[0]++;
            }
            if (solemn) {
                c[3]++;
                if (took) {
                    c[2]++;
                }
            }
        });
        return c;
    }

    /** "Prénom Nom" of a sitting deputy, read from their AMO10 file. */
    public static String name(String uid) {
        JsonNode ident = acteur(uid).path("etatCivil").path("ident");
        return ident.path("prenom").asString() + " " + ident.path("nom").asString();
    }

    public static boolean isSitting(String uid) {
        return Files.exists(dataDirectory().resolve(
                "assemblee-nationale/AMO10_deputes_actifs_mandats_actifs_organes_L17/json/acteur/" + uid + ".json"));
    }

    /** The uid of the sitting deputy with that given and family name, by a scan of every AMO10 acteur file. */
    public static String sittingDeputyNamed(String prenom, String nom) {
        Path dir = dataDirectory().resolve("assemblee-nationale/AMO10_deputes_actifs_mandats_actifs_organes_L17/json/acteur");
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                JsonNode a = JSON.readTree(Files.readString(f)).get("acteur");
                JsonNode ident = a.path("etatCivil").path("ident");
                if (prenom.equals(ident.path("prenom").asString()) && nom.equals(ident.path("nom").asString())) {
                    return a.path("uid").path("#text").asString();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no sitting deputy named " + prenom + " " + nom);
    }

    /** The uid of the sitting deputy of a constituency, by a scan of every AMO10 acteur file. */
    public static String sittingDeputyOf(String numDepartement, String numCirco) {
        Path dir = dataDirectory().resolve("assemblee-nationale/AMO10_deputes_actifs_mandats_actifs_organes_L17/json/acteur");
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                JsonNode a = JSON.readTree(Files.readString(f)).get("acteur");
                for (JsonNode m : many(a.path("mandats").path("mandat"))) {
                    JsonNode lieu = m.path("election").path("lieu");
                    if ("ASSEMBLEE".equals(m.path("typeOrgane").asString())
                            && numDepartement.equals(lieu.path("numDepartement").asString())
                            && numCirco.equals(lieu.path("numCirco").asString())) {
                        return a.path("uid").path("#text").asString();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no sitting deputy for " + numDepartement + "-" + numCirco);
    }

    /** The constituencies of a commune in the Ministry's 2017 table, as "dep-circo" (a plain CSV scan). */
    public static java.util.Set<String> constituenciesIn2017Table(String departement, String communeName) {
        Path csv = dataDirectory().resolve("geo/circonscriptions-communes-2017/Table_de_correspondance_circo_legislatives2017-1.csv");
        java.util.Set<String> out = new java.util.TreeSet<>();
        try {
            for (String line : Files.readAllLines(csv)) {
                String[] f = line.split(";");
                if (f.length > 4 && f[0].equals(departement) && f[3].equalsIgnoreCase(communeName)) {
                    out.add(f[0] + "-" + f[4]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
