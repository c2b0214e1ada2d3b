package fr.civicgateway.opendata.geo;

/**
 * The geographic data files could not be read: a file is missing, or one of its lines or rows is malformed.
 * The message names the file and the line (or spreadsheet row), so that a bad data update is fixed at once.
 *
 * <p>Thrown only while loading ({@link GeoTablesLoader}); a loaded {@link GeoTables} never throws it.
 */
public final class GeoDataException extends RuntimeException {

    GeoDataException(String message) {
        super(message);
    }

    GeoDataException(String message, Throwable cause) {
        super(message, cause);
    }

    static GeoDataException at(String file, long line, String problem) {
        return new GeoDataException(file + ", line " + line + ": " + problem);
    }
}
