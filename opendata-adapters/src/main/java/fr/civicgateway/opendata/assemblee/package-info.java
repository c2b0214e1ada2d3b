/**
 * The Assemblée nationale's open data (AMO deputies and organes, Scrutins) behind the core's
 * {@link fr.civicgateway.core.parliament.ParliamentData} port.
 *
 * <p>{@link fr.civicgateway.opendata.assemblee.AssembleeLoader} reads the official archives (zip files or
 * unpacked directories) and normalises every quirk of the format at this edge; it builds an immutable, compact
 * {@link fr.civicgateway.opendata.assemblee.AssembleeSnapshot}. Everything else in the package is an
 * implementation detail.
 */
package fr.civicgateway.opendata.assemblee;
