package fr.civicgateway.opendata.geo;

import fr.civicgateway.core.geo.Arrondissements;
import fr.civicgateway.core.geo.Commune;
import fr.civicgateway.core.geo.ConstituencyShare;
import fr.civicgateway.core.geo.Departement;
import fr.civicgateway.core.parliament.Constituency;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link GeoTables} from the three official files shipped under {@code data/geo/}:
 * <ol>
 *   <li>La Poste's "base officielle des codes postaux" (ISO-8859-1 CSV): which communes each postcode serves,
 *       including the arrondissements of Paris, Lyon and Marseille and the collectivités d'outre-mer;</li>
 *   <li>INSEE's "composition communale des circonscriptions législatives" (xlsx, géographie 2021): the
 *       constituencies of every commune of metropolitan France, Guadeloupe, Martinique, Guyane and La Réunion,
 *       with the commune names properly written;</li>
 *   <li>the Ministry of the Interior's 2017 correspondence table (UTF-8 CSV): used for what INSEE lacks, namely
 *       Mayotte, the collectivités d'outre-mer, the consular posts of the Français établis hors de France
 *       (département {@code 99}), and communes whose INSEE code is not in INSEE's 2021 table.</li>
 * </ol>
 *
 * <p>Stateless and thread-safe; loading takes about a second and is meant to be done once at start-up. A missing
 * file or a malformed line fails the whole load with a {@link GeoDataException} naming the file and the line:
 * a partial directory would send citizens to the wrong deputy without anyone noticing.
 */
public final class GeoTablesLoader {
    static final String LA_POSTE_FILE = "laposte-codes-postaux/019HexaSmal.csv";
    static final String INSEE_FILE = "insee-circo-composition/circo_composition.xlsx";
    static final String MINISTRY_FILE =
            "circonscriptions-communes-2017/Table_de_correspondance_circo_legislatives2017-1.csv";

    private static final Logger LOG = LoggerFactory.getLogger(GeoTablesLoader.class);
    private static final Pattern INSEE_CODE = Pattern.compile("[0-9][0-9AB][0-9]{3}");
    private static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final String ABROAD = "99";

    /** The Ministry codes its overseas départements and collectivités with letters; INSEE and the AN use numbers. */
    private static final Map<String, String> MINISTRY_ZONES = Map.ofEntries(Map.entry("ZA", "971"),
            Map.entry("ZB", "972"), Map.entry("ZC", "973"), Map.entry("ZD", "974"), Map.entry("ZM", "976"),
            Map.entry("ZN", "988"), Map.entry("ZP", "987"), Map.entry("ZS", "975"), Map.entry("ZW", "986"),
            Map.entry("ZX", "977"), Map.entry("ZZ", ABROAD));

    private static final String SOURCE_DESCRIPTION = "La Poste (base officielle des codes postaux), INSEE (composition "
            + "communale des circonscriptions législatives, géographie 2021), ministère de l'Intérieur (table de "
            + "correspondance des circonscriptions de 2017, pour l'outre-mer et les Français de l'étranger)";

    private GeoTablesLoader() {
    }

    /**
     * Reads the three files under {@code geoDirectory} (the shipped {@code data/geo}) and builds the directory.
     *
     * @throws GeoDataException when a file is missing, unreadable or has a malformed line
     */
    public static GeoTables load(Path geoDirectory) {
        long start = System.nanoTime();
        List<PostalRow> postal = readLaPoste(geoDirectory.resolve(LA_POSTE_FILE));
        List<InseeRow> insee = readInsee(geoDirectory.resolve(INSEE_FILE));
        List<MinistryRow> ministry = readMinistryTable(geoDirectory.resolve(MINISTRY_FILE));
        Assembly assembly = new Assembly(postal, insee, ministry);
        GeoTables tables = assembly.build();
        LOG.info("Geographic directory loaded in {} ms: {} communes and arrondissements, {} postcodes, "
                        + "{} constituencies, {} départements; communes absent from INSEE 2021 placed by the 2017 "
                        + "table: {}, by their former code: {}, by their postcode: {}; without a constituency: {}",
                (System.nanoTime() - start) / 1_000_000, tables.communes().size(), assembly.postcodeCount(),
                tables.constituencyIds().size(), tables.departements().size(), assembly.byMinistryTable,
                assembly.byFormerCode, assembly.byPostcode, assembly.withoutConstituency);
        return tables;
    }

    /** One line of La Poste's file; {@code line5} (a hamlet or former commune) is often empty. */
    record PostalRow(String inseeCode, String name, String postcode, String line5) {
    }

    /** One row of INSEE's sheet; {@code constituencyId} is null for the uninhabited communes it lists without. */
    record InseeRow(String departement, String departementName, String inseeCode, String name,
                    String constituencyId, boolean wholeCommune) {
    }

    /**
     * One line of the Ministry's 2017 table: {@code zone} is a département code or a Ministry "Z" code; {@code canton}
     * its {@code CODE CANTON} (for Paris, the arrondissement, see {@link #PARIS_FIRST_CANTON}).
     */
    record MinistryRow(String zone, String zoneName, String communeCode, String communeName, int number,
                       String canton) {
    }

    /**
     * The Ministry's table lists Paris by its former cantons, one per arrondissement in order: canton 15 is the 1st
     * arrondissement, canton 34 the 20th. (Its lines match the constituencies the 2010 law draws from the
     * arrondissements: the 1st constituency is cantons 15, 16, 22 and 23, that is the 1st, 2nd, 8th and part of the
     * 9th arrondissements.) Lyon is one "canton fictif" and Marseille's cantons are not its arrondissements, so the
     * table cannot place their arrondissements.
     */
    static final int PARIS_FIRST_CANTON = 15;
    /** Paris, whose arrondissements the Ministry's table numbers as cantons. */
    private static final Arrondissements.City PARIS = Arrondissements.city("Paris").orElseThrow();

    static List<PostalRow> readLaPoste(Path file) {
        List<PostalRow> rows = new ArrayList<>(40_000);
        readDelimited(file, StandardCharsets.ISO_8859_1, 5, (line, f) -> {
            if (line == 1) {
                requireHeader(file, line, f[0].startsWith("#") && f[0].contains("Code_commune_INSEE"),
                        "#Code_commune_INSEE;Nom_de_la_commune;Code_postal;...");
                return;
            }
            String code = require(file, line, f[0].strip(), INSEE_CODE, "INSEE code");
            String postcode = require(file, line, f[2].strip(), POSTCODE, "postcode");
            rows.add(new PostalRow(code, requireText(file, line, f[1], "commune name"), postcode, f[4].strip()));
        });
        return rows;
    }

    static List<MinistryRow> readMinistryTable(Path file) {
        List<MinistryRow> rows = new ArrayList<>(40_000);
        readDelimited(file, StandardCharsets.UTF_8, 7, (line, f) -> {
            if (line == 1) {
                requireHeader(file, line, f[0].strip().equals("CODE DPT") && f[4].strip().startsWith("CODE CIRC"),
                        "CODE DPT;NOM DPT;CODE COMMUNE;NOM COMMUNE;CODE CIRC LEGISLATIVE;...");
                return;
            }
            // The table writes Ain as "1" where INSEE and the Assemblée write "01".
            String zone = padNumeric(requireText(file, line, f[0], "CODE DPT"), 2);
            if (zone.startsWith("Z") && !MINISTRY_ZONES.containsKey(zone)) {
                throw GeoDataException.at(name(file), line, "unknown Ministry zone code '" + zone + "'");
            }
            String commune = require(file, line, f[2].strip(), DIGITS, "CODE COMMUNE");
            int number = Integer.parseInt(require(file, line, f[4].strip(), DIGITS, "CODE CIRC LEGISLATIVE"));
            if (number < 1) {
                throw GeoDataException.at(name(file), line, "constituency number 0");
            }
            rows.add(new MinistryRow(zone, f[1].strip(), commune, requireText(file, line, f[3], "NOM COMMUNE"),
                    number, f[5].strip()));
        });
        return rows;
    }

    static List<InseeRow> readInsee(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new GeoDataException(file.getFileName() + ": file not found (expected " + INSEE_FILE + ")");
        }
        String fileName = name(file);
        List<InseeRow> rows = new ArrayList<>(36_000);
        Map<String, Integer> columns = new HashMap<>();
        XlsxSheetReader.read(file, "table", (rowNumber, cells) -> {
            if (columns.isEmpty()) {
                for (int i = 0; i < cells.size(); i++) {
                    columns.put(cells.get(i).strip(), i);
                }
                for (String column : List.of("DEP", "libdep", "COMMUNE_RESID", "LIBcom", "circo", "type_com")) {
                    if (!columns.containsKey(column)) {
                        throw GeoDataException.at(fileName, rowNumber, "sheet 'table' has no column " + column);
                    }
                }
                return;
            }
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            String departement = cell(cells, columns, "DEP");
            // A cell typed as a number loses its leading zero ("01001" read as 1001): restore it.
            String code = require(file, rowNumber, padNumeric(cell(cells, columns, "COMMUNE_RESID"), 5),
                    INSEE_CODE, "COMMUNE_RESID");
            String circo = padNumeric(cell(cells, columns, "circo"), 5);
            String type = cell(cells, columns, "type_com");
            if (departement.isEmpty() || !code.startsWith(departement.substring(0, 2))) {
                throw GeoDataException.at(fileName, rowNumber,
                        "DEP '" + departement + "' does not match commune " + code);
            }
            String constituencyId = null;
            boolean whole = false;
            if (!circo.isEmpty() || !type.isEmpty()) {
                // The circo's département is usually the commune's, but not always: a few communes nouvelles
                // straddle two départements (Vallons-de-l'Erdre, 44180, is partly in 49-7).
                int split = circo.startsWith("97") ? 3 : 2;
                String circoDepartement = circo.length() > split ? circo.substring(0, split) : "";
                String number = circo.length() > split ? circo.substring(split) : "";
                if (!circoDepartement.matches("[0-9][0-9AB][0-9]?") || !DIGITS.matcher(number).matches()
                        || Integer.parseInt(number) < 1) {
                    throw GeoDataException.at(fileName, rowNumber,
                            "circo '" + circo + "' is not a département code and a number");
                }
                constituencyId = Constituency.id(circoDepartement, Integer.parseInt(number));
                String folded = PlaceNames.key(type);
                if (!folded.equals("entiere") && !folded.equals("partiel")) {
                    throw GeoDataException.at(fileName, rowNumber,
                            "type_com '" + type + "' is neither 'entière' nor 'partiel'");
                }
                whole = folded.equals("entiere");
            }
            rows.add(new InseeRow(departement, cell(cells, columns, "libdep"), code,
                    requireText(file, rowNumber, cell(cells, columns, "LIBcom"), "LIBcom"), constituencyId, whole));
        });
        if (rows.isEmpty()) {
            throw new GeoDataException(fileName + ": sheet 'table' has no rows");
        }
        return rows;
    }

    /** Turns the three sources into the directory's tables; one instance per load. */
    private static final class Assembly {
        private final Map<String, LinkedHashSet<String>> postcodes = new HashMap<>();
        private final Map<String, String> postalNames = new HashMap<>();
        private final Map<String, String> inseeNames = new HashMap<>();
        private final Map<String, String> inseeDepartements = new HashMap<>();
        private final Map<String, List<ConstituencyShare>> inseeShares = new HashMap<>();
        private final Map<String, String> ministryNames = new HashMap<>();
        private final Map<String, Set<String>> ministryShares = new HashMap<>();
        private final Map<String, String> wholeTerritories = new HashMap<>();
        private final Map<String, String> consularPosts = new HashMap<>();
        private final Map<String, Set<String>> parisArrondissementShares = new HashMap<>();
        private final Map<String, String> placedByCityOnly = new HashMap<>();
        private final Map<String, Departement> departements = new LinkedHashMap<>();
        private final Set<String> constituencyIds = new HashSet<>();

        private final Map<String, Commune> communes = new HashMap<>();
        private final Map<String, List<ConstituencyShare>> shares = new HashMap<>();
        private final Map<String, Set<String>> nameKeys = new HashMap<>();
        private Map<String, List<String>> formerCodesByName;
        private Map<String, List<String>> communesByPostcode;
        private int byMinistryTable;
        private int byFormerCode;
        private int byPostcode;
        private long withoutConstituency;

        Assembly(List<PostalRow> postal, List<InseeRow> insee, List<MinistryRow> ministry) {
            for (PostalRow row : postal) {
                postcodes.computeIfAbsent(row.inseeCode(), k -> new LinkedHashSet<>()).add(row.postcode());
                postalNames.putIfAbsent(row.inseeCode(), row.name());
            }
            for (InseeRow row : insee) {
                inseeNames.putIfAbsent(row.inseeCode(), row.name());
                inseeDepartements.putIfAbsent(row.inseeCode(), row.departement());
                departements.putIfAbsent(row.departement(), new Departement(row.departement(), row.departementName()));
                List<ConstituencyShare> list = inseeShares.computeIfAbsent(row.inseeCode(), k -> new ArrayList<>());
                if (row.constituencyId() != null) {
                    list.add(new ConstituencyShare(row.constituencyId(), row.wholeCommune()));
                    constituencyIds.add(row.constituencyId());
                }
            }
            for (MinistryRow row : ministry) {
                addMinistryRow(row);
            }
        }

        private void addMinistryRow(MinistryRow row) {
            String departement = MINISTRY_ZONES.getOrDefault(row.zone(), row.zone());
            String id = Constituency.id(departement, row.number());
            constituencyIds.add(id);
            switch (row.zone()) {
                case "ZZ" -> {
                    // The Français établis hors de France: the "communes" are consular posts abroad.
                    consularPosts.put(PlaceNames.key(row.communeName()), id);
                    departements.putIfAbsent(ABROAD, new Departement(ABROAD, row.zoneName()));
                    return;
                }
                case "ZW" -> {
                    // Wallis-et-Futuna is one line for the whole territory, whose three circonscriptions
                    // (Alo, Sigave, Uvea) La Poste lists as communes.
                    wholeTerritories.put(departement, id);
                    departements.putIfAbsent(departement, new Departement(departement, row.zoneName()));
                    return;
                }
                case "ZX" -> {
                    // One constituency (977-1, as the Assemblée numbers it) for two collectivités with their own
                    // INSEE codes; the Ministry names them together, so each gets its own name here.
                    departements.putIfAbsent("977", new Departement("977", "Saint-Barthélemy"));
                    departements.putIfAbsent("978", new Departement("978", "Saint-Martin"));
                }
                default -> departements.putIfAbsent(departement, new Departement(departement, row.zoneName()));
            }
            String code = ministryInseeCode(row, departement);
            if (code.equals(PARIS.inseeCode()) && DIGITS.matcher(row.canton()).matches()) {
                int arrondissement = Integer.parseInt(row.canton()) - PARIS_FIRST_CANTON + 1;
                PARIS.inseeCodeOf(arrondissement).ifPresent(arrondissementCode ->
                        parisArrondissementShares.computeIfAbsent(arrondissementCode, k -> new TreeSet<>()).add(id));
            }
            ministryNames.putIfAbsent(code, row.communeName().strip());
            ministryShares.computeIfAbsent(code, k -> new LinkedHashSet<>()).add(id);
        }

        /**
         * The Ministry numbers communes within their département on three digits: 01 + 004 is 01004. Overseas, the
         * last two digits are the commune's (ZA + 101 is 97101, ZM + 501 is 97601: Mayotte kept its numbers from
         * before it became a département, ZP + 35 is 98735), except for Saint-Barthélemy (ZX + 701, 97701) and
         * Saint-Martin (ZX + 801, 97801), two collectivités in one constituency.
         */
        private static String ministryInseeCode(MinistryRow row, String departement) {
            String code = row.communeCode();
            if (row.zone().equals("ZX")) {
                return "97" + pad(code, 3);
            }
            if (departement.length() == 3) {
                return departement + pad(code.substring(Math.max(0, code.length() - 2)), 2);
            }
            return departement + pad(code, 3);
        }

        GeoTables build() {
            Set<String> codes = new TreeSet<>(postcodes.keySet());
            codes.addAll(inseeNames.keySet());
            Set<String> renamedCodes = new HashSet<>();
            List<String> unresolved = new ArrayList<>();
            for (String code : codes) {
                if (!resolve(code, renamedCodes)) {
                    unresolved.add(code);
                }
            }
            for (String code : unresolved) {
                resolveByPostcode(code);
            }
            // A commune INSEE knows under a code La Poste has since replaced is the same place: keep one.
            renamedCodes.forEach(communes::remove);
            renamedCodes.forEach(shares::remove);
            renamedCodes.forEach(nameKeys::remove);
            addCityPostcodes();
            withoutConstituency = communes.keySet().stream().filter(c -> !shares.containsKey(c)).count();
            Map<String, List<String>> postcodeIndex = new HashMap<>();
            postcodes.forEach((code, served) -> served.forEach(postcode ->
                    postcodeIndex.computeIfAbsent(postcode, k -> new ArrayList<>()).add(code)));
            return new GeoTables(communes, shares, nameKeys, postcodeIndex, departements.values(), constituencyIds,
                    consularPosts, placedByCityOnly, SOURCE_DESCRIPTION);
        }

        long postcodeCount() {
            return postcodes.values().stream().flatMap(Set::stream).distinct().count();
        }

        /** Places the commune by the first source that knows it; false when only its postcode can tell. */
        private boolean resolve(String code, Set<String> renamedCodes) {
            String postalName = postalNames.get(code);
            String departement = inseeDepartements.getOrDefault(code, departementOf(code));
            Arrondissement arrondissement = Arrondissement.of(code);
            if (arrondissement != null) {
                String city = inseeNames.getOrDefault(arrondissement.cityCode(), arrondissement.city());
                Set<String> own = parisArrondissementShares.get(code);
                List<ConstituencyShare> placed;
                if (own != null) {
                    placed = sharesOf(own);
                } else {
                    placed = asPartial(inseeShares.getOrDefault(arrondissement.cityCode(), List.of()));
                    placedByCityOnly.put(code, arrondissement.cityCode());
                }
                add(code, PlaceNames.arrondissementName(city, arrondissement.number()), departement, placed,
                        postalName);
                for (String alias : PlaceNames.arrondissementAliases(city, arrondissement.number())) {
                    nameKeys.get(code).add(PlaceNames.key(alias));
                }
                return true;
            }
            if (inseeNames.containsKey(code)) {
                add(code, inseeNames.get(code), departement, inseeSharesOf(code), postalName);
                return true;
            }
            if (ministryShares.containsKey(code)) {
                byMinistryTable++;
                String ministryName = ministryNames.get(code);
                // The 2017 name is better written (Nouméa), unless a commune nouvelle has since taken the code of
                // one it absorbed (60694 was Villotran, is Les Hauts-Talican): then the old name is only an alias.
                boolean sameName = postalName == null
                        || PlaceNames.key(postalName).equals(PlaceNames.key(ministryName));
                add(code, sameName ? ministryName : PlaceNames.readableLaPosteName(postalName), departement,
                        sharesOf(ministryShares.get(code)), postalName);
                nameKeys.get(code).add(PlaceNames.key(ministryName));
                return true;
            }
            if (wholeTerritories.containsKey(departement)) {
                byMinistryTable++;
                add(code, PlaceNames.readableLaPosteName(postalName), departement,
                        sharesOf(Set.of(wholeTerritories.get(departement))), postalName);
                return true;
            }
            if (departement.equals(ABROAD) && consularPosts.containsKey(PlaceNames.key(postalName))) {
                // La Poste lists Monaco, whose French residents vote in a constituency of the Français de l'étranger.
                byMinistryTable++;
                add(code, PlaceNames.readableLaPosteName(postalName), departement,
                        sharesOf(Set.of(consularPosts.get(PlaceNames.key(postalName)))), postalName);
                return true;
            }
            String former = formerCode(code, departement, postalName);
            if (former != null) {
                byFormerCode++;
                renamedCodes.add(former);
                add(code, inseeNames.get(former), departement, inseeSharesOf(former), postalName);
                return true;
            }
            add(code, PlaceNames.readableLaPosteName(postalName), departement, List.of(), postalName);
            return false;
        }

        /**
         * A commune nouvelle created or renumbered after 2021 ("Conques-en-Rouergue" is 12218 for La Poste, 12076
         * for INSEE 2021): the one INSEE commune of the same département with the same name and no postcode.
         */
        private String formerCode(String code, String departement, String postalName) {
            if (formerCodesByName == null) {
                // Built on first need: only the ~100 INSEE communes La Poste no longer lists can be former codes.
                formerCodesByName = new HashMap<>();
                inseeNames.forEach((candidate, candidateName) -> {
                    if (!postcodes.containsKey(candidate)) {
                        formerCodesByName.computeIfAbsent(inseeDepartements.get(candidate) + " "
                                + PlaceNames.key(candidateName), k -> new ArrayList<>()).add(candidate);
                    }
                });
            }
            List<String> found = formerCodesByName.getOrDefault(departement + " " + PlaceNames.key(postalName),
                    List.of());
            // Two candidates are ambiguous: better no answer than a wrong one.
            return found.size() == 1 && !found.getFirst().equals(code) ? found.getFirst() : null;
        }

        /**
         * A commune known to La Poste only (a commune re-established after 2021): the constituencies of the
         * communes that share its postcodes, which are its neighbours. One constituency is a whole share; several
         * are partial, so the dialogue asks.
         */
        private void resolveByPostcode(String code) {
            if (communesByPostcode == null) {
                communesByPostcode = new HashMap<>();
                postcodes.forEach((commune, codes) -> codes.forEach(postcode ->
                        communesByPostcode.computeIfAbsent(postcode, k -> new ArrayList<>()).add(commune)));
            }
            Set<String> ids = new TreeSet<>();
            for (String postcode : postcodes.getOrDefault(code, new LinkedHashSet<>())) {
                for (String neighbour : communesByPostcode.getOrDefault(postcode, List.of())) {
                    shares.getOrDefault(neighbour, List.of()).forEach(s -> ids.add(s.constituencyId()));
                }
            }
            if (!ids.isEmpty()) {
                byPostcode++;
                shares.put(code, sharesOf(ids));
            }
        }

        /** Paris, Lyon and Marseille are not in La Poste's file, their arrondissements are: the city has theirs. */
        private void addCityPostcodes() {
            Map<String, Set<String>> cityPostcodes = new HashMap<>();
            for (Commune commune : communes.values()) {
                Arrondissement arrondissement = Arrondissement.of(commune.inseeCode());
                if (arrondissement != null) {
                    cityPostcodes.computeIfAbsent(arrondissement.cityCode(), k -> new TreeSet<>())
                            .addAll(commune.postcodes());
                }
            }
            cityPostcodes.forEach((cityCode, codes) -> {
                Commune city = communes.get(cityCode);
                if (city != null) {
                    Set<String> all = new TreeSet<>(city.postcodes());
                    all.addAll(codes);
                    communes.put(cityCode, new Commune(cityCode, city.name(), city.departementCode(),
                            List.copyOf(all)));
                }
            });
        }

        private void add(String code, String name, String departement, List<ConstituencyShare> list,
                         String postalName) {
            List<String> sorted = new ArrayList<>(new TreeSet<>(postcodes.getOrDefault(code, new LinkedHashSet<>())));
            communes.put(code, new Commune(code, name, departement, sorted));
            if (!list.isEmpty()) {
                shares.put(code, List.copyOf(list));
            }
            Set<String> keys = new LinkedHashSet<>();
            keys.add(PlaceNames.key(name));
            if (postalName != null) {
                keys.add(PlaceNames.key(postalName));
            }
            nameKeys.put(code, keys);
        }

        /** INSEE marks one row "entière" per whole commune; several rows always mean a split commune. */
        private List<ConstituencyShare> inseeSharesOf(String code) {
            List<ConstituencyShare> list = inseeShares.get(code);
            return list.size() > 1 ? asPartial(list) : list;
        }

        private static List<ConstituencyShare> sharesOf(Set<String> ids) {
            boolean whole = ids.size() == 1;
            return ids.stream().sorted().map(id -> new ConstituencyShare(id, whole)).toList();
        }

        private static List<ConstituencyShare> asPartial(List<ConstituencyShare> list) {
            return list.stream().map(s -> new ConstituencyShare(s.constituencyId(), false)).toList();
        }
    }

    /**
     * The municipal arrondissements have INSEE codes of their own, in the fixed ranges of the data file that
     * {@link Arrondissements} reads (Paris, Lyon, Marseille).
     */
    private record Arrondissement(String cityCode, String city, int number) {
        static Arrondissement of(String code) {
            return Arrondissements.ofArrondissement(code)
                    .map(c -> new Arrondissement(c.inseeCode(), c.name(), c.numberOf(code))).orElse(null);
        }
    }

    /** Overseas INSEE codes start with their three-character département (97411 is in 974). */
    static String departementOf(String inseeCode) {
        return inseeCode.startsWith("97") || inseeCode.startsWith("98") ? inseeCode.substring(0, 3)
                : inseeCode.substring(0, 2);
    }

    private interface LineHandler {
        void line(long number, String[] fields);
    }

    private static void readDelimited(Path file, Charset charset, int fieldCount, LineHandler handler) {
        try (BufferedReader reader = Files.newBufferedReader(file, charset)) {
            long number = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(";", -1);
                if (fields.length != fieldCount) {
                    throw GeoDataException.at(name(file), number,
                            "expected " + fieldCount + " fields separated by ';', found " + fields.length);
                }
                handler.line(number, fields);
            }
            if (number == 0) {
                throw new GeoDataException(name(file) + ": file is empty");
            }
        } catch (NoSuchFileException e) {
            throw new GeoDataException(name(file) + ": file not found", e);
        } catch (IOException e) {
            throw new GeoDataException(name(file) + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void requireHeader(Path file, long line, boolean ok, String expected) {
        if (!ok) {
            throw GeoDataException.at(name(file), line, "unexpected header, expected " + expected);
        }
    }

    private static String require(Path file, long line, String value, Pattern pattern, String field) {
        if (!pattern.matcher(value).matches()) {
            throw GeoDataException.at(name(file), line, "malformed " + field + " '" + value + "'");
        }
        return value;
    }

    private static String requireText(Path file, long line, String value, String field) {
        if (value.isBlank()) {
            throw GeoDataException.at(name(file), line, "empty " + field);
        }
        return value.strip();
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String column) {
        int index = columns.get(column);
        return index < cells.size() ? cells.get(index).strip() : "";
    }

    private static String padNumeric(String value, int width) {
        return DIGITS.matcher(value).matches() ? pad(value, width) : value;
    }

    private static String pad(String digits, int width) {
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** Only the file's name, so that messages and logs never show a machine's directories. */
    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
