package fr.civicgateway.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TsvResourceTest {

    @Test
    void readsEveryRowOfAShippedTableAndLeavesOutItsCommentsAndBlankLines() throws IOException {
        List<String[]> rows = TsvResource.rows("/geo/arrondissements.tsv", r -> r.length == 5, "5 columns");

        // naive: the file's lines that are neither blank nor comments
        String text;
        try (InputStream in = TsvResourceTest.class.getResourceAsStream("/geo/arrondissements.tsv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> data = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(data).isNotEmpty();
        assertThat(rows).extracting(r -> String.join("\t", r)).containsExactlyElementsOf(data);
        assertThat(rows).extracting(r -> r[0]).contains("Paris", "Lyon", "Marseille");
    }

    @Test
    void aMalformedRowFailsWithItsFileLineNumberAndContent() {
        assertThatThrownBy(() -> TsvResource.rows("/text/two-columns-broken-at-line-6.tsv", r -> r.length == 2,
                "city<TAB>arrondissements"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("/text/two-columns-broken-at-line-6.tsv:6: city<TAB>arrondissements expected: marseille 16");
    }

    @Test
    void aMissingResourceIsNamed() {
        assertThatThrownBy(() -> TsvResource.rows("/text/nowhere.tsv", r -> true, "anything"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("data file not found on the class path: /text/nowhere.tsv");
        assertThatThrownBy(() -> TsvResource.rows("text/relative.tsv", r -> true, "anything"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an absolute class-path name is expected, was text/relative.tsv");
    }
}
