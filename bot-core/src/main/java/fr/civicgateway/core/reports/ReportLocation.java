package fr.civicgateway.core.reports;

/**
 * Where a problem is: a position, an address text, a commune, or several of them. At least a position or an
 * address is present.
 *
 * @param latitude    WGS84 latitude, or null
 * @param longitude   WGS84 longitude, or null (present exactly when latitude is)
 * @param address     the place as the citizen wrote it ("12 rue Voltaire, Annecy"), or null
 * @param communeCode the INSEE code of the commune, or null when unknown
 */
public record ReportLocation(Double latitude, Double longitude, String address, String communeCode) {

    public static final int MAX_ADDRESS_LENGTH = 500;

    public ReportLocation {
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("latitude and longitude go together: " + latitude + ", " + longitude);
        }
        if (latitude != null && (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180)) {
            throw new IllegalArgumentException("position out of range: " + latitude + ", " + longitude);
        }
        if (address != null && address.isBlank()) {
            address = null;
        }
        if (address != null && address.length() > MAX_ADDRESS_LENGTH) {
            throw new IllegalArgumentException("address must be at most " + MAX_ADDRESS_LENGTH + " characters, was "
                    + address.length());
        }
        if (latitude == null && address == null) {
            throw new IllegalArgumentException("a location needs a position or an address");
        }
    }

    public boolean hasPosition() {
        return latitude != null;
    }
}
