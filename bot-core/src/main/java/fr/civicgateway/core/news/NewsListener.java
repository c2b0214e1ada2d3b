package fr.civicgateway.core.news;

import java.util.List;

/**
 * Told of the items a refresh of a news source found that the previous version did not hold.
 *
 * <p>Called once per refresh that found new items, on the refresh's background thread (never a citizen's request),
 * before the new version is kept: a crash in between means the same items are told again at the next refresh
 * (at least once), so a listener records them under their key ({@code news:<source id>} and the item's id) and
 * ignores a repeat. Not called for a source's very first version (nothing was known before it: its items are
 * not news to anyone), nor for the version read from the last good copy at start-up. It should return quickly
 * (record, not send); an exception it throws is logged and does not stop the refresh.
 */
@FunctionalInterface
public interface NewsListener {

    /**
     * @param source the source refreshed
     * @param items  its items absent from the previous version, newest first, never empty
     */
    void newItems(NewsSource source, List<NewsItem> items);
}
