package fr.civicgateway.core.local;

/** A local data source could not be configured or read; the message names the file and the key or line. */
public class LocalDataException extends RuntimeException {

    public LocalDataException(String message) {
        super(message);
    }

    public LocalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
