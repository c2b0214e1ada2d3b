package fr.civicgateway.connectors.charts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which chart: its kind and the id of what it is about (a deputy's uid, a scrutin's number, a group's uid), as its
 * path under the records API names it, {@code /api/v1/deputies/PA720892/charts/participation}.
 */
record ChartRef(Kind kind, String id) {

    /** The four charts; their paths are a contract (docs/journalists/charts.md). */
    enum Kind {
        PARTICIPATION("deputies", "participation"),
        POSITIONS("deputies", "positions"),
        GROUPS("scrutins", "groups"),
        COHESION("groups", "cohesion");

        final String collection;
        final String name;

        Kind(String collection, String name) {
            this.collection = collection;
            this.name = name;
        }
    }

    private static final Pattern PATH = Pattern.compile(
            "/api/v1/(deputies|scrutins|groups)/([A-Za-z0-9]{1,32})/charts/([a-z]+)(?:\\.(?:svg|png|csv))?");

    /** The chart a path names, with or without its format's extension; empty for any other path. */
    static Optional<ChartRef> parse(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        for (Kind k : Kind.values()) {
            if (k.collection.equals(m.group(1)) && k.name.equals(m.group(3))) {
                return Optional.of(new ChartRef(k, m.group(2)));
            }
        }
        return Optional.empty();
    }

    /** {@code /api/v1/deputies/PA720892/charts/participation}, without extension. */
    String path() {
        return "/api/v1/" + kind.collection + "/" + id + "/charts/" + kind.name;
    }

    /** {@code PA720892-participation}: the name of a downloaded file, before its extension. */
    String fileName() {
        return id + "-" + kind.name;
    }
}
