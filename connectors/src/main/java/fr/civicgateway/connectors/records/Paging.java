package fr.civicgateway.connectors.records;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A page of a list: {@code page} from 1, {@code size} from 1 to {@link #MAX_SIZE} ({@link #DEFAULT_SIZE} when not
 * given). A page past the last is a 400 (an empty list has one empty page), so a client that walks the
 * {@code next} links stops where they stop.
 */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 100;
    /** Large enough for a deputy's whole vote list of a legislature in one answer. */
    static final int MAX_SIZE = 5000;
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");

    static Paging of(String page, String size) {
        int p = page == null ? 1 : whole("page", page);
        int s = size == null ? DEFAULT_SIZE : whole("size", size);
        if (p < 1) {
            throw Params.invalid("\"page\" must be a whole number from 1.");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw Params.invalid("\"size\" must be a whole number from 1 to " + MAX_SIZE + ".");
        }
        return new Paging(p, s);
    }

    private static int whole(String name, String value) {
        if (!WHOLE.matcher(value).matches()) {
            throw Params.invalid("\"" + name + "\" must be a whole number" + ("size".equals(name)
                    ? " from 1 to " + MAX_SIZE : " from 1") + "; got \"" + Params.safe(value) + "\".");
        }
        return Integer.parseInt(value);
    }

    int totalPages(int total) {
        return Math.max(1, (total + size - 1) / size);
    }

    /** This page's items of {@code all}; a 400 when the page is past the last. */
    <T> List<T> of(List<T> all) {
        int pages = totalPages(all.size());
        if (page > pages) {
            throw Params.invalid("\"page\" " + page + " is past the last page, " + pages + " (" + all.size()
                    + " items, " + size + " a page).");
        }
        int from = (page - 1) * size;
        return all.subList(from, Math.min(all.size(), from + size));
    }
}
