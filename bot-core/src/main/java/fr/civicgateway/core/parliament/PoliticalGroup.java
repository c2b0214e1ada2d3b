package fr.civicgateway.core.parliament;

/**
 * A political group of the Assemblée.
 *
 * @param uid          organe uid, e.g. {@code PO845413}
 * @param name         e.g. {@code La France insoumise - Nouveau Front Populaire}; the uid when the organe is unknown
 * @param abbreviation e.g. {@code LFI-NFP}; the uid when unknown
 */
public record PoliticalGroup(String uid, String name, String abbreviation) {
}
