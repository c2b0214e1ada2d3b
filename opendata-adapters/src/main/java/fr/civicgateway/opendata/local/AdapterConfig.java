package fr.civicgateway.opendata.local;

import fr.civicgateway.core.local.LocalDataException;
import fr.civicgateway.core.local.LocalDataSource;
import fr.civicgateway.core.local.LocalItem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One {@code config/adapters/*.yml} file, checked: an unknown key (a typo would otherwise silently drop a field)
 * or a missing required one fails with the file's name and the key.
 *
 * @param fields mapping from {@link #FIELDS} to the source's column names
 */
record AdapterConfig(String file, String id, String type, LocalItem.Kind kind, Path data, Charset encoding,
                     char separator, LocalDataSource.Description description, Map<String, String> fields) {

    static final Set<String> KEYS = Set.of("id", "type", "kind", "file", "encoding", "separator", "publisher",
            "licence", "url", "dataDate", "fields");
    static final Set<String> FIELDS = Set.of("id", "title", "description", "status", "address", "postcode", "start",
            "end", "coordinates", "latitude", "longitude", "link");

    static AdapterConfig read(Path yml, Path baseDirectory) {
        String name = yml.getFileName().toString();
        Object root;
        try (Reader r = Files.newBufferedReader(yml, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException | RuntimeException e) {
            throw new LocalDataException(name + ": cannot read this adapter configuration: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new LocalDataException(name + ": expected a mapping of keys (id, kind, file, fields, ...)");
        }
        for (Object k : map.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                throw new LocalDataException(name + ": unknown key '" + k + "'; known keys: " + sorted(KEYS));
            }
        }
        String id = required(name, map, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new LocalDataException(name + ": id '" + id + "' must be lower-case letters, digits and dashes");
        }
        String type = optional(map, "type", "csv");
        if (!type.equals("csv")) {
            throw new LocalDataException(name + ": type '" + type + "' is not supported (this version reads: csv)");
        }
        String kindName = required(name, map, "kind");
        LocalItem.Kind kind = switch (kindName) {
            case "project" -> LocalItem.Kind.PROJECT;
            case "worksite" -> LocalItem.Kind.WORKSITE;
            default -> throw new LocalDataException(name + ": kind '" + kindName + "' must be project or worksite");
        };
        String file = required(name, map, "file");
        if (file.startsWith("http://") || file.startsWith("https://")) {
            throw new LocalDataException(name + ": file '" + file + "' is a URL; this version reads local files only");
        }
        Charset charset;
        try {
            charset = Charset.forName(optional(map, "encoding", "UTF-8"));
        } catch (RuntimeException e) {
            throw new LocalDataException(name + ": unknown encoding '" + map.get("encoding") + "'");
        }
        String sep = optional(map, "separator", ",");
        if (sep.length() != 1) {
            throw new LocalDataException(name + ": separator must be one character, was '" + sep + "'");
        }
        LocalDate dataDate = date(name, map.get("dataDate"));
        var description = new LocalDataSource.Description(required(name, map, "publisher"),
                required(name, map, "licence"), required(name, map, "url"), dataDate);
        if (!(map.get("fields") instanceof Map<?, ?> f)) {
            throw new LocalDataException(name + ": missing key 'fields' (a mapping from field to column name)");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (var e : f.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (!FIELDS.contains(k)) {
                throw new LocalDataException(name + ": unknown key 'fields." + k + "'; known fields: " + sorted(FIELDS));
            }
            fields.put(k, String.valueOf(e.getValue()));
        }
        if (!fields.containsKey("title")) {
            throw new LocalDataException(name + ": missing key 'fields.title'");
        }
        return new AdapterConfig(name, id, type, kind, baseDirectory.resolve(file), charset, sep.charAt(0),
                description, Map.copyOf(fields));
    }

    private static LocalDate date(String name, Object v) {
        if (v == null) {
            throw new LocalDataException(name + ": missing key 'dataDate' (the date of the data, 2025-12-14)");
        }
        // YAML reads an unquoted 2025-12-14 as a timestamp.
        if (v instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(v));
        } catch (RuntimeException e) {
            throw new LocalDataException(name + ": dataDate '" + v + "' is not a date like 2025-12-14");
        }
    }

    private static String required(String name, Map<?, ?> map, String key) {
        Object v = map.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new LocalDataException(name + ": missing key '" + key + "'");
        }
        return String.valueOf(v).strip();
    }

    private static String optional(Map<?, ?> map, String key, String fallback) {
        Object v = map.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    private static String sorted(Set<String> s) {
        return String.join(", ", s.stream().sorted().toList());
    }
}
