package fr.civicgateway.opendata.local;

/**
 * A remote source could not be fetched, or what it sent is not usable: unreachable, too slow, an error status, a body
 * too large or not in the expected format. The message names the URL (without its query) and why, in one line, with
 * no secret and no personal data: it is logged and shown to the operator as the source's last error.
 */
final class FetchException extends Exception {

    FetchException(String message) {
        super(message);
    }

    FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
