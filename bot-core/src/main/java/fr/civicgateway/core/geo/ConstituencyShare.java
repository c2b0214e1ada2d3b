package fr.civicgateway.core.geo;

/**
 * One constituency that (part of) a commune belongs to.
 *
 * @param constituencyId {@code 74-1}, as {@link fr.civicgateway.core.parliament.Constituency#id()}
 * @param wholeCommune   false when the commune is split between several constituencies
 */
public record ConstituencyShare(String constituencyId, boolean wholeCommune) {
}
