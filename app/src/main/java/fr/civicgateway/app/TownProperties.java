package fr.civicgateway.app;

import fr.civicgateway.core.town.Town;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The town the gateway serves ({@code civic.town.*}; docs/towns.md). The shipped defaults, in the gateway's built-in
 * {@code application.yml}, are Paris's; a town sets every key of the block in {@code config/application.yml}.
 *
 * @param name          the town's name ("Annecy")
 * @param timeZone      the time zone of "today", "this week", the dates of reports and of consultations; the one
 *                      place the gateway's time zone is set
 * @param places        {@code postcodes}, or {@code arrondissements} for Paris, Lyon and Marseille ("dans le 11e")
 * @param examplePlaces one or two postcodes of the town the wording gives as examples
 */
@ConfigurationProperties("civic.town")
public record TownProperties(String name, ZoneId timeZone, Town.Places places, List<String> examplePlaces) {

    /** The town, checked: a mistake stops the start-up with the key it is about. */
    public Town town() {
        if (timeZone == null) {
            throw new IllegalArgumentException("civic.town.time-zone must be set, e.g. Europe/Paris");
        }
        return new Town(name, timeZone, places == null ? Town.Places.POSTCODES : places, examplePlaces);
    }
}
