package fr.civicgateway.opendata.geo;

import fr.civicgateway.core.geo.Commune;
import fr.civicgateway.core.geo.ConstituencyShare;
import fr.civicgateway.core.geo.Departement;
import fr.civicgateway.core.geo.GeoDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link GeoDirectory} built from La Poste's postcode base, INSEE's composition of the constituencies
 * (géographie 2021) and the Ministry of the Interior's 2017 correspondence table; see {@link GeoTablesLoader}.
 *
 * <p>Immutable and thread-safe: every look-up is one hash probe in a table built once at load time, so it can be
 * called on every chat message. Methods never return null and never throw for an unknown or null key; they return
 * an empty result.
 *
 * <pre>{@code
 * GeoTables geo = GeoTablesLoader.load(dataDirectory.resolve("geo"));
 * geo.communesByName("ST ETIENNE");     // [Commune[42218, Saint-Étienne, 42, [42000, 42100, 42230]]]
 * geo.constituenciesOf("42218");         // [ConstituencyShare[42-1, false], ConstituencyShare[42-2, false]]
 * geo.departementByName("la Gironde");  // Departement[33, Gironde]
 * geo.constituencyAbroad("Londres");    // Optional[99-3]
 * }</pre>
 */
public final class GeoTables implements GeoDirectory {
    private static final Comparator<Commune> BY_CODE = Comparator.comparing(Commune::inseeCode);

    private final Map<String, Commune> communes;
    private final Map<String, List<ConstituencyShare>> shares;
    private final Map<String, List<Commune>> byPostcode;
    private final Map<String, List<Commune>> byName;
    private final Map<String, Departement> departements;
    private final Map<String, Departement> departementsByName;
    private final Set<String> constituencyIds;
    private final Map<String, String> consularPosts;
    private final Map<String, String> placedByCityOnly;
    private final String sourceDescription;

    /**
     * @param communes      by INSEE code
     * @param shares        by INSEE code; communes without a constituency are absent
     * @param nameKeys      by INSEE code, the {@link PlaceNames#key keys} a commune is found by
     * @param postcodes     postcode to the INSEE codes La Poste gives it: Paris, Lyon and Marseille list their
     *                      arrondissements' postcodes but are not found by them, as La Poste does
     * @param consularPosts {@link PlaceNames#key} of a consular post abroad to its constituency id ({@code 99-3})
     * @param placedByCityOnly INSEE code of an arrondissement the sources place only as part of its city (Lyon's,
     *                      Marseille's) to the city's code
     */
    GeoTables(Map<String, Commune> communes, Map<String, List<ConstituencyShare>> shares,
              Map<String, Set<String>> nameKeys, Map<String, List<String>> postcodes,
              Collection<Departement> departements, Set<String> constituencyIds,
              Map<String, String> consularPosts, Map<String, String> placedByCityOnly, String sourceDescription) {
        this.communes = Map.copyOf(communes);
        this.placedByCityOnly = Map.copyOf(placedByCityOnly);
        this.shares = copyOfLists(shares);
        this.constituencyIds = Collections.unmodifiableSortedSet(new TreeSet<>(constituencyIds));
        this.consularPosts = Map.copyOf(consularPosts);
        this.sourceDescription = sourceDescription;

        Map<String, List<Commune>> communesByPostcode = new HashMap<>();
        postcodes.forEach((postcode, codes) -> communesByPostcode.put(postcode,
                codes.stream().map(communes::get).filter(Objects::nonNull).sorted(BY_CODE).toList()));
        Map<String, List<Commune>> names = new HashMap<>();
        for (Commune commune : communes.values()) {
            for (String key : nameKeys.getOrDefault(commune.inseeCode(), Set.of())) {
                names.computeIfAbsent(key, k -> new ArrayList<>()).add(commune);
            }
        }
        names.values().forEach(list -> list.sort(BY_CODE));
        this.byPostcode = copyOfLists(communesByPostcode);
        this.byName = copyOfLists(names);

        Map<String, Departement> byCode = new HashMap<>();
        Map<String, Departement> byDepartementName = new HashMap<>();
        for (Departement departement : departements) {
            byCode.put(departement.code(), departement);
            byDepartementName.put(PlaceNames.keyWithoutLeadingArticles(departement.name()), departement);
        }
        this.departements = Map.copyOf(byCode);
        this.departementsByName = Map.copyOf(byDepartementName);
    }

    @Override
    public List<Commune> communesByPostcode(String postcode) {
        return postcode == null ? List.of() : byPostcode.getOrDefault(postcode.strip(), List.of());
    }

    @Override
    public Optional<Commune> commune(String inseeCode) {
        return inseeCode == null ? Optional.empty() : Optional.ofNullable(communes.get(inseeCode.strip()));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Also accepts La Poste's spellings ("ST ETIENNE"), "St"/"Ste" for "Saint"/"Sainte", and for the
     * arrondissements of Paris, Lyon and Marseille "Paris 11", "Paris 11e", "Lyon 3eme arrondissement".
     */
    @Override
    public List<Commune> communesByName(String name) {
        return name == null ? List.of() : byName.getOrDefault(PlaceNames.key(name), List.of());
    }

    @Override
    public Collection<Commune> communes() {
        return communes.values();
    }

    /**
     * {@inheritDoc}
     *
     * <p>An arrondissement of Paris has its own, from the Ministry's table (which lists Paris by arrondissement); one
     * of Lyon or Marseille has its city's, all partial, since the shipped sources place them by city only (see
     * {@link #cityPlacingOnly}). Empty for the few uninhabited communes that have no constituency.
     */
    @Override
    public List<ConstituencyShare> constituenciesOf(String inseeCode) {
        return inseeCode == null ? List.of() : shares.getOrDefault(inseeCode.strip(), List.of());
    }

    /** {@inheritDoc} Lyon's and Marseille's arrondissements: the sources give only the whole city's constituencies. */
    @Override
    public Optional<Commune> cityPlacingOnly(String inseeCode) {
        return inseeCode == null ? Optional.empty()
                : Optional.ofNullable(placedByCityOnly.get(inseeCode.strip())).flatMap(this::commune);
    }

    @Override
    public Optional<Departement> departement(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(departements.get(code.strip()));
    }

    @Override
    public Collection<Departement> departements() {
        return departements.values();
    }

    @Override
    public String sourceDescription() {
        return sourceDescription;
    }

    /**
     * The département with that name, ignoring case, accents, hyphens and a leading article or preposition:
     * "la Gironde", "Corse du Sud", "Réunion", "de la Réunion" all work.
     */
    public Optional<Departement> departementByName(String name) {
        return name == null ? Optional.empty()
                : Optional.ofNullable(departementsByName.get(PlaceNames.keyWithoutLeadingArticles(name)));
    }

    /** Every constituency some commune or consular post belongs to ({@code 01-1} … {@code 99-11}), sorted. */
    public Set<String> constituencyIds() {
        return constituencyIds;
    }

    /**
     * The constituency of the Français établis hors de France that a consular post belongs to ("Londres" is
     * {@code 99-3}, "Montréal" {@code 99-1}), with the Ministry's French names of the posts.
     */
    public Optional<String> constituencyAbroad(String consularPost) {
        return consularPost == null ? Optional.empty()
                : Optional.ofNullable(consularPosts.get(PlaceNames.key(consularPost)));
    }

    private static <V> Map<String, List<V>> copyOfLists(Map<String, ? extends List<V>> map) {
        Map<String, List<V>> copy = new HashMap<>(map.size() * 2);
        map.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        return Map.copyOf(copy);
    }
}
