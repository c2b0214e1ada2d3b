package fr.civicgateway.core.parliament;

/** {@code sort.code} of a scrutin. */
public enum Outcome {
    ADOPTED,
    REJECTED
}
