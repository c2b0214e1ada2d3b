package fr.civicgateway.opendata.local;

import fr.civicgateway.core.local.LocalDataException;
import fr.civicgateway.core.local.LocalDataSource;
import fr.civicgateway.core.local.LocalItem;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import okhttp3.HttpUrl;
import fr.civicgateway.opendata.yaml.StrictYaml;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import tools.jackson.databind.JsonNode;

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

    private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile("(\\d+)\\s*(s|m|h|d)");
    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", java.util.regex.Pattern.CASE_INSENSITIVE);

    boolean isRemote() {
        return type == Type.OPENDATASOFT || remote != null;
    }

    /**
     * The file as written: every key it may hold, bound by {@link StrictYaml} (strings where the file's forms are
     * richer than one type, 30m or PT30M, 20MB or 20971520). Which keys apply depends on the type: that is checked
     * on the tree before binding, so that the message names the type's own keys.
     */
    record AdapterFile(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes")
            String id,
            String type,
            @NotBlank String kind,
            String file,
            LocalDate dataDate,
            String encoding,
            String separator,
            @NotBlank String publisher,
            @NotBlank String licence,
            @NotBlank String url,
            @NotNull @Valid Fields fields,
            String portal,
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*",
                    message = "is not an OpenDataSoft dataset id (the last part of …/explore/dataset/<id>/)")
            String dataset,
            String where,
            String select,
            @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*",
                    message = "is not an environment variable name (letters, digits and _)")
            String apiKeyVariable,
            String refresh,
            String maxSize) {
    }

    /** {@code fields:}: which of the source's columns, properties or fields holds each of ours. */
    record Fields(@NotBlank String title, String id, String description, String status, String address,
                  String postcode, String start, String end, String coordinates, String latitude, String longitude,
                  String link) {

        /** The fields written, in {@link #FIELDS}' names. */
        Map<String, String> asMap() {
            Map<String, String> m = new LinkedHashMap<>();
            for (var c : Fields.class.getRecordComponents()) {
                try {
                    Object v = c.getAccessor().invoke(this);
                    if (v != null) {
                        m.put(c.getName(), (String) v);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return m;
        }
    }

    private static final StrictYaml YAML = StrictYaml.camelCase();

    static AdapterConfig read(Path yml, Path baseDirectory) {
        return read(yml.getFileName().toString(), tree(yml), baseDirectory);
    }

    /** The file's tree, before any check of its keys. */
    static JsonNode tree(Path yml) {
        String name = yml.getFileName().toString();
        try {
            return YAML.readTree(yml);
        } catch (StrictYaml.Invalid e) {
            throw new LocalDataException(message(name, e), e);
        }
    }

    /** Whether the tree is a news feed's configuration ({@code type: feed}), read by {@link FeedConfig}. */
    static boolean isFeed(JsonNode root) {
        return root != null && root.isObject() && root.hasNonNull("type") && "feed".equals(root.get("type").asString());
    }

    /** The file's own wording of a binding failure: {@code ma-ville.yml: missing key 'fields.title'}. */
    static String message(String name, StrictYaml.Invalid e) {
        return switch (e.problem()) {
            case UNREADABLE -> name + ": cannot read this adapter configuration: " + e.detail();
            case NOT_A_MAPPING -> e.key().isEmpty()
                    ? name + ": expected a mapping of keys (id, type, kind, file, fields, ...)"
                    : name + ": key '" + e.key() + "' must be a mapping of keys";
            case UNKNOWN_KEY -> name + ": unknown key '" + e.key() + "'; known "
                    + (e.key().startsWith("fields.") ? "fields: " : "keys: ") + String.join(", ", e.knownKeys());
            case WRONG_TYPE -> name + ": key '" + e.key() + "' must be " + e.expected()
                    + (e.value() == null ? "" : ", was '" + e.value() + "'");
            case MISSING -> name + ": missing key '" + e.key() + "'";
            case INVALID -> name + ": " + e.key() + " '" + e.value() + "' " + e.detail();
        };
    }

    static AdapterConfig read(String name, JsonNode root, Path baseDirectory) {
        try {
            return bound(name, root, baseDirectory);
        } catch (StrictYaml.Invalid e) {
            throw new LocalDataException(message(name, e), e);
        }
    }

    private static AdapterConfig bound(String name, JsonNode root, Path baseDirectory) {
        if (root == null || !root.isObject()) {
            throw new LocalDataException(name + ": expected a mapping of keys (id, type, kind, file, fields, ...)");
        }
        if (root.has("apiKey") || root.has("apikey")) {
            throw new LocalDataException(name + ": an API key never goes in this file; set apiKeyVariable to the name"
                    + " of the environment variable that holds it");
        }
        String typeName = root.hasNonNull("type") ? root.get("type").asString() : "csv";
        Type type = switch (typeName) {
            case "csv" -> Type.CSV;
            case "geojson" -> Type.GEOJSON;
            case "opendatasoft" -> Type.OPENDATASOFT;
            default -> throw new LocalDataException(name + ": type '" + typeName
                    + "' is not supported; use csv, geojson, opendatasoft or feed (a news feed)");
        };
        JsonNode fileValue = root.get("file");
        boolean remoteFile = fileValue != null && fileValue.isString() && fileValue.asString().matches("(?i)https?://.*");
        Set<String> allowed = keysOf(type, type == Type.OPENDATASOFT || remoteFile);
        for (String key : root.propertyNames()) {
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
        AdapterFile f = YAML.validate(name, YAML.bind(name, root, AdapterFile.class));
        LocalItem.Kind kind = switch (f.kind().strip()) {
            case "project" -> LocalItem.Kind.PROJECT;
            case "worksite" -> LocalItem.Kind.WORKSITE;
            default -> throw new LocalDataException(name + ": kind '" + f.kind() + "' must be project or worksite");
        };
        Path path = null;
        HttpUrl remote = null;
        String fileWritten = null;
        Ods ods = null;
        if (type == Type.OPENDATASOFT) {
            HttpUrl portal = url(name, "portal", required(name, f.portal(), "portal"));
            String dataset = required(name, f.dataset(), "dataset");
            ods = new Ods(portal, dataset, text(f.where()), text(f.select()), text(f.apiKeyVariable()));
        } else {
            fileWritten = required(name, f.file(), "file");
            if (remoteFile) {
                remote = url(name, "file", fileWritten);
            } else {
                path = baseDirectory.resolve(fileWritten);
            }
        }
        Charset charset = StandardCharsets.UTF_8;
        if (f.encoding() != null) {
            try {
                charset = Charset.forName(f.encoding());
            } catch (RuntimeException e) {
                throw new LocalDataException(name + ": unknown encoding '" + f.encoding() + "'");
            }
        }
        String sep = f.separator() == null ? "," : f.separator();
        if (sep.length() != 1) {
            throw new LocalDataException(name + ": separator must be one character, was '" + sep + "'");
        }
        boolean isRemote = type == Type.OPENDATASOFT || remote != null;
        if (!isRemote && f.dataDate() == null) {
            throw new LocalDataException(name + ": missing key 'dataDate' (the date of the data, 2025-12-14)");
        }
        var description = new LocalDataSource.Description(f.publisher().strip(), f.licence().strip(),
                f.url().strip(), isRemote ? null : f.dataDate());
        // In the file's order: the first missing column is the one reported.
        Map<String, String> bound = f.fields().asMap();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String k : root.get("fields").propertyNames()) {
            if (bound.containsKey(k)) {
                fields.put(k, bound.get(k));
            }
        }
        for (var e : fields.entrySet()) {
            if (e.getValue().isBlank()) {
                throw new LocalDataException(name + ": key 'fields." + e.getKey() + "' names no column");
            }
        }
        if (fields.containsKey("latitude") != fields.containsKey("longitude")) {
            throw new LocalDataException(name + ": key 'fields." + (fields.containsKey("latitude") ? "longitude" : "latitude")
                    + "' is missing: latitude and longitude go together (or use coordinates)");
        }
        Duration refresh = isRemote ? duration(name, f.refresh()) : null;
        Long maxBytes = isRemote && f.maxSize() != null ? size(name, f.maxSize()) : null;
        return new AdapterConfig(name, f.id(), type, kind, path, remote, fileWritten, charset, sep.charAt(0),
                description, java.util.Collections.unmodifiableMap(fields), ods, refresh, maxBytes);
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

    private static String required(String name, String value, String key) {
        if (value == null || value.isBlank()) {
            throw new LocalDataException(name + ": missing key '" + key + "'");
        }
        return value.strip();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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
