package fr.civicgateway.core.sources;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one open-data source, as the admin API shows it.
 *
 * @param id          stable id ({@code assemblee-scrutins}, {@code paris-chantiers})
 * @param kind        what sort of source: {@code assemblee}, {@code local}
 * @param url         where the data is fetched from (a URL, or the shipped file's path relative to the working
 *                    directory)
 * @param dataDate    the date of the data the gateway answers from now, or null when it holds none
 * @param counts      record counts of the data answered from ({@code scrutins: 3876}); empty when none
 * @param lastSuccess when the data now answered from was last fetched or confirmed unchanged, or null
 * @param lastFailure when the last failed attempt happened, or null if none failed since the last success
 * @param lastError   what went wrong then, one line without personal data, or null
 * @param nextAttempt when the next fetch is planned, or null for a source that is never refreshed
 */
public record SourceStatus(String id, String kind, String url, LocalDate dataDate, Map<String, Integer> counts,
                           Instant lastSuccess, Instant lastFailure, String lastError, Instant nextAttempt) {

    public SourceStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        counts = Map.copyOf(counts);
    }

    /** A source read once from a file at start-up and never refreshed. */
    public static SourceStatus loadedOnce(String id, String kind, String file, LocalDate dataDate,
                                          Map<String, Integer> counts, Instant loadedAt) {
        return new SourceStatus(id, kind, file, dataDate, counts, loadedAt, null, null, null);
    }
}
