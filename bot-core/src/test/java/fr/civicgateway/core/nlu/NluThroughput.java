package fr.civicgateway.core.nlu;

import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.geo.Commune;
import fr.civicgateway.core.geo.ConstituencyShare;
import fr.civicgateway.core.geo.Departement;
import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.text.Text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Throwaway measurement, not a test: parse() throughput with gazetteers of realistic size, built from the shipped
 * snapshot (La Poste's postcode file for the ~35,000 communes, AMO10 acteur files for the deputies) by crude
 * readers that are good enough for sizing. Also prints the entities found in every corpus sentence, to eyeball
 * false positives against the full commune list.
 *
 * <p>Arguments: the snapshot's {@code data} directory; optionally {@code --entities}, or {@code --stdin} to parse
 * the lines of the standard input instead of measuring.
 */
public final class NluThroughput {

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        GeoDirectory geo = laPosteCommunes(data.resolve("geo/laposte-codes-postaux/019HexaSmal.csv"));
        ParliamentData parliament = withDeputies(new FakeParliamentData(),
                data.resolve("assemblee-nationale/AMO10_deputes_actifs_mandats_actifs_organes_L17/json/acteur"));
        long t0 = System.nanoTime();
        OpenNlpUnderstanding nlu = OpenNlpUnderstanding.create(parliament, geo);
        System.out.printf("communes: %d, deputies: %d, start-up (train + gazetteers): %d ms%n",
                geo.communes().size(), parliament.deputies().size(), (System.nanoTime() - t0) / 1_000_000);

        List<String> messages = List.of("Qui est mon député ? J'habite à Annecy", "député du 75011",
                "Comment a voté Mathilde Panot sur le budget ?", "Est-ce que mon député participe aux votes ?",
                "Qu'est-ce qui a été voté cette semaine ?", "résultat du scrutin 3876",
                "la motion de censure a-t-elle été adoptée ?", "qui est François Ruffin", "quel groupe pour Panot ?",
                "Où en sont les travaux rue de Rivoli ?", "il y a un nid de poule devant chez moi",
                "je veux donner mon avis sur le projet de la ville", "bonjour", "que sais-tu faire ?",
                "who is the MP for the 4th constituency of Gironde?", "and on the budget?");
        if (args.length > 1 && args[1].equals("--stdin")) {
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)).lines()
                    .forEach(m -> print(nlu, m));
            return;
        }
        for (String m : messages) {
            print(nlu, m);
        }
        for (int round = 0; round < 3; round++) {
            int n = 200_000;
            long start = System.nanoTime();
            long extractNanos = 0;
            GazetteerEntityExtractor extractor = new GazetteerEntityExtractor(parliament, geo);
            for (int i = 0; i < n; i++) {
                nlu.parse(messages.get(i % messages.size()), null);
            }
            long total = System.nanoTime() - start;
            long s2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                extractor.extract(messages.get(i % messages.size()));
            }
            extractNanos = System.nanoTime() - s2;
            System.out.printf("round %d: parse() %.1f µs/message (%.0f messages/s, one thread); entities alone %.1f µs%n",
                    round, total / 1000.0 / n, n * 1e9 / total, extractNanos / 1000.0 / n);
        }
        if (args.length > 1 && args[1].equals("--entities")) {
            GazetteerEntityExtractor extractor = new GazetteerEntityExtractor(parliament, geo);
            for (IntentExample e : IntentCorpus.load().all()) {
                String text = e.text().replaceAll("\\{[a-z]+}", "");
                List<EntityMention> found = extractor.extract(text).stream()
                        .filter(m -> m.type() != EntityType.TOPIC).toList();
                if (!found.isEmpty()) {
                    System.out.println(text + "  →  " + found.stream().map(m -> m.type().apiName() + "«" + m.text() + "»").toList());
                }
            }
        }
    }

    private static void print(NaturalLanguageUnderstanding nlu, String m) {
        Understanding u = nlu.parse(m, null);
        System.out.printf("%-55s %-4s %-26s %.2f %s%n", m, u.language().code(), u.intent().apiName(),
                u.confidence(), u.entities().stream().map(e -> e.type().apiName() + "=" + e.value() + "«" + e.text()
                        + "»" + (e.ambiguous() ? "×" + e.alternatives().size() : "")).toList());
    }

    private static GeoDirectory laPosteCommunes(Path csv) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, TreeSet<String>> postcodes = new HashMap<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(";", -1);
            names.putIfAbsent(f[0], f[1]);
            postcodes.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[2]);
        }
        List<Commune> communes = new ArrayList<>();
        names.forEach((code, name) -> communes.add(new Commune(code, name,
                code.startsWith("97") ? code.substring(0, 3) : code.substring(0, 2), List.copyOf(postcodes.get(code)))));
        Map<String, List<Commune>> byPostcode = new HashMap<>();
        Map<String, Commune> byCode = new HashMap<>();
        for (Commune c : communes) {
            byCode.put(c.inseeCode(), c);
            c.postcodes().forEach(p -> byPostcode.computeIfAbsent(p, k -> new ArrayList<>()).add(c));
        }
        GeoDirectory fixture = new fr.civicgateway.core.fixtures.FakeGeoDirectory();
        return new GeoDirectory() {
            public List<Commune> communesByPostcode(String postcode) {
                return byPostcode.getOrDefault(postcode, List.of());
            }

            public Optional<Commune> commune(String code) {
                return Optional.ofNullable(byCode.get(code));
            }

            public List<Commune> communesByName(String name) {
                return communes.stream().filter(c -> Text.foldToWords(c.name()).equals(Text.foldToWords(name))).toList();
            }

            public Collection<Commune> communes() {
                return communes;
            }

            public List<ConstituencyShare> constituenciesOf(String code) {
                return List.of();
            }

            public Optional<Departement> departement(String code) {
                return fixture.departement(code);
            }

            public Collection<Departement> departements() {
                return fixture.departements();
            }

            public String sourceDescription() {
                return "La Poste";
            }
        };
    }

    private static ParliamentData withDeputies(FakeParliamentData base, Path acteurs) throws IOException {
        Pattern ident = Pattern.compile("\"civ\": \"([^\"]*)\", \"prenom\": \"([^\"]*)\", \"nom\": \"([^\"]*)\"");
        List<Deputy> deputies = new ArrayList<>(base.deputies());
        try (Stream<Path> files = Files.list(acteurs)) {
            for (Path f : files.toList()) {
                String json = Files.readString(f);
                Matcher m = ident.matcher(json);
                if (m.find()) {
                    String uid = f.getFileName().toString().replace(".json", "");
                    deputies.add(new Deputy(uid, m.group(1), unescape(m.group(2)), unescape(m.group(3)), true,
                            null, null, null, null));
                }
            }
        }
        return new ParliamentData() {
            public fr.civicgateway.core.parliament.DataInfo info() {
                return base.info();
            }

            public Collection<Deputy> deputies() {
                return deputies;
            }

            public Optional<Deputy> deputy(String uid) {
                return deputies.stream().filter(d -> d.uid().equals(uid)).findFirst();
            }

            public Optional<Deputy> deputyOf(String id) {
                return base.deputyOf(id);
            }

            public Optional<fr.civicgateway.core.parliament.PoliticalGroup> group(String uid) {
                return base.group(uid);
            }

            public Collection<fr.civicgateway.core.parliament.PoliticalGroup> groups() {
                return base.groups();
            }

            public Optional<fr.civicgateway.core.parliament.Scrutin> scrutin(int number) {
                return base.scrutin(number);
            }

            public List<fr.civicgateway.core.parliament.Scrutin> scrutins() {
                return base.scrutins();
            }

            public fr.civicgateway.core.parliament.DeputyVote vote(String uid, int number) {
                return base.vote(uid, number);
            }
        };
    }

    private static String unescape(String s) {
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, String.valueOf((char) Integer.parseInt(m.group(1), 16)));
        }
        return m.appendTail(sb).toString();
    }
}
