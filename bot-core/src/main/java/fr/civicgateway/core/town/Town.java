package fr.civicgateway.core.town;

import fr.civicgateway.core.geo.Arrondissements;
import fr.civicgateway.core.text.Text;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The town the gateway serves, as its operator configures it ({@code civic.town.*}): the core knows no town of its own.
 * It decides how citizens are asked for a place, which examples the wording gives, and the time zone every "today"
 * and every date of the answers is told in.
 *
 * @param name          the town's name, as written ("Paris", "Annecy"); its words are never taken as a street's
 * @param zone          the time zone of the town: what "today" and "this week" mean, dates of reports and data
 * @param places        how its citizens name a place: by postcode only, or also by municipal arrondissement ("dans le
 *                      11e"), which only a town of the arrondissement data has
 * @param examplePlaces one or two places of the town the wording gives as examples ("chantiers dans le 75011"): the
 *                      first when asking where, the second (else the first) when suggesting a place instead of a street
 */
public record Town(String name, ZoneId zone, Places places, List<String> examplePlaces) {

    /** How the citizens of a town name a place. */
    public enum Places {
        /** "dans le 74000". */
        POSTCODES,
        /** "dans le 11e", "Paris 11e", "dans le 75011": the town must be in the arrondissement data. */
        ARRONDISSEMENTS
    }

    private static final Pattern POSTCODE = Pattern.compile("\\d{5}");

    public Town {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(places, "places");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("civic.town.name must be the town's name, e.g. Annecy");
        }
        if (places == Places.ARRONDISSEMENTS && Arrondissements.city(name).isEmpty()) {
            throw new IllegalArgumentException("civic.town.places: '" + name + "' has no municipal arrondissements (only "
                    + String.join(", ", Arrondissements.cities().stream().map(Arrondissements.City::name).toList())
                    + " have): use postcodes");
        }
        if (examplePlaces == null || examplePlaces.isEmpty() || examplePlaces.size() > 2) {
            throw new IllegalArgumentException("civic.town.example-places must be one or two postcodes of " + name);
        }
        for (String p : examplePlaces) {
            if (p == null || !POSTCODE.matcher(p).matches()) {
                throw new IllegalArgumentException("civic.town.example-places: '" + p + "' is not a five-digit postcode");
            }
        }
        examplePlaces = List.copyOf(examplePlaces);
    }

    /** The city whose arrondissements its citizens name, when {@link Places#ARRONDISSEMENTS}. */
    public Optional<Arrondissements.City> arrondissements() {
        return places == Places.ARRONDISSEMENTS ? Arrondissements.city(name) : Optional.empty();
    }

    /** The example given when asking where ("75011"). */
    public String example() {
        return examplePlaces.getFirst();
    }

    /** The example given when suggesting a place instead of a street ("75001"). */
    public String secondExample() {
        return examplePlaces.getLast();
    }

    /** The town's name folded to words ("saint etienne"), as messages are compared. */
    public List<String> nameWords() {
        return List.of(Text.foldToWords(name).split(" "));
    }
}
