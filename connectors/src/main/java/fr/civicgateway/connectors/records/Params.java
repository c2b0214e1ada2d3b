package fr.civicgateway.connectors.records;

import fr.civicgateway.connectors.web.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/** The records API's parameter checks: each bad value is a 400 naming the parameter and what it accepts. */
final class Params {

    private static final Pattern DEPUTY_UID = Pattern.compile("PA\\d{1,12}");
    private static final Pattern ORGANE_UID = Pattern.compile("PO\\d{1,12}");
    /** The Assemblée's dossiers législatifs: DLR, the republic, L and the legislature, N and a number (DLR5L17N50168). */
    private static final Pattern DOSSIER_UID = Pattern.compile("DLR\\d{1,2}L\\d{1,3}N\\d{1,9}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    static final int MAX_TEXT = 200;

    private Params() {
    }

    static ApiException invalid(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_parameter", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    /** Refuses a parameter the endpoint does not know: a misspelt filter silently ignored would mislead. */
    static void onlyKnown(Map<String, String[]> given, Collection<String> known) {
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw invalid("Unknown parameter " + String.join(", ", unknown.stream().map(u -> "\"" + u + "\"").toList())
                    + "; this endpoint accepts " + String.join(", ", known) + ".");
        }
        for (Map.Entry<String, String[]> e : given.entrySet()) {
            if (e.getValue().length > 1) {
                throw invalid("\"" + e.getKey() + "\" must be given once.");
            }
        }
    }

    static String deputyUid(String uid) {
        if (!DEPUTY_UID.matcher(uid).matches()) {
            throw invalid("A deputy's id is the Assemblée's acteur uid, \"PA\" and digits (PA720892); got \"" + safe(uid) + "\".");
        }
        return uid;
    }

    static String organeUid(String uid) {
        if (!ORGANE_UID.matcher(uid).matches()) {
            throw invalid("A group's id is the Assemblée's organe uid, \"PO\" and digits (PO845413); got \"" + safe(uid) + "\".");
        }
        return uid;
    }

    static String dossierUid(String uid) {
        if (!DOSSIER_UID.matcher(uid).matches()) {
            throw invalid("A dossier's id is the Assemblée's uid, \"DLR\", digits, \"L\", digits, \"N\" and digits "
                    + "(DLR5L17N50168); got \"" + safe(uid) + "\".");
        }
        return uid;
    }

    static int scrutinNumber(String n) {
        if (!NUMBER.matcher(n).matches() || Integer.parseInt(n) < 1) {
            throw invalid("A scrutin's id is its number in the legislature, a whole number from 1 (3876); got \"" + safe(n) + "\".");
        }
        if (n.startsWith("0")) {
            // One id, one address: 03876 is not another name of scrutin 3876.
            throw notFound("No scrutin \"" + n + "\": write its number without leading zeros (/api/v1/scrutins/"
                    + Integer.parseInt(n) + ").");
        }
        return Integer.parseInt(n);
    }

    static LocalDate date(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid("\"" + name + "\" must be a date written yyyy-mm-dd (2025-03-31); got \"" + safe(value) + "\".");
        }
    }

    static void period(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw invalid("\"from\" (" + from + ") must not be after \"to\" (" + to + ").");
        }
    }

    /** Free text (topic words): at most 200 characters, no control character. */
    static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT || value.chars().anyMatch(c -> c < 0x20)) {
            throw invalid("\"" + name + "\" must be at most " + MAX_TEXT + " characters, without control characters.");
        }
        return value.strip();
    }

    /** A comma-separated list of values of an enum, as {@code names} spells them; null when absent (no filter). */
    static <E extends Enum<E>> Set<E> values(String name, String value, Class<E> type, Function<String, E> byName,
                                              List<String> accepted) {
        if (value == null) {
            return null;
        }
        Set<E> out = EnumSet.noneOf(type);
        for (String part : value.split(",", -1)) {
            E e = byName.apply(part.strip().toLowerCase(Locale.ROOT));
            if (e == null) {
                throw invalid("\"" + name + "\" must be one or more of " + String.join(", ", accepted)
                        + ", separated by commas; got \"" + safe(value) + "\".");
            }
            out.add(e);
        }
        return out;
    }

    static boolean bool(String name, String value, boolean otherwise) {
        if (value == null) {
            return otherwise;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid("\"" + name + "\" must be true or false.");
        };
    }

    /** A value repeated in an error message: cut, and without control characters. */
    static String safe(String value) {
        String v = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        StringBuilder s = new StringBuilder();
        v.codePoints().forEach(c -> s.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
        return s.toString();
    }
}
