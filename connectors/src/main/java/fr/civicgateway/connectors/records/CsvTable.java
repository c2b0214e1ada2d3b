package fr.civicgateway.connectors.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV answer: a header row, then one row per item, RFC 4180 (comma, double quotes, CRLF), UTF-8. A cell that a
 * spreadsheet would read as a formula — it starts with {@code = + - @}, a tab or a carriage return — is written with
 * a leading apostrophe, as OWASP advises against CSV injection: the Assemblée's titles are the Assemblée's text,
 * not a formula to run on a journalist's machine.
 */
final class CsvTable {

    private final List<String> header;
    /** A row's cells, or a row written ahead ({@link Part}). */
    private final List<Object> rows = new ArrayList<>();

    CsvTable(String... header) {
        this.header = List.of(header);
    }

    CsvTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells under a header of " + header.size());
        }
        rows.add(java.util.Arrays.asList(cells));
        return this;
    }

    /**
     * Consecutive cells written once as CSV, for a part that many rows repeat (a scrutin's number, date, type, title
     * and outcome in every deputy's vote list): the same text as {@link #row} writes for them.
     */
    record Part(String text, int cells) {
    }

    /**
     * The cells as they are written inside a row. commons-csv quotes the first cell of a record when it is empty or
     * starts with a character outside printable ASCII, so they are written after a cell that is then cut off: a row's
     * first part must not start with such a cell (a number does not).
     */
    static Part part(Object... cells) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180)) {
            List<String> row = new ArrayList<>(cells.length + 1);
            row.add("x");
            row.addAll(safe(cells));
            p.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Part(out.substring(2, out.length() - 2), cells.length); // without "x," and the CRLF
    }

    /** A row of parts, in order, that together fill the header. */
    CsvTable rowOfParts(Part... parts) {
        int cells = 0;
        StringBuilder line = new StringBuilder();
        for (Part p : parts) {
            line.append(cells == 0 ? "" : ",").append(p.text());
            cells += p.cells();
        }
        if (cells != header.size()) {
            throw new IllegalArgumentException("a row of " + cells + " cells under a header of " + header.size());
        }
        rows.add(line.toString());
        return this;
    }

    String render() {
        StringBuilder out = new StringBuilder(64 + rows.size() * 96);
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180)) {
            p.printRecord(header);
            for (Object r : rows) {
                if (r instanceof String written) {
                    out.append(written).append("\r\n");
                } else {
                    p.printRecord(safe(((List<?>) r).toArray()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> safe(Object[] row) {
        List<String> cells = new ArrayList<>(row.length);
        for (Object c : row) {
            cells.add(safe(c == null ? "" : c.toString()));
        }
        return cells;
    }

    /** The cell as a spreadsheet will show it, never run it. */
    static String safe(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
