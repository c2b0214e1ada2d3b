package fr.civicgateway.connectors.open311;

/**
 * The key an Open311 client must send as {@code api_key} to post requests, from the environment variable
 * {@code CIVIC_OPEN311_API_KEY} only. Null when not set: then posting answers 403.
 */
record Open311ApiKey(String value) {

    static final String VARIABLE = "CIVIC_OPEN311_API_KEY";

    Open311ApiKey {
        value = value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "Open311ApiKey[" + (value == null ? "none" : "set") + "]";
    }
}
