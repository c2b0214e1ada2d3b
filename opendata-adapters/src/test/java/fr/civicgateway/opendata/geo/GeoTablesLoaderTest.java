package fr.civicgateway.opendata.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader's handling of malformed files, on tiny files written for each test. */
class GeoTablesLoaderTest {
    @TempDir
    Path dir;

    @Test
    void namesTheFileAndTheLineOfAMalformedLaPosteLine() throws IOException {
        Path file = dir.resolve("019HexaSmal.csv");
        Files.writeString(file, """
                #Code_commune_INSEE;Nom_de_la_commune;Code_postal;Libellé_d_acheminement;Ligne_5
                01001;L ABERGEMENT CLEMENCIAT;01400;L ABERGEMENT CLEMENCIAT;
                01002;L ABERGEMENT DE VAREY;0164;L ABERGEMENT DE VAREY;
                """, StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> GeoTablesLoader.readLaPoste(file)).isInstanceOf(GeoDataException.class)
                .hasMessage("019HexaSmal.csv, line 3: malformed postcode '0164'");
    }

    @Test
    void namesTheLineOfARowWithMissingFields() throws IOException {
        Path file = dir.resolve("table.csv");
        Files.writeString(file, """
                CODE DPT;NOM DPT;CODE COMMUNE;NOM COMMUNE;CODE CIRC LEGISLATIVE;CODE CANTON;NOM CANTON
                ZA;Guadeloupe;101;Les Abymes;1;1;Les Abymes-1
                ZA;Guadeloupe;101;Les Abymes;1
                """, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> GeoTablesLoader.readMinistryTable(file))
                .hasMessage("table.csv, line 3: expected 7 fields separated by ';', found 5");
    }

    @Test
    void rejectsAMinistryZoneCodeItDoesNotKnow() throws IOException {
        Path file = dir.resolve("table.csv");
        Files.writeString(file, """
                CODE DPT;NOM DPT;CODE COMMUNE;NOM COMMUNE;CODE CIRC LEGISLATIVE;CODE CANTON;NOM CANTON
                ZQ;Atlantide;1;Poseidonia;1;1;Canton fictif
                """, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> GeoTablesLoader.readMinistryTable(file))
                .hasMessage("table.csv, line 2: unknown Ministry zone code 'ZQ'");
    }

    @Test
    void readsInlineStringsAndNumericCellsOfTheInseeSheet() throws IOException {
        Path file = workbook(dir.resolve("circo.xlsx"), """
                <row r="1">%s</row>
                <row r="2"><c r="A2" t="inlineStr"><is><t>01</t></is></c><c r="B2" t="s"><v>0</v></c>\
                <c r="E2"><v>1001</v></c><c r="F2" t="inlineStr"><is><t>L'Abergement-Clémenciat</t></is></c>\
                <c r="G2"><v>1004.0</v></c><c r="H2" t="inlineStr"><is><t>entière</t></is></c></row>
                """.formatted(header()));

        assertThat(GeoTablesLoader.readInsee(file)).containsExactly(
                new GeoTablesLoader.InseeRow("01", "Ain", "01001", "L'Abergement-Clémenciat", "01-4", true));
    }

    @Test
    void namesTheRowOfAnInseeCircoThatIsNotADepartementAndANumber() throws IOException {
        Path file = workbook(dir.resolve("circo.xlsx"), """
                <row r="1">%s</row>
                <row r="7"><c r="A7" t="inlineStr"><is><t>01</t></is></c><c r="B7" t="s"><v>0</v></c>\
                <c r="E7" t="inlineStr"><is><t>01001</t></is></c><c r="F7" t="inlineStr"><is><t>X</t></is></c>\
                <c r="G7" t="inlineStr"><is><t>01-4</t></is></c><c r="H7" t="inlineStr"><is><t>entière</t></is></c></row>
                """.formatted(header()));

        assertThatThrownBy(() -> GeoTablesLoader.readInsee(file))
                .hasMessage("circo.xlsx, line 7: circo '01-4' is not a département code and a number");
    }

    @Test
    void namesTheMissingFileWhenTheDirectoryIsIncomplete() {
        assertThatThrownBy(() -> GeoTablesLoader.load(dir)).isInstanceOf(GeoDataException.class)
                .hasMessage("019HexaSmal.csv: file not found");
    }

    private static String header() {
        StringBuilder cells = new StringBuilder();
        List<String> names = List.of("DEP", "libdep", "REG", "libreg", "COMMUNE_RESID", "LIBcom", "circo", "type_com");
        for (int i = 0; i < names.size(); i++) {
            cells.append("<c r=\"").append((char) ('A' + i)).append("1\" t=\"inlineStr\"><is><t>")
                    .append(names.get(i)).append("</t></is></c>");
        }
        return cells.toString();
    }

    /** The smallest workbook Excel's format allows: a sheet named "table" as the second sheet, one shared string. */
    private static Path workbook(Path file, String rows) throws IOException {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Map<String, String> parts = Map.of(
                "xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\"><sheets>"
                        + "<sheet name=\"Lisez_moi\" sheetId=\"1\" r:id=\"rId2\"/>"
                        + "<sheet name=\"table\" sheetId=\"2\" r:id=\"rId3\"/></sheets></workbook>",
                "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
                        + "2006/relationships\">"
                        + "<Relationship Id=\"rId2\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                        + "<Relationship Id=\"rId3\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
                        + "<Relationship Id=\"rId4\" Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                        + "</Relationships>",
                "xl/sharedStrings.xml", "<sst xmlns=\"" + main + "\"><si><t>Ain</t></si></sst>",
                "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + main + "\"><sheetData/></worksheet>",
                "xl/worksheets/sheet2.xml", "<worksheet xmlns=\"" + main + "\"><sheetData>" + rows
                        + "</sheetData></worksheet>");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
