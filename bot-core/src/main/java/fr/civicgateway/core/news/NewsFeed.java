package fr.civicgateway.core.news;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the gateway holds of one news source right now.
 *
 * @param source       the source
 * @param items        its items, newest first (by publication date; undated items keep the feed's order after the
 *                     dated ones), immutable; empty while the source holds no data, or when the feed is empty
 * @param dataDate     the date of the data held (the feed's Last-Modified, else the day it was fetched), or null while
 *                     the source holds none
 * @param checkedAt    when the data held was last fetched or confirmed unchanged, or null while it holds none
 * @param failingSince when the last attempt to fetch it failed, or null when the last attempt succeeded: the items
 *                     are then the last good copy, as of {@code checkedAt}
 */
public record NewsFeed(NewsSource source, List<NewsItem> items, LocalDate dataDate, Instant checkedAt,
                       Instant failingSince) {

    public NewsFeed {
        Objects.requireNonNull(source, "source");
        items = List.copyOf(items);
    }

    /** False while the source has never been fetched successfully (and no last good copy was found). */
    public boolean available() {
        return checkedAt != null;
    }

    /** True when the items are a last good copy kept while the source fails. */
    public boolean stale() {
        return available() && failingSince != null;
    }
}
