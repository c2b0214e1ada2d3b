package fr.civicgateway.core.parliament.work;

import java.util.Objects;

/**
 * A deputy's amendments in the Assemblée's Amendements archive.
 *
 * @param authored amendments whose {@code signataires.auteur} is the deputy
 * @param cosigned amendments the deputy co-signed (and did not author)
 * @param adopted  of the authored ones, those whose {@code sort} is "Adopté"
 */
public record Amendments(int authored, int cosigned, int adopted, Provenance provenance) {

    public Amendments {
        Objects.requireNonNull(provenance, "provenance");
    }
}
