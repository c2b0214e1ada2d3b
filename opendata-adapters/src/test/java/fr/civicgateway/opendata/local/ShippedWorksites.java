package fr.civicgateway.opendata.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Ville de Paris worksites export the project ships ({@code data/paris/chantiers-a-paris.csv}), and the same
 * records as other platforms serve them, for tests of those platforms' adapters. Nothing here is invented: every
 * record is a row of the shipped file, rewritten as the OpenDataSoft Explore API v2.1 writes records (its field names
 * for this dataset, numbers as numbers, multi-valued fields as lists, {@code geo_point_2d} as {@code {lon, lat}},
 * {@code geo_shape} as a Feature) or as a GeoJSON FeatureCollection (its {@code geo_shape} as the geometry, its
 * columns as properties). The rows are read with the adapters' own CSV reader, which CsvLocalDataSourceTest checks
 * against a naive scan of the same file.
 */
final class ShippedWorksites {

    /** The OpenDataSoft field names of the dataset {@code chantiers-a-paris}, in the export's column order. */
    static final List<String> ODS_FIELDS = List.of("num_emprise", "cp_arrondissement", "date_debut", "date_fin",
            "chantier_categorie", "moa_principal", "surface", "chantier_synthese", "localisation_detail",
            "localisation_stationnement", "demande_cite_id", "chantier_cite_id", "geo_shape", "geo_point_2d");
    /** What the export's column "Responsable du chantier" holds for private building works. */
    static final String PRIVATE_WORKS = "Tiers (travaux sur bâtiment)";

    private static List<List<String>> all;

    private ShippedWorksites() {
    }

    static Path root() {
        String property = System.getProperty("civic.repository-root");
        if (property != null) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("config/adapters"))) {
                return dir;
            }
        }
        throw new IllegalStateException("set the system property civic.repository-root");
    }

    /** Every row (header included at index 0). */
    static synchronized List<List<String>> table() throws IOException {
        if (all == null) {
            String csv = Files.readString(root().resolve("data/paris/chantiers-a-paris.csv"), StandardCharsets.UTF_8);
            all = CsvTable.parse(csv, ';').rows();
        }
        return all;
    }

    /** The first {@code n} records, without the header. */
    static List<List<String>> first(int n) throws IOException {
        return table().subList(1, n + 1);
    }

    static ObjectNode odsRecord(List<String> row) {
        ObjectNode r = Records.JSON.createObjectNode();
        for (int i = 0; i < ODS_FIELDS.size(); i++) {
            String name = ODS_FIELDS.get(i);
            String v = row.get(i);
            switch (name) {
                case "surface" -> {
                    if (v.isEmpty()) {
                        r.putNull(name);
                    } else {
                        r.put(name, Double.parseDouble(v));
                    }
                }
                case "localisation_detail", "localisation_stationnement" -> {
                    ArrayNode list = r.putArray(name);
                    for (String part : v.split(",")) {
                        if (!part.isBlank()) {
                            list.add(part.strip());
                        }
                    }
                }
                case "geo_shape" -> {
                    ObjectNode feature = r.putObject(name);
                    feature.put("type", "Feature");
                    feature.set("geometry", Records.JSON.readTree(v));
                    feature.putObject("properties");
                }
                case "geo_point_2d" -> {
                    String[] latLon = v.split(",");
                    ObjectNode p = r.putObject(name);
                    p.put("lon", Double.parseDouble(latLon[1].strip()));
                    p.put("lat", Double.parseDouble(latLon[0].strip()));
                }
                default -> {
                    if (v.isEmpty()) {
                        r.putNull(name);
                    } else {
                        r.put(name, v);
                    }
                }
            }
        }
        return r;
    }

    /** A records page of the v2.1 API: {@code {"total_count": …, "results": [ … ]}}. */
    static String odsPage(List<List<String>> rows, int offset, int limit) {
        ObjectNode page = Records.JSON.createObjectNode();
        page.put("total_count", rows.size());
        ArrayNode results = page.putArray("results");
        for (List<String> row : rows.subList(Math.min(offset, rows.size()), Math.min(rows.size(), offset + limit))) {
            results.add(odsRecord(row));
        }
        return page.toString();
    }

    /** The exports/json body: the records, as one array. */
    static String odsExport(List<List<String>> rows) {
        ArrayNode array = Records.JSON.createArrayNode();
        rows.forEach(r -> array.add(odsRecord(r)));
        return array.toString();
    }

    /**
     * The dataset's description, with only what the adapter reads. The export is documented as taken about
     * 2025-12-14 (data/SOURCES.md): that is the processing date given here; its time of day is made up.
     */
    static String odsDataset(String processed) {
        return """
                {"dataset_id": "chantiers-a-paris", "has_records": true,
                 "metas": {"default": {"title": "Chantiers à Paris", "publisher": "Ville de Paris",
                   "license": "ODbL", "modified": "%s", "data_processed": "%s"}}}""".formatted(processed, processed);
    }

    static String geoJson(List<List<String>> rows) throws IOException {
        List<String> header = table().getFirst();
        ObjectNode fc = Records.JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (List<String> row : rows) {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.set("geometry", Records.JSON.readTree(row.get(header.indexOf("geo_shape"))));
            ObjectNode props = f.putObject("properties");
            for (int i = 0; i < header.size(); i++) {
                if (!header.get(i).startsWith("geo_")) {
                    props.put(header.get(i), row.get(i).isEmpty() ? null : row.get(i));
                }
            }
        }
        return fc.toString();
    }

    /** The export's own point for a row (ODS's {@code geo_point_2d}), {latitude, longitude}. */
    static double[] point(List<String> row) {
        String[] latLon = row.get(13).split(",");
        return new double[] {Double.parseDouble(latLon[0].strip()), Double.parseDouble(latLon[1].strip())};
    }

    static JsonNode json(String s) {
        return Records.JSON.readTree(s);
    }
}
