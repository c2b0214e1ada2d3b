package fr.civicgateway.opendata.local;

import fr.civicgateway.core.local.LocalDataException;
import fr.civicgateway.core.local.LocalDataSource;
import fr.civicgateway.core.local.LocalItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link LocalDataSource} read from one CSV file described by a {@code config/adapters/*.yml} file: the generic
 * adapter a town uses without writing code. The file is read once, at construction; {@link #items()} returns the
 * same immutable list to every caller.
 *
 * <p>Normalised here, once: the BOM and the charset, quoted fields, blank cells (→ null), dates written
 * {@code 2025-12-09}, {@code 2025-12-09T08:00:00+01:00}, {@code 2017-07} (→ first of the month), {@code 2014}
 * (→ 1 January) or {@code 09/12/2025}, postcodes inside longer text ("75013 Paris"), and coordinates from one
 * "lat, long" column or two columns. A missing column or an unreadable date fails with the file, line and column.
 */
public final class CsvLocalDataSource implements LocalDataSource {

    private static final Pattern FIVE_DIGITS = Pattern.compile("\\b(\\d{5})\\b");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final String id;
    private final Description description;
    private final List<LocalItem> items;

    CsvLocalDataSource(AdapterConfig config) {
        this.id = config.id();
        this.description = config.description();
        this.items = read(config);
    }

    /** Reads one adapter configuration and its file; relative file paths resolve against {@code baseDirectory}. */
    public static CsvLocalDataSource fromConfig(Path yml, Path baseDirectory) {
        return new CsvLocalDataSource(AdapterConfig.read(yml, baseDirectory));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Description description() {
        return description;
    }

    @Override
    public List<LocalItem> items() {
        return items;
    }

    private static List<LocalItem> read(AdapterConfig c) {
        String content;
        try {
            content = Files.readString(c.data(), c.encoding());
        } catch (IOException e) {
            throw new LocalDataException(c.file() + ": cannot read file '" + c.data().getFileName() + "' ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        String fileName = c.data().getFileName().toString();
        CsvTable.Parsed table = CsvTable.parse(content, c.separator());
        if (table.rows().isEmpty()) {
            throw new LocalDataException(c.file() + ": file '" + fileName + "' is empty");
        }
        List<String> header = table.rows().getFirst();
        Map<String, Integer> column = new HashMap<>();
        for (var f : c.fields().entrySet()) {
            int at = header.indexOf(f.getValue());
            if (at < 0) {
                throw new LocalDataException(c.file() + ": key 'fields." + f.getKey() + "' names column '"
                        + f.getValue() + "', which is not in the header of " + fileName);
            }
            column.put(f.getKey(), at);
        }
        List<LocalItem> out = new ArrayList<>(table.rows().size());
        for (int r = 1; r < table.rows().size(); r++) {
            List<String> row = table.rows().get(r);
            int line = table.firstLines().get(r);
            if (row.size() != header.size()) {
                throw new LocalDataException(c.file() + ": " + fileName + " line " + line + " has " + row.size()
                        + " fields, the header has " + header.size());
            }
            Cell cell = key -> {
                Integer at = column.get(key);
                if (at == null) {
                    return null;
                }
                String v = row.get(at).strip();
                return v.isEmpty() ? null : v;
            };
            String itemId = cell.get("id") != null ? cell.get("id") : Integer.toString(line);
            String description = cell.get("description");
            // A handful of rows in real exports have no title: show something a reader can look up.
            String title = cell.get("title") != null ? cell.get("title")
                    : description != null ? description : "#" + itemId;
            Double lat = null;
            Double lon = null;
            String both = cell.get("coordinates");
            try {
                if (both != null) {
                    String[] parts = both.split(",");
                    lat = Double.parseDouble(parts[0].strip());
                    lon = Double.parseDouble(parts[1].strip());
                } else if (cell.get("latitude") != null && cell.get("longitude") != null) {
                    lat = Double.parseDouble(cell.get("latitude").replace(',', '.'));
                    lon = Double.parseDouble(cell.get("longitude").replace(',', '.'));
                }
            } catch (RuntimeException e) {
                throw new LocalDataException(c.file() + ": " + fileName + " line " + line
                        + ": coordinates are not \"latitude, longitude\" numbers");
            }
            out.add(new LocalItem(c.id(), c.kind(), itemId, title, description, cell.get("status"),
                    cell.get("address"), postcode(cell.get("postcode")),
                    date(c, fileName, line, "start", cell.get("start")), date(c, fileName, line, "end", cell.get("end")),
                    lat, lon, cell.get("link")));
        }
        return List.copyOf(out);
    }

    private interface Cell {
        String get(String field);
    }

    private static String postcode(String v) {
        if (v == null) {
            return null;
        }
        Matcher m = FIVE_DIGITS.matcher(v);
        return m.find() ? m.group(1) : null;
    }

    static LocalDate date(AdapterConfig c, String fileName, int line, String field, String v) {
        if (v == null) {
            return null;
        }
        try {
            if (v.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                return LocalDate.parse(v.substring(0, 10));
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(v).atDay(1);
            }
            if (v.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(v), 1, 1);
            }
            if (v.matches("\\d{2}/\\d{2}/\\d{4}")) {
                return LocalDate.parse(v, FRENCH_DATE);
            }
        } catch (DateTimeParseException e) {
            // reported below, with the same message as an unknown form
        }
        throw new LocalDataException(c.file() + ": " + fileName + " line " + line + ", field '" + field
                + "': '" + v + "' is not a date (2025-12-09, 2025-12, 2025 or 09/12/2025)");
    }
}
