package fr.civicgateway.opendata.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.civicgateway.core.geo.Commune;
import fr.civicgateway.core.geo.ConstituencyShare;
import fr.civicgateway.core.geo.Departement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The directory built from the real shipped files. Facts about La Poste and the Ministry's table are recomputed here
 * by a naive scan of the CSV; facts about INSEE's workbook were read from it independently and are written out.
 */
class GeoTablesTest {
    private static Path geoDirectory;
    private static GeoTables geo;
    private static List<String> laPosteLines;

    @BeforeAll
    static void load() {
        geoDirectory = RepositoryRoot.find().resolve("data/geo");
        geo = GeoTablesLoader.load(geoDirectory);
    }

    @Test
    void findsAnnecyByNameWithItsPostcodesAndItsTwoPartialConstituencies() {
        assertThat(geo.communesByName("Annecy")).extracting(Commune::inseeCode).containsExactly("74010");
        Commune annecy = geo.commune("74010").orElseThrow();
        assertThat(annecy.name()).isEqualTo("Annecy");
        assertThat(annecy.departementCode()).isEqualTo("74");
        assertThat(annecy.postcodes()).isEqualTo(laPostePostcodesOf("74010"))
                .containsExactly("74000", "74370", "74600", "74940", "74960");
        assertThat(geo.constituenciesOf("74010"))
                .containsExactly(new ConstituencyShare("74-1", false), new ConstituencyShare("74-2", false));
    }

    @Test
    void postcode74000ServesAnnecyOnly() {
        assertThat(geo.communesByPostcode("74000")).extracting(Commune::name).containsExactly("Annecy");
    }

    @Test
    void aPostcodeSharedBySeveralCommunesReturnsThemAll() {
        assertThat(laPosteCommunesOf("15170")).hasSize(11);
        assertThat(geo.communesByPostcode("15170")).extracting(Commune::inseeCode)
                .containsExactlyElementsOf(laPosteCommunesOf("15170"));
        assertThat(geo.communesByPostcode("15170")).extracting(Commune::name)
                .contains("Neussargues en Pinatelle", "Talizat", "Coltines");
    }

    @Test
    void findsSaintEtienneByEverySpelling() {
        for (String spelling : List.of("Saint-Étienne", "saint etienne", "ST ETIENNE", "St-Etienne", "SAINT-ÉTIENNE")) {
            assertThat(geo.communesByName(spelling)).as(spelling).extracting(Commune::inseeCode)
                    .containsExactly("42218");
        }
        assertThat(geo.commune("42218").orElseThrow().name()).isEqualTo("Saint-Étienne");
        assertThat(geo.constituenciesOf("42218"))
                .containsExactly(new ConstituencyShare("42-1", false), new ConstituencyShare("42-2", false));
    }

    @Test
    void returnsEveryHomonym() {
        List<String> laPosteSaintDenis = laPosteLines().stream().map(l -> l.split(";"))
                .filter(f -> f[1].equals("ST DENIS")).map(f -> f[0]).distinct().sorted().toList();
        assertThat(laPosteSaintDenis).hasSizeGreaterThan(2).contains("93066", "97411");
        assertThat(geo.communesByName("Saint-Denis")).extracting(Commune::inseeCode)
                .containsExactlyElementsOf(laPosteSaintDenis);
        assertThat(geo.communesByName("st denis")).isEqualTo(geo.communesByName("Saint-Denis"));
    }

    @Test
    void paris11eIsFoundByItsPostcodeAndItsInseeCode() {
        assertThat(geo.communesByPostcode("75011")).extracting(Commune::inseeCode).containsExactly("75111");
        Commune paris11 = geo.commune("75111").orElseThrow();
        assertThat(paris11.name()).isEqualTo("Paris 11e arrondissement");
        assertThat(paris11.departementCode()).isEqualTo("75");
        assertThat(paris11.postcodes()).containsExactly("75011");
        for (String spelling : List.of("Paris 11e arrondissement", "paris 11", "Paris 11e", "PARIS 11ème")) {
            assertThat(geo.communesByName(spelling)).as(spelling).containsExactly(paris11);
        }
    }

    @Test
    void parisItselfIsSplitIntoItsEighteenConstituencies() {
        assertThat(geo.communesByName("Paris")).extracting(Commune::inseeCode).containsExactly("75056");
        Commune paris = geo.commune("75056").orElseThrow();
        assertThat(paris.postcodes()).contains("75001", "75011", "75016", "75116", "75020");
        List<String> expected = IntStream.rangeClosed(1, 18).mapToObj(n -> "75-" + n).sorted().toList();
        assertThat(geo.constituenciesOf("75056")).allMatch(share -> !share.wholeCommune())
                .extracting(ConstituencyShare::constituencyId).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aParisArrondissementHasTheConstituenciesTheMinistrysTableListsForItsCanton() throws IOException {
        // The Ministry's 2017 table lists Paris by canton: canton 14 + n is the n-th arrondissement.
        for (int arrondissement = 1; arrondissement <= 20; arrondissement++) {
            String canton = String.valueOf(14 + arrondissement);
            Set<String> expected = Files.readAllLines(geoDirectory.resolve(GeoTablesLoader.MINISTRY_FILE)).stream()
                    .map(l -> l.split(";")).filter(f -> f[0].equals("75") && f[2].equals("56") && f[5].equals(canton))
                    .map(f -> "75-" + f[4]).collect(Collectors.toCollection(TreeSet::new));
            String code = String.valueOf(75100 + arrondissement);

            assertThat(geo.constituenciesOf(code)).as(code).extracting(ConstituencyShare::constituencyId)
                    .containsExactlyElementsOf(expected);
            assertThat(geo.constituenciesOf(code)).as(code).allMatch(s -> s.wholeCommune() == (expected.size() == 1));
            assertThat(geo.cityPlacingOnly(code)).as(code).isEmpty();
        }
        assertThat(geo.constituenciesOf("75111")).extracting(ConstituencyShare::constituencyId)
                .containsExactly("75-6", "75-7");
    }

    @Test
    void lyonAndMarseilleArrondissementsArePlacedOnlyAsPartOfTheirCity() {
        assertThat(geo.cityPlacingOnly("69383")).map(Commune::inseeCode).contains("69123");
        assertThat(geo.cityPlacingOnly("13211")).map(Commune::inseeCode).contains("13055");
        assertThat(geo.constituenciesOf("69383")).extracting(ConstituencyShare::constituencyId)
                .containsExactlyElementsOf(geo.constituenciesOf("69123").stream().map(ConstituencyShare::constituencyId).toList());
        assertThat(geo.cityPlacingOnly("69123")).isEmpty();
        assertThat(geo.cityPlacingOnly("74010")).isEmpty();
    }

    @Test
    void lyon3eIsACommuneOfItsOwnInsideLyon() {
        assertThat(geo.communesByName("Lyon 3e")).extracting(Commune::inseeCode, Commune::name)
                .containsExactly(tuple("69383", "Lyon 3e arrondissement"));
        assertThat(geo.communesByPostcode("69003")).extracting(Commune::inseeCode).containsExactly("69383");
        assertThat(geo.constituenciesOf("69123")).extracting(ConstituencyShare::constituencyId)
                .containsExactly("69-1", "69-2", "69-3", "69-4");
        assertThat(geo.communesByName("Marseille 1er")).extracting(Commune::name)
                .containsExactly("Marseille 1er arrondissement");
    }

    @Test
    void listsASplitCommuneAsPartialSharesAndAWholeOneAsOneWholeShare() {
        assertThat(geo.constituenciesOf("2A004"))
                .containsExactly(new ConstituencyShare("2A-1", false), new ConstituencyShare("2A-2", false));
        assertThat(geo.commune("2A004").orElseThrow().name()).isEqualTo("Ajaccio");
        assertThat(geo.constituenciesOf("01001")).containsExactly(new ConstituencyShare("01-4", true));
        assertThat(geo.commune("01001").orElseThrow().name()).isEqualTo("L'Abergement-Clémenciat");
    }

    @Test
    void placesAGuadeloupeCommuneInItsConstituency() {
        Commune abymes = geo.commune("97101").orElseThrow();
        assertThat(abymes.name()).isEqualTo("Les Abymes");
        assertThat(abymes.departementCode()).isEqualTo("971");
        assertThat(geo.constituenciesOf("97101")).containsExactly(new ConstituencyShare("971-1", true));
        assertThat(geo.departement("971")).contains(new Departement("971", "Guadeloupe"));
    }

    @Test
    void placesNoumeaAndPapeeteAsTheMinistrysTableDoes() {
        assertThat(ministryConstituencies("ZN", "Nouméa")).containsExactly(1);
        assertThat(ministryConstituencies("ZP", "Papeete")).containsExactly(1);
        assertThat(geo.communesByName("Nouméa")).extracting(Commune::inseeCode).containsExactly("98818");
        assertThat(geo.constituenciesOf("98818")).containsExactly(new ConstituencyShare("988-1", true));
        assertThat(geo.communesByName("papeete")).extracting(Commune::inseeCode).containsExactly("98735");
        assertThat(geo.constituenciesOf("98735")).containsExactly(new ConstituencyShare("987-1", true));
        assertThat(geo.constituenciesOf("97801")).containsExactly(new ConstituencyShare("977-1", true));
        assertThat(geo.constituenciesOf("98613")).containsExactly(new ConstituencyShare("986-1", true));
        assertThat(geo.constituenciesOf("97608")).hasSize(1).allMatch(s -> s.constituencyId().startsWith("976-"));
    }

    @Test
    void knowsTheDepartementsByCodeAndByName() {
        assertThat(geo.departement("2A")).contains(new Departement("2A", "Corse-du-Sud"));
        assertThat(geo.departementByName("la Gironde")).contains(new Departement("33", "Gironde"));
        assertThat(geo.departementByName("Corse du Sud")).map(Departement::code).contains("2A");
        assertThat(geo.departementByName("Réunion")).map(Departement::code).contains("974");
        assertThat(geo.departementByName("de la Réunion")).map(Departement::code).contains("974");
        assertThat(geo.departement("99")).map(Departement::name).contains("Français établis hors de France");
        assertThat(geo.departements()).hasSize(96 + 5 + 6 + 1);
    }

    @Test
    void coversTheElevenConstituenciesOfTheFrenchAbroadAndAllOthers() {
        Set<String> abroad = geo.constituencyIds().stream().filter(id -> id.startsWith("99-"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(abroad).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 11).mapToObj(n -> "99-" + n).toList());
        assertThat(geo.constituencyIds()).hasSize(577).contains("33-4", "2A-2", "971-3", "977-1");
        assertThat(geo.constituencyAbroad("Londres")).contains("99-3");
        assertThat(geo.constituencyAbroad("montreal")).contains("99-1");
        // La Poste lists Monaco (99138); its French residents vote where the Ministry puts its consular post.
        assertThat(ministryConstituencies("ZZ", "Monaco")).containsExactly(5);
        assertThat(geo.constituenciesOf("99138")).containsExactly(new ConstituencyShare("99-5", true));
    }

    @Test
    void placesCommunesCreatedAfter2021ByTheirFormerCodeOrTheirNeighbours() {
        // Conques-en-Rouergue: 12218 for La Poste, 12076 in INSEE's 2021 geography.
        assertThat(geo.communesByName("Conques-en-Rouergue")).extracting(Commune::inseeCode).containsExactly("12218");
        assertThat(geo.commune("12076")).isEmpty();
        assertThat(geo.constituenciesOf("12218")).isNotEmpty();
        // Les Hauts Talican (60694) took the code of Villotran, which the 2017 table still names.
        assertThat(geo.commune("60694").orElseThrow().name()).isEqualTo("Les Hauts-Talican");
        assertThat(geo.communesByName("Villotran")).extracting(Commune::inseeCode).containsExactly("60694");
        assertThat(ministryConstituencies("60", "Villotran")).containsExactly(2);
        assertThat(geo.constituenciesOf("60694")).containsExactly(new ConstituencyShare("60-2", true));
        // Celles (15031), re-established: every commune sharing its postcode 15170 is in 15-2.
        assertThat(geo.constituenciesOf("15031")).containsExactly(new ConstituencyShare("15-2", true));
    }

    @Test
    void leavesOnlyUninhabitedPlacesWithoutAConstituency() {
        List<String> without = geo.communes().stream().map(Commune::inseeCode)
                .filter(code -> geo.constituenciesOf(code).isEmpty()).sorted().toList();
        // Six villages of the Meuse destroyed in 1916 and Clipperton.
        assertThat(without).containsExactly("55039", "55050", "55139", "55189", "55239", "55307", "98901");
    }

    @Test
    void everyLaPosteCommuneIsInTheDirectory() {
        Set<String> directory = geo.communes().stream().map(Commune::inseeCode).collect(Collectors.toSet());
        assertThat(laPosteCodes()).hasSize(35_007).allMatch(directory::contains);
        assertThat(geo.sourceDescription()).startsWith("La Poste (base officielle des codes postaux), INSEE");
    }

    @Test
    void unknownOrNullKeysGiveEmptyAnswers() {
        assertThat(geo.communesByPostcode("00000")).isEmpty();
        assertThat(geo.communesByName("Atlantide")).isEmpty();
        assertThat(geo.communesByName(null)).isEmpty();
        assertThat(geo.constituenciesOf("99999")).isEmpty();
        assertThat(geo.departement(null)).isEmpty();
    }

    private static List<String> laPosteLines() {
        if (laPosteLines == null) {
            try {
                laPosteLines = Files.readAllLines(geoDirectory.resolve(GeoTablesLoader.LA_POSTE_FILE),
                        StandardCharsets.ISO_8859_1).stream().skip(1).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return laPosteLines;
    }

    private static Set<String> laPosteCodes() {
        return laPosteLines().stream().map(l -> l.split(";")[0]).collect(Collectors.toSet());
    }

    private static List<String> laPostePostcodesOf(String insee) {
        return laPosteLines().stream().map(l -> l.split(";")).filter(f -> f[0].equals(insee)).map(f -> f[2])
                .distinct().sorted().toList();
    }

    private static List<String> laPosteCommunesOf(String postcode) {
        return laPosteLines().stream().map(l -> l.split(";")).filter(f -> f[2].equals(postcode)).map(f -> f[0])
                .distinct().sorted().toList();
    }

    private static List<Integer> ministryConstituencies(String zone, String commune) {
        try {
            return Files.readAllLines(geoDirectory.resolve(GeoTablesLoader.MINISTRY_FILE), StandardCharsets.UTF_8)
                    .stream().map(l -> l.split(";")).filter(f -> f[0].equals(zone) && f[3].equals(commune))
                    .map(f -> Integer.parseInt(f[4])).distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
