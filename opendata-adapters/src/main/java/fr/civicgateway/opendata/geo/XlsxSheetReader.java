package fr.civicgateway.opendata.geo;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the rows of one sheet of an .xlsx workbook with the JDK alone: an .xlsx is a zip of XML parts, and the
 * sheet (tens of megabytes for INSEE's tables) is streamed with StAX rather than built as a DOM.
 *
 * <p>Cells are returned as text: shared strings, inline strings, formula results and numbers (an integral number is
 * written without a decimal part, so {@code 1004.0} is {@code "1004"}). Empty cells are empty strings.
 */
final class XlsxSheetReader {
    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** Receives one row; {@code rowNumber} is the spreadsheet's own (1-based) number, for error messages. */
    interface RowHandler {
        void row(long rowNumber, List<String> cells);
    }

    private XlsxSheetReader() {
    }

    static void read(Path workbook, String sheetName, RowHandler handler) {
        String file = workbook.getFileName().toString();
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            String relId = sheetRelationshipId(zip, file, sheetName);
            String sheetPart = null;
            String sharedStringsPart = null;
            for (String[] rel : relationships(zip, file)) {
                if (rel[0].equals(relId)) {
                    sheetPart = partName(rel[2]);
                } else if (rel[1].endsWith("/sharedStrings")) {
                    sharedStringsPart = partName(rel[2]);
                }
            }
            if (sheetPart == null) {
                throw new GeoDataException(file + ": no part for sheet '" + sheetName + "' (" + relId + ")");
            }
            List<String> shared = sharedStringsPart == null ? List.of() : sharedStrings(zip, file, sharedStringsPart);
            readSheet(zip, file, sheetPart, shared, handler);
        } catch (IOException e) {
            throw new GeoDataException(file + ": cannot read the workbook: " + e.getMessage(), e);
        }
    }

    private static String sheetRelationshipId(ZipFile zip, String file, String sheetName) throws IOException {
        XMLStreamReader xml = open(zip, file, "xl/workbook.xml");
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("sheet")
                        && sheetName.equals(xml.getAttributeValue(null, "name"))) {
                    return xml.getAttributeValue(REL_NS, "id");
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(file, "xl/workbook.xml", e);
        } finally {
            close(xml);
        }
        throw new GeoDataException(file + ": no sheet named '" + sheetName + "'");
    }

    /** {@code [Id, Type, Target]} of every relationship of the workbook part. */
    private static List<String[]> relationships(ZipFile zip, String file) throws IOException {
        List<String[]> rels = new ArrayList<>();
        XMLStreamReader xml = open(zip, file, "xl/_rels/workbook.xml.rels");
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")) {
                    rels.add(new String[] {xml.getAttributeValue(null, "Id"), xml.getAttributeValue(null, "Type"),
                            xml.getAttributeValue(null, "Target")});
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(file, "xl/_rels/workbook.xml.rels", e);
        } finally {
            close(xml);
        }
        return rels;
    }

    /** Targets are relative to {@code xl/}, or absolute within the package when they start with a slash. */
    private static String partName(String target) {
        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
    }

    private static List<String> sharedStrings(ZipFile zip, String file, String part) throws IOException {
        List<String> strings = new ArrayList<>();
        XMLStreamReader xml = open(zip, file, part);
        try {
            StringBuilder text = null;
            boolean inPhonetic = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> text = new StringBuilder();
                        // Phonetic runs (ruby text for Japanese) are not part of the cell's value.
                        case "rPh" -> inPhonetic = true;
                        case "t" -> {
                            if (text != null && !inPhonetic) {
                                text.append(xml.getElementText());
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (xml.getLocalName().equals("si")) {
                        strings.add(text == null ? "" : text.toString());
                        text = null;
                    } else if (xml.getLocalName().equals("rPh")) {
                        inPhonetic = false;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(file, part, e);
        } finally {
            close(xml);
        }
        return strings;
    }

    private static void readSheet(ZipFile zip, String file, String part, List<String> shared, RowHandler handler)
            throws IOException {
        XMLStreamReader xml = open(zip, file, part);
        try {
            List<String> cells = null;
            long rowNumber = 0;
            int column = 0;
            String type = null;
            String value = null;
            StringBuilder inline = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            cells = new ArrayList<>();
                            String r = xml.getAttributeValue(null, "r");
                            rowNumber = r == null ? rowNumber + 1 : Long.parseLong(r);
                        }
                        case "c" -> {
                            String ref = xml.getAttributeValue(null, "r");
                            column = ref == null ? cells.size() : columnIndex(ref);
                            type = xml.getAttributeValue(null, "t");
                            value = null;
                            inline = null;
                        }
                        case "v" -> value = xml.getElementText();
                        case "is" -> inline = new StringBuilder();
                        case "t" -> {
                            if (inline != null) {
                                inline.append(xml.getElementText());
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (xml.getLocalName().equals("c")) {
                        while (cells.size() < column) {
                            cells.add("");
                        }
                        cells.add(cellText(file, rowNumber, type, value, inline, shared));
                    } else if (xml.getLocalName().equals("row")) {
                        handler.row(rowNumber, cells);
                        cells = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(file, part, e);
        } finally {
            close(xml);
        }
    }

    private static String cellText(String file, long row, String type, String value, StringBuilder inline,
                                   List<String> shared) {
        if ("inlineStr".equals(type)) {
            return inline == null ? "" : inline.toString();
        }
        if (value == null) {
            return "";
        }
        if ("s".equals(type)) {
            try {
                return shared.get(Integer.parseInt(value.trim()));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw GeoDataException.at(file, row, "bad shared string index '" + value + "'");
            }
        }
        if (type == null || "n".equals(type)) {
            try {
                // Spreadsheets store integers as doubles ("1004.0", "1.004E3"): give back "1004".
                return new BigDecimal(value.trim()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                throw GeoDataException.at(file, row, "bad number '" + value + "'");
            }
        }
        return value; // "str" (formula result), "b", "e": the text as stored
    }

    /** {@code "AB12"} is column 27, zero-based. */
    private static int columnIndex(String ref) {
        int index = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            index = index * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return index - 1;
    }

    private static XMLStreamReader open(ZipFile zip, String file, String part) throws IOException {
        ZipEntry entry = zip.getEntry(part);
        if (entry == null) {
            throw new GeoDataException(file + ": missing part " + part);
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // Spreadsheet parts never need a DTD; refusing them rules out entity expansion attacks.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        InputStream in = zip.getInputStream(entry);
        try {
            return factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            in.close();
            throw malformed(file, part, e);
        }
    }

    private static void close(XMLStreamReader xml) {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // Closing a reader over a zip entry cannot lose data; the zip itself is closed by the caller.
        }
    }

    private static GeoDataException malformed(String file, String part, XMLStreamException e) {
        String where = e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNumber();
        return new GeoDataException(file + ": malformed XML in " + part + where + ": " + e.getMessage(), e);
    }
}
