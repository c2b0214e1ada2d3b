package fr.civicgateway.opendata.local;

import fr.civicgateway.core.local.LocalDataException;
import fr.civicgateway.core.local.LocalItem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the records of a CSV file, a GeoJSON FeatureCollection or OpenDataSoft records into items, through
 * {@link ItemMapping}. The same code reads a local file at start-up, a download before it replaces anything, and a
 * last good copy: what is refused at start-up is refused from a URL, and the other way round. Every problem is a
 * {@link LocalDataException} naming the configuration's file, the data's file or URL and the record: a field mapping
 * that names a column or property the data does not have, a record that does not parse, a body that is not the
 * expected format.
 */
final class Records {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private Records() {
    }

    /** The file, by the configuration's type ({@code csv} or {@code geojson}). */
    static List<LocalItem> read(AdapterConfig c, Path file, String shownAs) {
        try {
            return switch (c.type()) {
                case CSV -> csv(c, Files.readString(file, c.encoding()), shownAs);
                case GEOJSON -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        yield geoJson(c, JSON.readTree(in), shownAs);
                    }
                }
                case OPENDATASOFT -> ods(c, jsonArray(file, shownAs), shownAs);
            };
        } catch (IOException e) {
            throw new LocalDataException(c.file() + ": cannot read " + shownAs + " (" + e.getClass().getSimpleName()
                    + ")", e);
        } catch (JacksonException e) {
            throw new LocalDataException(c.file() + ": " + shownAs + " is not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    static List<LocalItem> csv(AdapterConfig c, String content, String shownAs) {
        CsvTable.Parsed table;
        try {
            table = CsvTable.parse(content, c.separator());
        } catch (java.io.UncheckedIOException e) {
            throw new LocalDataException(c.file() + ": " + shownAs + " is not CSV (" + e.getCause().getMessage() + ")");
        }
        if (table.rows().isEmpty()) {
            throw new LocalDataException(c.file() + ": file '" + shownAs + "' is empty");
        }
        List<String> header = table.rows().getFirst();
        Map<String, Integer> column = new HashMap<>();
        for (var f : c.fields().entrySet()) {
            int at = header.indexOf(f.getValue());
            if (at < 0) {
                throw new LocalDataException(c.file() + ": key 'fields." + f.getKey() + "' names column '"
                        + f.getValue() + "', which is not in the header of " + shownAs);
            }
            column.put(f.getValue(), at);
        }
        List<LocalItem> out = new ArrayList<>(table.rows().size());
        for (int r = 1; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            int line = table.firstLines().get(r);
            if (row.size() != header.size()) {
                throw new LocalDataException(c.file() + ": " + shownAs + " line " + line + " has " + row.size()
                        + " fields, the header has " + header.size());
            }
            ItemMapping.Row cells = new ItemMapping.Row() {
                @Override
                public String text(String name) {
                    String v = row.get(column.get(name)).strip();
                    return v.isEmpty() ? null : v;
                }

                @Override
                public double[] point(String name) {
                    String v = text(name);
                    return v == null ? null : ItemMapping.latLong(v);
                }
            };
            out.add(ItemMapping.item(c, shownAs, "line " + line, cells, Integer.toString(line)));
        }
        return List.copyOf(out);
    }

    /** A GeoJSON FeatureCollection (RFC 7946): properties mapped by name, the position from the geometry. */
    static List<LocalItem> geoJson(AdapterConfig c, JsonNode root, String shownAs) {
        if (!"FeatureCollection".equals(root.path("type").asString(null)) || !root.path("features").isArray()) {
            throw new LocalDataException(c.file() + ": " + shownAs + " is not a GeoJSON FeatureCollection (no"
                    + " \"type\": \"FeatureCollection\" with \"features\")");
        }
        List<JsonNode> properties = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            properties.add(f.path("properties").isObject() ? f.path("properties") : JSON.createObjectNode());
        }
        requireNamed(c, properties, "property", "feature", shownAs);
        List<LocalItem> out = new ArrayList<>(properties.size());
        int n = 0;
        for (JsonNode feature : root.path("features")) {
            JsonNode props = properties.get(n++);
            JsonNode geometry = feature.path("geometry");
            String fallbackId = feature.hasNonNull("id") ? feature.get("id").asString() : Integer.toString(n);
            out.add(ItemMapping.item(c, shownAs, "feature " + n, new JsonRow(props) {
                @Override
                public double[] geometry() {
                    return Geometry.position(geometry);
                }
            }, fallbackId));
        }
        return List.copyOf(out);
    }

    /** OpenDataSoft records (the {@code results} of the records endpoint, or the exports/json array). */
    static List<LocalItem> ods(AdapterConfig c, List<JsonNode> records, String shownAs) {
        requireNamed(c, records, "field", "record", shownAs);
        List<LocalItem> out = new ArrayList<>(records.size());
        int n = 0;
        for (JsonNode r : records) {
            n++;
            if (!r.isObject()) {
                throw new LocalDataException(c.file() + ": " + shownAs + " record " + n + " is not an object");
            }
            out.add(ItemMapping.item(c, shownAs, "record " + n, new JsonRow(r), Integer.toString(n)));
        }
        return List.copyOf(out);
    }

    /** A typo in a field name would otherwise silently empty that field: each must be in at least one record. */
    private static void requireNamed(AdapterConfig c, List<JsonNode> records, String what, String record,
                                     String shownAs) {
        if (records.isEmpty()) {
            return;
        }
        for (var f : c.fields().entrySet()) {
            if (records.stream().noneMatch(r -> r.has(f.getValue()))) {
                throw new LocalDataException(c.file() + ": key 'fields." + f.getKey() + "' names " + what + " '"
                        + f.getValue() + "', which no " + record + " of " + shownAs + " has");
            }
        }
    }

    /** A JSON array of records, read one record at a time (an OpenDataSoft export can be large). */
    static List<JsonNode> jsonArray(Path file, String shownAs) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new LocalDataException(shownAs + " is not a JSON array of records");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                out.add(p.readValueAsTree());
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                throw new LocalDataException(shownAs + " holds something other than records in its array");
            }
        }
        return out;
    }

    /** One JSON object's fields: scalars as text, lists joined, {@code {"lon", "lat"}} objects as positions. */
    static class JsonRow implements ItemMapping.Row {
        private final JsonNode node;

        JsonRow(JsonNode node) {
            this.node = node;
        }

        @Override
        public String text(String name) {
            return text(node.get(name));
        }

        private static String text(JsonNode v) {
            if (v == null || v.isNull() || v.isMissingNode() || v.isObject()) {
                return null;
            }
            if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                for (JsonNode e : v) {
                    String t = text(e);
                    if (t != null) {
                        parts.add(t);
                    }
                }
                return parts.isEmpty() ? null : String.join(", ", parts);
            }
            String s = v.asString().strip();
            return s.isEmpty() ? null : s;
        }

        @Override
        public double[] point(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull() || v.isMissingNode()) {
                return null;
            }
            if (v.isObject()) {
                // OpenDataSoft's geo_point_2d: {"lon": 2.39, "lat": 48.87}
                if (!v.path("lat").isNumber() || !v.path("lon").isNumber()) {
                    throw new IllegalArgumentException("field '" + name + "' is an object without numbers lat and lon");
                }
                return new double[] {v.get("lat").asDouble(), v.get("lon").asDouble()};
            }
            if (v.isString()) {
                return v.asString().isBlank() ? null : ItemMapping.latLong(v.asString());
            }
            throw new IllegalArgumentException("field '" + name + "' is neither {\"lat\", \"lon\"} nor \"lat, lon\"");
        }
    }
}
