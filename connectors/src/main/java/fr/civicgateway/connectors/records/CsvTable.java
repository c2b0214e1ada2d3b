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
    private final List<List<?>> rows = new ArrayList<>();

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

    String render() {
        StringBuilder out = new StringBuilder(64 + rows.size() * 96);
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180)) {
            p.printRecord(header);
            for (List<?> r : rows) {
                List<String> cells = new ArrayList<>(r.size());
                for (Object c : r) {
                    cells.add(safe(c == null ? "" : c.toString()));
                }
                p.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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
