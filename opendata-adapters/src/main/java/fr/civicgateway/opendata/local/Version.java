package fr.civicgateway.opendata.local;

import fr.civicgateway.opendata.http.ConditionalDownloader.Validators;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a remote source's data, as the gateway answers from it: local items, or a feed's news items.
 *
 * @param items      the items, immutable
 * @param dataDate   the date of the data (the dataset's processing date, the file's Last-Modified, else the day it
 *                   was fetched)
 * @param validators the HTTP validators to send with the next download of a file
 * @param marker     what tells an OpenDataSoft dataset's version (its processing timestamp), or null
 * @param fetchedAt  when this version was fetched, or last confirmed unchanged
 */
record Version<T>(List<T> items, LocalDate dataDate, Validators validators, String marker, Instant fetchedAt) {

    Version {
        items = List.copyOf(items);
    }

    Version<T> confirmedAt(Instant now) {
        return new Version<>(items, dataDate, validators, marker, now);
    }
}
