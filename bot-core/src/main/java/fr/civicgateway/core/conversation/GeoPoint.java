package fr.civicgateway.core.conversation;

/** A WGS84 position a user shared (a Telegram location). */
public record GeoPoint(double latitude, double longitude) {
    public GeoPoint {
        if (latitude < -90 || latitude > 90) {
            throw new IllegalArgumentException("latitude must be within [-90, 90]: " + latitude);
        }
        if (longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("longitude must be within [-180, 180]: " + longitude);
        }
    }
}
