package fr.civicgateway.connectors.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A citizen's free text never reaches a spreadsheet as a formula: what could start one gets an apostrophe. */
class CsvFormulaDefusingTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://example.org\")", "+33 6 12", "-2+3", "@SUM(A1:A9)", "\tcmd", "\rcmd"})
    void aCellThatASpreadsheetWouldRunStartsWithAnApostrophe(String text) {
        assertThat(ConsultationAdminController.defused(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trop cher", "", "'déjà", " =espace d'abord", "42"})
    void otherTextIsKeptAsWritten(String text) {
        assertThat(ConsultationAdminController.defused(text)).isEqualTo(text);
    }
}
