package fr.civicgateway.opendata.local;

import fr.civicgateway.opendata.http.ConditionalDownloader.Validators;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Fetches a remote source's current data: a file by URL, an OpenDataSoft dataset, a news feed. Called on a background thread only,
 * never on a citizen's request; may block on the network within its HTTP client's timeouts.
 */
interface Fetcher<T> {

    /**
     * @param held the version the gateway holds, or null
     * @return the new version, or empty when the source says {@code held} is still current
     * @throws FetchException when the source is unreachable or what it sent is not usable; nothing is left behind
     */
    Optional<Fetched<T>> fetch(Version<T> held) throws FetchException;

    /**
     * A new version, not yet kept.
     *
     * @param file the raw data as fetched, in the last good copy's directory: kept as that copy once accepted
     */
    record Fetched<T>(List<T> items, LocalDate dataDate, Validators validators, String marker, Path file) {
    }
}
