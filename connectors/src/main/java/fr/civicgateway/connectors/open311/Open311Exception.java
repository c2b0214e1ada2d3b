package fr.civicgateway.connectors.open311;

/** An Open311 error: answered as {@code [{"code": <status>, "description": "..."}]} with that HTTP status. */
final class Open311Exception extends RuntimeException {

    private final int status;

    Open311Exception(int status, String description) {
        super(description, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
