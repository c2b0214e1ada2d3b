package fr.civicgateway.core.reports;

import java.util.Locale;
import java.util.Optional;

/** The two statuses of Open311 GeoReport v2. */
public enum ReportStatus {
    OPEN, CLOSED;

    /** {@code open} / {@code closed}, as on the wire. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportStatus> fromApiName(String s) {
        if (s == null) {
            return Optional.empty();
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> Optional.of(OPEN);
            case "closed" -> Optional.of(CLOSED);
            default -> Optional.empty();
        };
    }
}
