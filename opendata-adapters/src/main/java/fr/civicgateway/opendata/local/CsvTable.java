package fr.civicgateway.opendata.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 reading (Commons CSV) as open-data portals export it: a leading BOM, any one-character separator, quoted
 * fields that hold separators, doubled quotes and line breaks, CRLF or LF line ends, text after a closing quote kept.
 * Blank lines are skipped.
 */
final class CsvTable {

    private CsvTable() {
    }

    /** Rows of fields; the first row is the header. {@code firstLines.get(i)} is the file line row i starts on. */
    record Parsed(List<List<String>> rows, List<Integer> firstLines) {
    }

    /**
     * @throws UncheckedIOException when the text is not CSV (a quote never closed)
     */
    static Parsed parse(String content, char separator) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
                .setTrailingData(true).get();
        int[] lineStarts = lineStarts(text);
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord r : parser) {
                rows.add(List.copyOf(r.toList()));
                lines.add(lineOf(lineStarts, r.getCharacterPosition()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(rows, lines);
    }

    /** Offsets at which each line starts: after an LF, a CRLF or a lone CR. */
    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** The 1-based line holding this offset. */
    private static int lineOf(int[] lineStarts, long offset) {
        int i = Arrays.binarySearch(lineStarts, (int) offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
