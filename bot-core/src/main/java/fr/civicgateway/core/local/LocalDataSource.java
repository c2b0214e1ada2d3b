package fr.civicgateway.core.local;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A municipality's local data (projects, worksites, participatory budget, calls for projects): the extension point
 * behind the {@code local_projects} intent. Most towns need no code: the generic adapters read a CSV or GeoJSON file
 * (local or by URL) or an OpenDataSoft dataset described by a {@code config/adapters/*.yml} file (see the README,
 * "Local projects and worksites"). Write a class only for a source no generic adapter reads, keep in it only that
 * source's differences, and register it as a bean beside the others.
 *
 * <p>Threading: every method is called from many conversations at once, on the citizen's request thread: it must be
 * safe to call concurrently, cheap, and never wait on I/O. A source that is fetched from elsewhere loads in the
 * background and returns what it last loaded successfully. Errors: a source that cannot be configured throws
 * {@link LocalDataException} naming its file and key when it is built, so the gateway refuses to start; these
 * methods never throw. A source that holds no data yet (a remote source down since start-up, with no earlier copy)
 * says so with {@link #available()}: the bot then tells the citizen that this source is unavailable right now,
 * never that nothing was found.
 *
 * <pre>{@code
 * final class Arcueil implements LocalDataSource {
 *     public String id() { return "arcueil-travaux"; }
 *     public Description description() {
 *         return new Description("Ville d'Arcueil", "Licence Ouverte", "https://…", LocalDate.of(2026, 1, 5));
 *     }
 *     public List<LocalItem> items() { return items; }  // read once, in the constructor
 * }
 * }</pre>
 */
public interface LocalDataSource {

    /** Stable id, used in configuration, logs, health details and metrics: {@code paris-chantiers}. */
    String id();

    /** Where the data comes from and how old it is, for the source line of every answer. */
    Description description();

    /** Every item of this source now; immutable; empty while {@link #available()} is false. */
    List<LocalItem> items();

    /**
     * The kinds of item this source holds, even while it holds none: the handler names an unavailable source only
     * when it is about what the citizen asked. By default, the kinds of the current items.
     */
    default Set<LocalItem.Kind> kinds() {
        Set<LocalItem.Kind> kinds = EnumSet.noneOf(LocalItem.Kind.class);
        for (LocalItem i : items()) {
            kinds.add(i.kind());
        }
        return kinds;
    }

    /** False while the source holds no data at all (never loaded); then {@link Description#dataDate()} is null. */
    default boolean available() {
        return true;
    }

    /**
     * @param publisher who publishes the data ("Ville de Paris")
     * @param licence   its licence ("ODbL")
     * @param url       where a reader finds the live data
     * @param dataDate  the date of the data the gateway holds, or null only while it holds none
     */
    record Description(String publisher, String licence, String url, LocalDate dataDate) {
        public Description {
            Objects.requireNonNull(publisher, "publisher");
            Objects.requireNonNull(licence, "licence");
            Objects.requireNonNull(url, "url");
        }

        /** The same source with the date of another version of its data. */
        public Description withDataDate(LocalDate date) {
            return new Description(publisher, licence, url, date);
        }
    }
}
