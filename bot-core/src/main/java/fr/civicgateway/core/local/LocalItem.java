package fr.civicgateway.core.local;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One piece of local data, as every source presents it to the core: a participatory-budget project, a worksite,
 * a call for projects. Adapters normalise their source's quirks (BOM, date forms, "lat, long" strings) before
 * building it; blank text fields are {@code null}, never "".
 *
 * @param sourceId    the {@link LocalDataSource#id()} this item comes from
 * @param kind        what it is
 * @param id          the source's own stable id for the item
 * @param title       what a reader sees first
 * @param description a short complement (theme, contractor), or null
 * @param status      the source's progress label ("TRAVAUX", "FIN"), or null
 * @param address     street address, or null when the source has none
 * @param postcode    five-digit postcode (Paris arrondissements: 75001..75020), or null
 * @param start       start date, or null
 * @param end         end (or delivery) date, or null
 * @param latitude    WGS84, or null
 * @param longitude   WGS84, or null
 * @param link        a page about the item, or null
 */
public record LocalItem(String sourceId, Kind kind, String id, String title, String description, String status,
                        String address, String postcode, LocalDate start, LocalDate end, Double latitude,
                        Double longitude, String link) {

    /** The kinds of local data the dialogue knows how to ask for. */
    public enum Kind {
        /** A project: participatory budget winner, municipal project, call for projects. */
        PROJECT,
        /** Works in the public space. */
        WORKSITE
    }

    public LocalItem {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (postcode != null && !postcode.matches("\\d{5}")) {
            throw new IllegalArgumentException("postcode must be five digits, was '" + postcode + "' (item " + id + ")");
        }
    }

    /** Started and not finished on {@code day}, by the dates the source gives. */
    public boolean ongoingOn(LocalDate day) {
        return start != null && !start.isAfter(day) && (end == null || !end.isBefore(day));
    }
}
