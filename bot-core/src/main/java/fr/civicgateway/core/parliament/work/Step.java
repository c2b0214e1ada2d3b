package fr.civicgateway.core.parliament.work;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One dated step of a dossier législatif ({@code acteLegislatif} with a {@code dateActe}), in document order.
 *
 * @param code    the Assemblée's {@code codeActe} ({@code AN1-DEPOT}, {@code AN1-DEBATS-DEC}, {@code PROM-PUB})
 * @param kind    what the step is, for wording it
 * @param chamber the chamber it happened in
 * @param date    its day
 * @param outcome the decision's wording when the step is a decision ({@code statutConclusion}: "adoptée",
 *                "rejeté", "Accord"…); null otherwise
 */
public record Step(String code, StepKind kind, Chamber chamber, LocalDate date, String outcome) {

    public enum Chamber {
        ASSEMBLEE, SENAT, BOTH, OTHER
    }

    public Step {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(chamber, "chamber");
        Objects.requireNonNull(date, "date");
    }
}
