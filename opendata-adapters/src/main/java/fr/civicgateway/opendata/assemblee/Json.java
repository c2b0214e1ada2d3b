package fr.civicgateway.opendata.assemblee;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The normalisation of the Assemblée's JSON, a mechanical conversion of XML, in one place:
 * <ul>
 *   <li>a repeatable element is an object when single and an array otherwise ({@link #list});</li>
 *   <li>null has two forms, {@code null} and {@code {"@xsi:nil": "true"}}, and an empty category is null
 *       ({@link #isNull});</li>
 *   <li>every scalar is a string, booleans and numbers included ({@link #integer}, {@link #bool});</li>
 *   <li>some ids are wrapped as {@code {"#text": "PA…"}} ({@link #text}).</li>
 * </ul>
 * Violations throw {@link Malformed} naming the field; the loader adds the entry's name.
 */
final class Json {

    private Json() {
    }

    /** A field that is missing or does not have the expected form. Caught per entry by the loader. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static boolean isNull(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull()
                || (node.isObject() && "true".equals(node.path("@xsi:nil").asString(null)));
    }

    /** Follows a dotted path of object fields ({@code ""}: the node itself); missing steps give a missing node. */
    static JsonNode at(JsonNode node, String dottedPath) {
        if (dottedPath.isEmpty()) {
            return node;
        }
        JsonNode n = node;
        for (String step : dottedPath.split("\\.")) {
            n = n.path(step);
        }
        return n;
    }

    /** The elements of a repeatable element: none when null, one when an object, all when an array. */
    static List<JsonNode> list(JsonNode node) {
        if (isNull(node)) {
            return List.of();
        }
        if (node.isArray()) {
            List<JsonNode> out = new ArrayList<>(node.size());
            for (JsonNode e : node) {
                if (!isNull(e)) {
                    out.add(e);
                }
            }
            return out;
        }
        return List.of(node);
    }

    /** A string scalar, unwrapping {@code {"#text": ...}}; null for either null form. */
    static String text(JsonNode node, String path) {
        JsonNode n = at(node, path);
        if (isNull(n)) {
            return null;
        }
        if (n.isObject() && n.has("#text")) {
            n = n.get("#text");
        }
        if (!n.isValueNode()) {
            throw new Malformed(path + " is not a scalar");
        }
        String s = n.asString().trim();
        return s.isEmpty() ? null : s;
    }

    static String requiredText(JsonNode node, String path) {
        String s = text(node, path);
        if (s == null) {
            throw new Malformed("missing " + path);
        }
        return s;
    }

    /** An integer sent as a string ({@code "123"}); {@code absent} when null. */
    static int integer(JsonNode node, String path, int absent) {
        String s = text(node, path);
        if (s == null) {
            return absent;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new Malformed(path + " is not an integer: \"" + s + "\"");
        }
    }

    static int requiredInteger(JsonNode node, String path) {
        requiredText(node, path);
        return integer(node, path, 0);
    }

    /** {@code "true"} / {@code "false"}; false when null. */
    static boolean bool(JsonNode node, String path) {
        String s = text(node, path);
        if (s == null || s.equals("false") || s.equals("0")) {
            return false;
        }
        if (s.equals("true") || s.equals("1")) {
            return true;
        }
        throw new Malformed(path + " is not a boolean: \"" + s + "\"");
    }

    static LocalDate date(JsonNode node, String path) {
        String s = text(node, path);
        if (s == null) {
            return null;
        }
        try {
            // Some date-times carry a time or an offset after the day; the day is what the answers state.
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new Malformed(path + " is not a date: \"" + s + "\"");
        }
    }
}
