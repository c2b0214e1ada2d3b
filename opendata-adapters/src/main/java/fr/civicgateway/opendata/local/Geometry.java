package fr.civicgateway.opendata.local;

import tools.jackson.databind.JsonNode;

/**
 * One position for a GeoJSON geometry (RFC 7946: WGS84, {@code [longitude, latitude]}), to rank items by distance:
 * a Point is itself; a Polygon is the mean of its outer ring's vertices (the closing vertex counted once), a
 * MultiPolygon that of its first polygon — for a worksite's footprint, a few metres across, that is its centre; a
 * line or a set of points is its first position; a GeometryCollection is its first geometry's. A worksite's
 * distance "à 350 m" does not need more.
 */
final class Geometry {

    private Geometry() {
    }

    /** {latitude, longitude}, or null without a geometry; throws IllegalArgumentException for a malformed one. */
    static double[] position(JsonNode g) {
        if (g == null || g.isNull() || g.isMissingNode()) {
            return null;
        }
        String type = g.path("type").asString("");
        JsonNode c = g.path("coordinates");
        return switch (type) {
            case "Point" -> point(c);
            case "MultiPoint", "LineString" -> point(c.path(0));
            case "MultiLineString" -> point(c.path(0).path(0));
            case "Polygon" -> ringMean(c.path(0));
            case "MultiPolygon" -> ringMean(c.path(0).path(0));
            case "GeometryCollection" -> position(g.path("geometries").path(0));
            default -> throw new IllegalArgumentException("unknown geometry type '" + type + "'");
        };
    }

    private static double[] point(JsonNode p) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException("a position is not [longitude, latitude]");
        }
        return new double[] {p.get(1).asDouble(), p.get(0).asDouble()};
    }

    private static double[] ringMean(JsonNode ring) {
        if (!ring.isArray() || ring.isEmpty()) {
            throw new IllegalArgumentException("a polygon without an outer ring");
        }
        int n = ring.size();
        // A ring is closed: its last position repeats its first.
        if (n > 1 && ring.get(0).equals(ring.get(n - 1))) {
            n--;
        }
        double lat = 0;
        double lon = 0;
        for (int i = 0; i < n; i++) {
            double[] p = point(ring.get(i));
            lat += p[0];
            lon += p[1];
        }
        return new double[] {lat / n, lon / n};
    }
}
