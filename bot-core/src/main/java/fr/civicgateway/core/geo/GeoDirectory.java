package fr.civicgateway.core.geo;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The port for places: postcodes, communes, départements and the constituencies they belong to.
 *
 * <p>Implementations are immutable in-memory tables: cheap, thread-safe, never null. Name look-ups ignore case,
 * accents, hyphens and apostrophes ("saint etienne" finds "Saint-Étienne").
 *
 * <pre>{@code
 * geo.communesByName("Annecy")            // [Commune[74010, Annecy, 74, [74000, 74370, ...]]]
 * geo.constituenciesOf("74010")            // [ConstituencyShare[74-1, false], ConstituencyShare[74-2, false]]
 * }</pre>
 */
public interface GeoDirectory {

    /** The communes a postcode serves (several for about 4,200 postcodes); empty for an unknown postcode. */
    List<Commune> communesByPostcode(String postcode);

    Optional<Commune> commune(String inseeCode);

    /** Every commune with that name (homonyms in several départements), folded comparison. */
    List<Commune> communesByName(String name);

    /** Every commune and arrondissement, for building gazetteers. */
    Collection<Commune> communes();

    /** The constituencies of a commune: one whole share, or several partial ones when it is split. */
    List<ConstituencyShare> constituenciesOf(String inseeCode);

    /**
     * When the data places a commune or arrondissement only as part of a larger city (an arrondissement of Lyon or
     * Marseille: the official tables give the city's constituencies, not the arrondissement's), that city; its
     * {@link #constituenciesOf} are then the city's, and cannot say which of them the place is in.
     */
    default Optional<Commune> cityPlacingOnly(String inseeCode) {
        return Optional.empty();
    }

    Optional<Departement> departement(String code);

    Collection<Departement> departements();

    /** The date of the geographic data, for "données au ...". */
    String sourceDescription();
}
