package fr.civicgateway.connectors.charts;

import java.util.List;
import java.util.Locale;

/**
 * One chart ready to draw, in one language: its words (title, the description of its numbers in words, the source
 * line, the series' names), its numbers, and the same numbers as the rows of its CSV.
 *
 * @param style        lines of percentages (participation), a line of an index (cohesion) or stacked counts
 *                     (positions, groups)
 * @param categories   the x axis: months ({@code 2025-03}) or groups' abbreviations
 * @param series       one per line or per stacked part, each with one value per category (NaN: no value)
 * @param emptyMessage what the chart says instead of axes when there is nothing to draw; null when there is
 * @param csvHeader    the CSV's column names, stable whatever the language
 * @param csvRows      the CSV's rows, numbers as numbers
 * @param locale       how the axes write numbers (French or English)
 */
record ChartModel(String title, String description, String sourceLine, String csvLine, Style style,
                  String valueAxis, List<String> categories, List<Series> series, String emptyMessage,
                  List<String> csvHeader, List<List<Object>> csvRows, Locale locale) {

    /** Lines of percentages (0–100), a line of an index (0–1), or stacked counts. */
    enum Style { PERCENT_LINES, INDEX_LINE, STACKED_COUNTS }

    record Series(String label, double[] values) {
    }

    ChartModel {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        csvHeader = List.copyOf(csvHeader);
        csvRows = List.copyOf(csvRows);
    }

    boolean empty() {
        return emptyMessage != null;
    }
}
