package fr.civicgateway.core.parliament.work;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HATVP's index says a deputy filed: never more than the index holds (no figure of the declarations).
 *
 * @param filed     the deputy's declarations, the latest published first; empty when the index has none
 * @param hatvpPage the deputy's page on hatvp.fr ({@code url_dossier}); null when the index has no row for them
 */
public record Declarations(List<Declaration> filed, String hatvpPage, Provenance provenance) {

    public Declarations {
        filed = List.copyOf(filed);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The latest declaration of that kind. */
    public Optional<Declaration> latest(Declaration.Kind kind) {
        return filed.stream().filter(d -> d.kind() == kind).findFirst();
    }
}
