package fr.civicgateway.connectors.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.civicgateway.connectors.web.ApiException;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                .getRecords();
    }

    @Test
    void cellsASpreadsheetWouldRunAreWrittenWithAnApostropheAndParseBackAsWritten() throws IOException {
        List<String> hostile = List.of("=HYPERLINK(\"http://evil.example\")", "+33 1 40 63 60 00", "-1+2", "@SUM(A1)",
                "\tTab", "\rReturn", "Projet de loi \"de finances\", première lecture\nsuite", "Élisabeth", "");
        CsvTable t = new CsvTable("title", "n");
        hostile.forEach(h -> t.row(h, 1));
        t.row(null, null);
        List<CSVRecord> rows = parse(t.render());
        assertThat(rows).hasSize(hostile.size() + 1);
        assertThat(rows.stream().map(r -> r.get("title")).toList()).containsExactly("'=HYPERLINK(\"http://evil.example\")",
                "'+33 1 40 63 60 00", "'-1+2", "'@SUM(A1)", "'\tTab", "'\rReturn",
                "Projet de loi \"de finances\", première lecture\nsuite", "Élisabeth", "", "");
        assertThat(t.render()).startsWith("title,n\r\n");
    }

    @Test
    void aRowOfPartsWrittenAheadIsTheRowWrittenCellByCell() {
        Object[] cells = {3876, "=1+1", "Projet de loi \"de finances\", première lecture", null, true, "https://x/y"};
        CsvTable byCell = new CsvTable("a", "b", "c", "d", "e", "f").row(cells);
        CsvTable byParts = new CsvTable("a", "b", "c", "d", "e", "f").rowOfParts(CsvTable.part(cells[0], cells[1], cells[2]),
                CsvTable.part(cells[3], cells[4]), CsvTable.part(cells[5]));
        assertThat(byParts.render()).isEqualTo(byCell.render())
                .endsWith("3876,'=1+1,\"Projet de loi \"\"de finances\"\", première lecture\",,true,https://x/y\r\n");
        assertThatThrownBy(() -> new CsvTable("a", "b").rowOfParts(CsvTable.part("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 cells under a header of 2");
    }

    @Test
    void aRowMustFillTheHeader() {
        assertThatThrownBy(() -> new CsvTable("a", "b").row("x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 cells under a header of 2");
    }

    @Test
    void theFormatIsTheParameterThenTheAcceptHeader() {
        assertThat(Format.of(null, null, true)).isEqualTo(Format.JSON);
        assertThat(Format.of("csv", "application/json", true)).isEqualTo(Format.CSV);
        assertThat(Format.of(null, "text/csv", true)).isEqualTo(Format.CSV);
        assertThat(Format.of(null, "application/json;q=0.5, text/csv", true)).isEqualTo(Format.CSV);
        assertThat(Format.of(null, "text/csv;q=0.5, application/json", true)).isEqualTo(Format.JSON);
        assertThat(Format.of(null, "*/*", true)).isEqualTo(Format.JSON);
        assertThat(Format.of(null, "text/html,*/*;q=0.8", true)).isEqualTo(Format.JSON);
        assertThat(Format.of(null, "text/csv, */*;q=0.1", false)).isEqualTo(Format.JSON);
        assertThatThrownBy(() -> Format.of("xml", null, true)).isInstanceOf(ApiException.class)
                .hasMessageContaining("\"format\"");
        assertThatThrownBy(() -> Format.of("csv", null, false)).isInstanceOf(ApiException.class)
                .hasMessageContaining("JSON only");
        assertThatThrownBy(() -> Format.of(null, "text/csv", false)).isInstanceOf(ApiException.class)
                .hasMessageContaining("application/json only");
    }

    @Test
    void pagesAreCheckedAndCut() {
        Paging p = Paging.of("2", "2");
        assertThat(p.of(List.of(1, 2, 3))).containsExactly(3);
        assertThat(Paging.of(null, null)).isEqualTo(new Paging(1, Paging.DEFAULT_SIZE));
        assertThat(Paging.of("1", "5").of(List.of())).isEmpty();
        assertThatThrownBy(() -> Paging.of("3", "2").of(List.of(1, 2, 3))).hasMessageContaining("past the last page, 2");
        assertThatThrownBy(() -> Paging.of("1", "5001")).hasMessageContaining("1 to 5000");
        assertThatThrownBy(() -> Paging.of("-1", null)).hasMessageContaining("\"page\"");
        assertThatThrownBy(() -> Paging.of("99999999999", null)).hasMessageContaining("\"page\"");
    }
}
