package fr.civicgateway.core.geo;

import java.util.List;

/**
 * A commune, or a municipal arrondissement of Paris, Lyon or Marseille (which has its own INSEE code:
 * 75111 is Paris 11e).
 *
 * @param inseeCode       five characters: {@code 74010}, {@code 2A004}, {@code 75111}
 * @param name            as published, e.g. {@code Annecy}, {@code Paris 11e Arrondissement}
 * @param departementCode {@code 74}, {@code 2A}, {@code 971}
 * @param postcodes       the commune's postcodes, sorted
 */
public record Commune(String inseeCode, String name, String departementCode, List<String> postcodes) {
    public Commune {
        postcodes = List.copyOf(postcodes);
    }
}
