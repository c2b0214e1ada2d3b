package fr.civicgateway.connectors.charts;

import java.util.Locale;
import java.util.Optional;

/** The three forms of a chart: the drawing as SVG or PNG, and its numbers as CSV. */
enum ChartFormat {
    SVG("image/svg+xml;charset=UTF-8"),
    PNG("image/png"),
    CSV("text/csv;charset=UTF-8");

    final String mediaType;

    ChartFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ChartFormat> of(String extension) {
        for (ChartFormat f : values()) {
            if (f.extension().equals(extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
