package fr.civicgateway.opendata.local;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import fr.civicgateway.core.news.NewsItem;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom file with Rome into {@link NewsItem}s, normalised at the edge: every text is
 * plain text (tags dropped, script and style blocks dropped with their content, entities decoded, white space
 * collapsed, control characters removed), summaries capped on a word boundary, links kept only when they are http(s)
 * URLs (a {@code javascript:} link is dropped), ids from the guid or Atom id, else the link; an item without either,
 * or without a title, is skipped. Doctype declarations are refused (no external entity is ever resolved).
 *
 * <p>Stateless and thread-safe. Errors: a file that is not a feed throws {@link FetchException}, naming the feed.
 */
final class FeedReader {

    /** The longest title kept, in characters: a feed's title is a line, not an article. */
    static final int MAX_TITLE = 300;
    /** The most items kept of one feed: what a citizen pages through, and what the next refresh compares with. */
    static final int MAX_ITEMS = 200;

    private static final Pattern DROPPED_BLOCKS = Pattern.compile(
            "(?is)<(script|style|noscript|iframe|object|template)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern COMMENTS = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern BLOCK_TAGS = Pattern.compile("(?i)</?(p|br|div|li|h[1-6]|tr|blockquote)\\b[^>]*>");
    private static final Pattern TAGS = Pattern.compile("(?s)</?[A-Za-z!?][^>]*>");
    private static final Pattern OPEN_TAG = Pattern.compile("<(?=[A-Za-z/!?])");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private FeedReader() {
    }

    /** Reads the feed a {@code type: feed} file describes. */
    static List<NewsItem> read(FeedConfig config, Path file) throws FetchException {
        return read(config.id(), file, config.location(), config.summaryLength());
    }

    /**
     * @param shown         the feed as messages name it
     * @param summaryLength the longest summary kept
     * @return the items, newest first (undated ones after, in the feed's order), at most {@link #MAX_ITEMS}
     */
    static List<NewsItem> read(String sourceId, Path file, String shown, int summaryLength) throws FetchException {
        SyndFeed feed;
        try (InputStream in = Files.newInputStream(file); XmlReader xml = new XmlReader(in)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(xml);
        } catch (Exception e) {
            throw new FetchException(shown + ": not an RSS or Atom feed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())) + ")", e);
        }
        List<NewsItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (SyndEntry e : feed.getEntries()) {
            String title = cap(plainText(e.getTitle()), MAX_TITLE);
            String link = httpLink(e.getLink());
            String id = text(e.getUri());
            if (id == null) {
                id = link;
            }
            if (id == null || title == null || !ids.add(id)) {
                continue;
            }
            Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            Instant published = date == null ? null : date.toInstant();
            items.add(new NewsItem(sourceId, id, title, link, published, cap(plainText(summary(e)), summaryLength)));
            if (items.size() == MAX_ITEMS) {
                break;
            }
        }
        // Newest first; a stable sort keeps the feed's own order among equal or missing dates.
        items.sort(Comparator.comparing(NewsItem::published, Comparator.nullsLast(Comparator.reverseOrder())));
        return List.copyOf(items);
    }

    private static String summary(SyndEntry e) {
        SyndContent d = e.getDescription();
        if (d != null && d.getValue() != null && !d.getValue().isBlank()) {
            return d.getValue();
        }
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                return c.getValue();
            }
        }
        return null;
    }

    /**
     * Plain text of a feed's text, which may be HTML (escaped or in CDATA): never markup out. What remains of a
     * {@code <} that opens a tag after decoding (an entity-encoded tag inside the HTML) is removed too, so that no
     * channel that renders markup ever sees a tag from a feed.
     */
    static String plainText(String html) {
        if (html == null) {
            return null;
        }
        String s = DROPPED_BLOCKS.matcher(html).replaceAll(" ");
        s = COMMENTS.matcher(s).replaceAll(" ");
        s = BLOCK_TAGS.matcher(s).replaceAll(" ");
        s = TAGS.matcher(s).replaceAll("");
        s = StringEscapeUtils.unescapeHtml4(s);
        // Decoded text may hold tags again ("&lt;script&gt;"): drop the blocks, then neutralise any tag opening.
        s = DROPPED_BLOCKS.matcher(s).replaceAll(" ");
        s = TAGS.matcher(s).replaceAll("");
        s = OPEN_TAG.matcher(s).replaceAll("‹");
        s = CONTROL.matcher(s).replaceAll("");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        return s.isEmpty() ? null : s;
    }

    /** At most {@code max} characters, cut at a word boundary with an ellipsis. */
    static String cap(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        if (Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return s.substring(0, cut).stripTrailing() + "…";
    }

    private static String httpLink(String link) {
        String l = text(link);
        if (l == null) {
            return null;
        }
        HttpUrl u = HttpUrl.parse(l);
        return u == null ? null : u.toString();
    }

    private static String text(String s) {
        if (s == null) {
            return null;
        }
        String t = CONTROL.matcher(s).replaceAll("").strip();
        return t.isEmpty() ? null : t;
    }

    private static String oneLine(String m) {
        String line = SPACES.matcher(m).replaceAll(" ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
