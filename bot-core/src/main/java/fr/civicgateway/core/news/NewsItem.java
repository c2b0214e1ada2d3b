package fr.civicgateway.core.news;

import java.time.Instant;
import java.util.Objects;

/**
 * One item of a town's news feed, as every feed presents it to the core. Adapters normalise the feed's quirks
 * (HTML in titles and summaries, missing guids, date forms) before building it: every text is plain text, never
 * markup, so a channel may show it as it is.
 *
 * @param sourceId  the {@link NewsSource#id()} this item comes from
 * @param id        the item's stable id in its source: the feed's guid or Atom id, else its link; with
 *                  {@code sourceId} it names the item across refreshes and restarts (an event's key)
 * @param title     plain text, never blank
 * @param link      the item's page, an http(s) URL, or null when the feed gives none
 * @param published when it was published (else last updated), or null when the feed gives no date
 * @param summary   plain text, capped in length, or null
 */
public record NewsItem(String sourceId, String id, String title, String link, Instant published, String summary) {

    public NewsItem {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (id.isBlank() || title.isBlank()) {
            throw new IllegalArgumentException("a news item needs an id and a title (source " + sourceId + ")");
        }
    }
}
