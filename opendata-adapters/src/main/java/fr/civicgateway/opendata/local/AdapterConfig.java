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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One {@code config/adapters/*.yml} file, checked: an unknown key (a typo would otherwise silently drop a field), a
 * key that does not apply to the source's type, or a missing required one fails with the file's name and the key.
 * Only the configuration is checked here; the data itself is read by the sources.
 *
 * @param file        the configuration's file name, for messages
 * @param path        the local file ({@code file:} a path), or null
 * @param remote      the file's URL ({@code file:} an http(s) URL), or null
 * @param fileWritten {@code file:} as written (relative paths stay relative), or null for OpenDataSoft
 * @param description publisher, licence, reader's URL; the data date only for a local file (a remote source's
 *                    comes from its data)
 * @param fields      mapping from {@link #FIELDS} to the source's column, property or field names
 * @param ods         the OpenDataSoft dataset, for that type only
 * @param refresh     how often a remote source is fetched again; null for a local file
 * @param maxBytes    the largest download accepted from a remote source, or null for the gateway's default
 */
record AdapterConfig(String file, String id, Type type, LocalItem.Kind kind, Path path, HttpUrl remote,
                     String fileWritten, Charset encoding, char separator, LocalDataSource.Description description,
                     Map<String, String> fields, Ods ods, Duration refresh, Long maxBytes) {

    /** What reads the source: a file's format, or the API it is served by. */
    enum Type {
        CSV("csv"), GEOJSON("geojson"), OPENDATASOFT("opendatasoft");

        final String key;

        Type(String key) {
            this.key = key;
        }
    }

    /**
     * An OpenDataSoft Explore API v2.1 dataset.
     *
     * @param portal         the portal's base URL, {@code https://opendata.paris.fr}
     * @param dataset        its dataset id, {@code chantiers-a-paris}
     * @param where          an ODSQL filter, or null
     * @param select         an ODSQL select, or null
     * @param apiKeyVariable the environment variable holding an API key, or null for anonymous access
     */
    record Ods(HttpUrl portal, String dataset, String where, String select, String apiKeyVariable) {
    }

    static final Duration DEFAULT_REFRESH = Duration.ofHours(1);
    static final Duration MIN_REFRESH = Duration.ofMinutes(1);

    static final Set<String> COMMON = Set.of("id", "type", "kind", "publisher", "licence", "url", "fields");
    static final Set<String> FILE_KEYS = Set.of("file", "dataDate");
    static final Set<String> CSV_KEYS = Set.of("encoding", "separator");
    static final Set<String> ODS_KEYS = Set.of("portal", "dataset", "where", "select", "apiKeyVariable");
    static final Set<String> REMOTE_KEYS = Set.of("refresh", "maxSize");
    static final Set<String> FIELDS = Set.of("id", "title", "description", "status", "address", "postcode", "start",
            "end", "coordinates", "latitude", "longitude", "link");

    private static final Pattern DATASET_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

    boolean isRemote() {
        return type == Type.OPENDATASOFT || remote != null;
    }

    static AdapterConfig read(Path yml, Path baseDirectory) {
        String name = yml.getFileName().toString();
        Object root;
        try (Reader r = Files.newBufferedReader(yml, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException | RuntimeException e) {
            throw new LocalDataException(name + ": cannot read this adapter configuration: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new LocalDataException(name + ": expected a mapping of keys (id, type, kind, file, fields, ...)");
        }
        if (map.containsKey("apiKey") || map.containsKey("apikey")) {
            throw new LocalDataException(name + ": an API key never goes in this file; set apiKeyVariable to the name"
                    + " of the environment variable that holds it");
        }
        String typeName = optional(map, "type", "csv");
        Type type = switch (typeName) {
            case "csv" -> Type.CSV;
            case "geojson" -> Type.GEOJSON;
            case "opendatasoft" -> Type.OPENDATASOFT;
            default -> throw new LocalDataException(name + ": type '" + typeName
                    + "' is not supported; use csv, geojson or opendatasoft");
        };
        Object fileValue = map.get("file");
        boolean remoteFile = fileValue != null && String.valueOf(fileValue).matches("(?i)https?://.*");
        Set<String> allowed = keysOf(type, type == Type.OPENDATASOFT || remoteFile);
        for (Object k : map.keySet()) {
            String key = String.valueOf(k);
            if (allowed.contains(key)) {
                continue;
            }
            if (key.equals("dataDate") && (type == Type.OPENDATASOFT || remoteFile)) {
                throw new LocalDataException(name + ": key 'dataDate' is for a local file; the date of a remote source"
                        + " comes from its data (an OpenDataSoft dataset's processing date, a URL's Last-Modified)");
            }
            if (REMOTE_KEYS.contains(key)) {
                throw new LocalDataException(name + ": key '" + key + "' is for a remote source (file: an http(s) URL,"
                        + " or type opendatasoft); this one is a local file");
            }
            boolean known = COMMON.contains(key) || FILE_KEYS.contains(key) || CSV_KEYS.contains(key)
                    || ODS_KEYS.contains(key) || REMOTE_KEYS.contains(key);
            throw new LocalDataException(known
                    ? name + ": key '" + key + "' does not apply to type " + type.key + "; its keys: " + sorted(allowed)
                    : name + ": unknown key '" + key + "'; known keys for type " + type.key + ": " + sorted(allowed));
        }
        String id = required(name, map, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new LocalDataException(name + ": id '" + id + "' must be lower-case letters, digits and dashes");
        }
        String kindName = required(name, map, "kind");
        LocalItem.Kind kind = switch (kindName) {
            case "project" -> LocalItem.Kind.PROJECT;
            case "worksite" -> LocalItem.Kind.WORKSITE;
            default -> throw new LocalDataException(name + ": kind '" + kindName + "' must be project or worksite");
        };
        Path path = null;
        HttpUrl remote = null;
        String fileWritten = null;
        Ods ods = null;
        if (type == Type.OPENDATASOFT) {
            HttpUrl portal = url(name, "portal", required(name, map, "portal"));
            String dataset = required(name, map, "dataset");
            if (!DATASET_ID.matcher(dataset).matches()) {
                throw new LocalDataException(name + ": dataset '" + dataset + "' is not an OpenDataSoft dataset id"
                        + " (the last part of …/explore/dataset/<id>/)");
            }
            String variable = optionalText(map, "apiKeyVariable");
            if (variable != null && !ENV_NAME.matcher(variable).matches()) {
                throw new LocalDataException(name + ": apiKeyVariable '" + variable + "' is not an environment"
                        + " variable name (letters, digits and _)");
            }
            ods = new Ods(portal, dataset, optionalText(map, "where"), optionalText(map, "select"), variable);
        } else {
            fileWritten = required(name, map, "file");
            if (remoteFile) {
                remote = url(name, "file", fileWritten);
            } else {
                path = baseDirectory.resolve(fileWritten);
            }
        }
        Charset charset = StandardCharsets.UTF_8;
        if (map.containsKey("encoding")) {
            try {
                charset = Charset.forName(String.valueOf(map.get("encoding")));
            } catch (RuntimeException e) {
                throw new LocalDataException(name + ": unknown encoding '" + map.get("encoding") + "'");
            }
        }
        String sep = optional(map, "separator", ",");
        if (sep.length() != 1) {
            throw new LocalDataException(name + ": separator must be one character, was '" + sep + "'");
        }
        boolean isRemote = type == Type.OPENDATASOFT || remote != null;
        LocalDate dataDate = isRemote ? null : date(name, map.get("dataDate"));
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
            if (e.getValue() == null || String.valueOf(e.getValue()).isBlank()) {
                throw new LocalDataException(name + ": key 'fields." + k + "' names no column");
            }
            fields.put(k, String.valueOf(e.getValue()));
        }
        if (!fields.containsKey("title")) {
            throw new LocalDataException(name + ": missing key 'fields.title'");
        }
        if (fields.containsKey("latitude") != fields.containsKey("longitude")) {
            throw new LocalDataException(name + ": key 'fields." + (fields.containsKey("latitude") ? "longitude" : "latitude")
                    + "' is missing: latitude and longitude go together (or use coordinates)");
        }
        Duration refresh = isRemote ? duration(name, map.get("refresh")) : null;
        Long maxBytes = isRemote && map.containsKey("maxSize") ? size(name, map.get("maxSize")) : null;
        return new AdapterConfig(name, id, type, kind, path, remote, fileWritten, charset, sep.charAt(0), description,
                java.util.Collections.unmodifiableMap(fields), ods, refresh, maxBytes);
    }

    /** Where the data is fetched from, as an operator reads it: the file as written, or the records endpoint. */
    String location() {
        if (ods != null) {
            return OpenDataSoftFetcher.datasetUrl(ods).newBuilder().addPathSegment("records").build().toString();
        }
        return fileWritten;
    }

    /** What the data depends on: a last good copy made under another configuration is not this source's data. */
    String origin() {
        if (ods != null) {
            return String.join("\n", ods.portal().toString(), ods.dataset(), String.valueOf(ods.where()),
                    String.valueOf(ods.select()));
        }
        return type.key + "\n" + fileWritten + "\n" + encoding.name() + "\n" + separator;
    }

    private static HttpUrl url(String name, String key, String value) {
        HttpUrl u = HttpUrl.parse(value);
        if (u == null || !(u.scheme().equals("http") || u.scheme().equals("https"))) {
            throw new LocalDataException(name + ": " + key + " '" + value + "' is not an http(s) URL");
        }
        if (u.username().length() > 0 || u.password().length() > 0) {
            throw new LocalDataException(name + ": " + key + " must not hold a user name or password; a secret goes in"
                    + " the environment (apiKeyVariable)");
        }
        return u;
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
        } catch (DateTimeParseException e) {
            throw new LocalDataException(name + ": dataDate '" + v + "' is not a date like 2025-12-14");
        }
    }

    /** {@code 30m}, {@code 1h}, {@code 1d} (or an ISO-8601 {@code PT1H}); at least a minute; default an hour. */
    static Duration duration(String name, Object v) {
        if (v == null) {
            return DEFAULT_REFRESH;
        }
        String s = String.valueOf(v).strip();
        Duration d;
        Matcher m = DURATION.matcher(s);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(s);
            } catch (DateTimeParseException e) {
                throw new LocalDataException(name + ": refresh '" + s + "' is not a duration like 30m, 1h or 1d");
            }
        }
        if (d.compareTo(MIN_REFRESH) < 0) {
            throw new LocalDataException(name + ": refresh '" + s + "' is shorter than a minute");
        }
        return d;
    }

    /** {@code 20MB}, {@code 500KB}, or a number of bytes. */
    static long size(String name, Object v) {
        Matcher m = SIZE.matcher(String.valueOf(v).strip());
        if (!m.matches()) {
            throw new LocalDataException(name + ": maxSize '" + v + "' is not a size like 20MB or 500KB");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long bytes = switch (unit) {
            case "KB" -> n << 10;
            case "MB" -> n << 20;
            case "GB" -> n << 30;
            default -> n;
        };
        if (bytes <= 0) {
            throw new LocalDataException(name + ": maxSize must be positive, was '" + v + "'");
        }
        return bytes;
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

    private static String optionalText(Map<?, ?> map, String key) {
        Object v = map.get(key);
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).strip();
    }

    private static String sorted(Set<String> s) {
        return String.join(", ", s.stream().sorted().toList());
    }

    /** The keys a configuration of this type may hold. */
    static Set<String> keysOf(Type type, boolean remote) {
        Set<String> all = new java.util.TreeSet<>(COMMON);
        switch (type) {
            case CSV -> {
                all.addAll(FILE_KEYS);
                all.addAll(CSV_KEYS);
            }
            case GEOJSON -> all.addAll(FILE_KEYS);
            case OPENDATASOFT -> all.addAll(ODS_KEYS);
        }
        if (remote) {
            all.addAll(REMOTE_KEYS);
            all.remove("dataDate");
        }
        return all;
    }
}
