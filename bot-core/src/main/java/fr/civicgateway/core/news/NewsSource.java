package fr.civicgateway.core.news;

import java.util.Objects;

/**
 * A town's news feed, as configured by its operator.
 *
 * @param id        stable id, used in configuration, subscriptions ({@code news:<id>}), logs and the admin API
 * @param title     what a citizen reads ("Actualités de la Ville de Lyon")
 * @param publisher who publishes it ("Ville de Lyon")
 * @param licence   its licence or terms of reuse
 * @param url       where a reader finds the news on the web (the town's news page, else the feed itself)
 */
public record NewsSource(String id, String title, String publisher, String licence, String url) {

    public NewsSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(url, "url");
    }
}
