package fr.civicgateway.core.geo;

import fr.civicgateway.core.text.Text;
import fr.civicgateway.core.text.TsvResource;
import java.util.List;
import java.util.Optional;

/**
 * The cities divided into municipal arrondissements (Paris, Lyon, Marseille), read from the data file
 * {@code /geo/arrondissements.tsv} (its comment gives its origin), never from code.
 */
public final class Arrondissements {

    /**
     * One city.
     *
     * @param name         as written ("Paris")
     * @param inseeCode    the city's own INSEE code (75056)
     * @param inseeBase    the n-th arrondissement's INSEE code is {@code inseeBase + n} (75100: 75111 is the 11e)
     * @param count        how many arrondissements it has (1..count)
     * @param postcodeBase the n-th arrondissement's main postcode is {@code postcodeBase + n} (75000: 75011)
     */
    public record City(String name, String inseeCode, int inseeBase, int count, int postcodeBase) {

        /** The n-th arrondissement's INSEE code, or empty when the city has no such arrondissement. */
        public Optional<String> inseeCodeOf(int n) {
            return n >= 1 && n <= count ? Optional.of(String.valueOf(inseeBase + n)) : Optional.empty();
        }

        /** The n-th arrondissement's main postcode ("75011"), or empty when the city has no such arrondissement. */
        public Optional<String> postcodeOf(int n) {
            return n >= 1 && n <= count ? Optional.of(String.format("%05d", postcodeBase + n)) : Optional.empty();
        }

        /** The number of the arrondissement with that INSEE code (75111 → 11), or 0 when it is not one of this city's. */
        public int numberOf(String inseeCode) {
            if (inseeCode == null || inseeCode.length() != 5 || !inseeCode.chars().allMatch(Character::isDigit)) {
                return 0;
            }
            int n = Integer.parseInt(inseeCode) - inseeBase;
            return n >= 1 && n <= count ? n : 0;
        }
    }

    private static final List<City> CITIES = read("/geo/arrondissements.tsv");

    private Arrondissements() {
    }

    /** Every city of the file, in its order. */
    public static List<City> cities() {
        return CITIES;
    }

    /** The city of that name (folded comparison: "paris", "PARIS"), if it has arrondissements. */
    public static Optional<City> city(String name) {
        String folded = Text.foldToWords(name);
        return CITIES.stream().filter(c -> Text.foldToWords(c.name()).equals(folded)).findFirst();
    }

    /** The city one of whose arrondissements has that INSEE code (75111: Paris). */
    public static Optional<City> ofArrondissement(String inseeCode) {
        return CITIES.stream().filter(c -> c.numberOf(inseeCode) > 0).findFirst();
    }

    private static List<City> read(String resource) {
        return TsvResource.rows(resource, f -> f.length == 5, "5 tab-separated fields").stream()
                .map(f -> new City(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4])))
                .toList();
    }
}
