package fr.civicgateway.opendata.local;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 reading as open-data portals export it: a leading BOM, any one-character separator, quoted fields that
 * hold separators, doubled quotes and line breaks, CRLF or LF line ends. Blank lines are skipped.
 */
final class CsvTable {

    private CsvTable() {
    }

    /** Rows of fields; the first row is the header. {@code firstLines.get(i)} is the file line row i starts on. */
    record Parsed(List<List<String>> rows, List<Integer> firstLines) {
    }

    static Parsed parse(String content, char separator) {
        int i = content.startsWith("\uFEFF") ? 1 : 0;
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int rowLine = 1;
        int n = content.length();
        while (i < n) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && content.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                fieldStarted = true;
            } else if (c == separator) {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && content.charAt(i + 1) == '\n') {
                    i++;
                }
                if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
                    row.add(field.toString());
                    rows.add(List.copyOf(row));
                    lines.add(rowLine);
                }
                row.clear();
                field.setLength(0);
                fieldStarted = false;
                line++;
                rowLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
            i++;
        }
        if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(List.copyOf(row));
            lines.add(rowLine);
        }
        return new Parsed(rows, lines);
    }
}
