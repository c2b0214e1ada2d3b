package fr.civicgateway.opendata.local;

import fr.civicgateway.core.local.LocalDataException;
import fr.civicgateway.core.local.LocalItem;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one record of any source — a CSV row, a GeoJSON feature, an OpenDataSoft record — into a {@link LocalItem}
 * by the configuration's field mapping, normalising once what sources write differently: blank cells (→ null), dates
 * written {@code 2025-12-09}, {@code 2025-12-09T08:00:00+01:00}, {@code 2017-07} (→ first of the month), {@code 2014}
 * (→ 1 January) or {@code 09/12/2025}, postcodes inside longer text ("75013 Paris", or the number 75013), and
 * positions from a "lat, long" text, a {@code {"lon": …, "lat": …}} object, two fields, or the record's geometry.
 * An unreadable value fails with the configuration's file, the record and the field.
 */
final class ItemMapping {

    private static final Pattern FIVE_DIGITS = Pattern.compile("\\b(\\d{5})\\b");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ItemMapping() {
    }

    /** One record, read by source field names. */
    interface Row {
        /** The value as text, stripped; null when absent or blank. */
        String text(String name);

        /** The position held by one field, {latitude, longitude}; null when absent; throws when unreadable. */
        double[] point(String name);

        /** The position of the record's own geometry (a GeoJSON feature), or null. */
        default double[] geometry() {
            return null;
        }
    }

    /**
     * @param where     the record in the source, for messages: "line 12", "feature 3", "record 250"
     * @param fallbackId the id when the mapping names none (the line number, the feature id)
     */
    static LocalItem item(AdapterConfig c, String source, String where, Row row, String fallbackId) {
        Cell cell = field -> {
            String name = c.fields().get(field);
            return name == null ? null : row.text(name);
        };
        String id = cell.get("id") != null ? cell.get("id") : fallbackId;
        String description = cell.get("description");
        // A handful of rows in real exports have no title: show something a reader can look up.
        String title = cell.get("title") != null ? cell.get("title") : description != null ? description : "#" + id;
        double[] point;
        try {
            if (c.fields().containsKey("coordinates")) {
                point = row.point(c.fields().get("coordinates"));
            } else if (c.fields().containsKey("latitude")) {
                String lat = cell.get("latitude");
                String lon = cell.get("longitude");
                point = lat == null || lon == null ? null
                        : new double[] {Double.parseDouble(lat.replace(',', '.')), Double.parseDouble(lon.replace(',', '.'))};
            } else {
                point = row.geometry();
            }
        } catch (RuntimeException e) {
            throw new LocalDataException(c.file() + ": " + source + " " + where + ": the position is not readable ("
                    + e.getMessage() + ")");
        }
        if (point != null && (Math.abs(point[0]) > 90 || Math.abs(point[1]) > 180)) {
            throw new LocalDataException(c.file() + ": " + source + " " + where + ": the position " + point[0] + ", "
                    + point[1] + " is not a latitude and a longitude");
        }
        return new LocalItem(c.id(), c.kind(), id, title, description, cell.get("status"), cell.get("address"),
                postcode(cell.get("postcode")), date(c, source, where, "start", cell.get("start")),
                date(c, source, where, "end", cell.get("end")), point == null ? null : point[0],
                point == null ? null : point[1], cell.get("link"));
    }

    private interface Cell {
        String get(String field);
    }

    /** "48.8723, 2.3930" → {48.8723, 2.3930}. */
    static double[] latLong(String v) {
        String[] parts = v.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + v + "' is not \"latitude, longitude\"");
        }
        return new double[] {Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())};
    }

    private static String postcode(String v) {
        if (v == null) {
            return null;
        }
        Matcher m = FIVE_DIGITS.matcher(v);
        return m.find() ? m.group(1) : null;
    }

    static LocalDate date(AdapterConfig c, String source, String where, String field, String v) {
        if (v == null) {
            return null;
        }
        try {
            if (v.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                return LocalDate.parse(v.substring(0, 10));
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(v).atDay(1);
            }
            if (v.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(v), 1, 1);
            }
            if (v.matches("\\d{2}/\\d{2}/\\d{4}")) {
                return LocalDate.parse(v, FRENCH_DATE);
            }
        } catch (DateTimeParseException e) {
            // reported below, with the same message as an unknown form
        }
        throw new LocalDataException(c.file() + ": " + source + " " + where + ", field '" + field + "': '" + v
                + "' is not a date (2025-12-09, 2025-12, 2025 or 09/12/2025)");
    }
}
