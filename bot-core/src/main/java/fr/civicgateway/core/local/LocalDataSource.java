package fr.civicgateway.core.local;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A municipality's local data (projects, worksites, participatory budget, calls for projects): the extension point
 * behind the {@code local_projects} intent. Most towns need no code: the generic CSV adapter reads a file described
 * by a {@code config/adapters/*.yml} file (see the README, "Local projects and worksites"). Write a class only for
 * a source no generic adapter reads, and keep in it only that source's differences.
 *
 * <p>Threading: {@link #items()} is called from many conversations at once and must be safe to call concurrently;
 * return an immutable list, ideally loaded once. Errors: a source that cannot be read at start-up throws
 * {@link LocalDataException} naming its file and the problem, so the gateway refuses to start rather than answer
 * from nothing; {@code items()} itself should not throw.
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

    /** Stable id, used in configuration, logs and health details: {@code paris-chantiers}. */
    String id();

    /** Where the data comes from, for the source line of every answer. */
    Description description();

    /** Every item of this source; immutable. */
    List<LocalItem> items();

    /**
     * @param publisher who publishes the data ("Ville de Paris")
     * @param licence   its licence ("ODbL")
     * @param url       where a reader finds the live data
     * @param dataDate  the date of the data the gateway holds
     */
    record Description(String publisher, String licence, String url, LocalDate dataDate) {
        public Description {
            Objects.requireNonNull(publisher, "publisher");
            Objects.requireNonNull(licence, "licence");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(dataDate, "dataDate");
        }
    }
}
