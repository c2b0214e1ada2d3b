package fr.civicgateway.core.geo;

/** A département: {@code 33} Gironde, {@code 2A} Corse-du-Sud, {@code 971} Guadeloupe. */
public record Departement(String code, String name) {
}
