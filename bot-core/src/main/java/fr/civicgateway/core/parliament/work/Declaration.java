package fr.civicgateway.core.parliament.work;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One declaration of a deputy published by the HATVP, as its index lists it.
 *
 * @param kind      interests or assets
 * @param type      the index's {@code type_document} ({@code dia}, {@code diam}, {@code dsp}, {@code dspm}, …)
 * @param published the index's {@code date_publication}; null when it gives none
 */
public record Declaration(Kind kind, String type, LocalDate published) {

    public enum Kind {
        /** {@code dia} (déclaration d'intérêts et d'activités) and {@code diam} (its modification). */
        INTERESTS,
        /** {@code dsp} (déclaration de situation patrimoniale) and {@code dspm} / {@code dspfm} (modifications). */
        ASSETS,
        /** Any other type the index holds. */
        OTHER
    }

    public Declaration {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
    }
}
