package fr.civicgateway.app.consultations;

import fr.civicgateway.opendata.testing.ShippedData;
import fr.civicgateway.core.consultations.Consultation;
import fr.civicgateway.core.consultations.Question;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator's consultation files: the shipped example reads as intended; each mistake names its file and field. */
class YamlConsultationLoaderTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;

    private static final String VALID = """
            id: bibliotheque
            title: { fr: Horaires, en: Hours }
            description: La ville revoit les horaires.
            opens: 2026-11-01
            closes: 2027-01-31
            questions:
              - id: note
                kind: scale
                text: Votre note
                low: mauvais
                high: excellent
            """;

    private void write(String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name), yaml);
    }

    private String failure(String yaml) throws IOException {
        write("bad.yml", yaml);
        try {
            YamlConsultationLoader.load(dir, PARIS);
        } catch (ConsultationDefinitionException e) {
            return e.getMessage();
        }
        throw new AssertionError("no failure for\n" + yaml);
    }

    @Test
    void theShippedExampleIsOpenInNovember2026WithOneQuestionOfEachKind() {
        List<Consultation> all = YamlConsultationLoader.load(ShippedData.repositoryRoot().resolve("config/consultations"), PARIS);

        assertThat(all).hasSize(1);
        Consultation c = all.getFirst();
        assertThat(c.id()).isEqualTo("piste-cyclable-avenue-des-alpes");
        assertThat(c.opensAt()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(c.closesAt()).as("closes at the end of its last day, Paris time").isEqualTo(Instant.parse("2027-01-31T23:00:00Z"));
        assertThat(c.lastDay()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(c.isOpen(Instant.parse("2026-11-24T10:00:00Z"))).isTrue();
        assertThat(c.allowChanges()).isTrue();
        assertThat(c.questions()).extracting(q -> q.getClass().getSimpleName())
                .containsExactly("SingleChoice", "MultipleChoice", "Scale", "FreeText");
        assertThat(((Question.FreeText) c.questions().get(3)).maxLength()).isEqualTo(500);
        assertThat(c.questions().get(3).required()).isFalse();
        assertThat(c.title().en()).isEqualTo("A cycle lane on avenue des Alpes");
    }

    @Test
    void aMissingDirectoryMeansNoConsultation() {
        assertThat(YamlConsultationLoader.load(dir.resolve("none"), PARIS)).isEmpty();
    }

    @Test
    void eachMistakeNamesTheFileAndTheField() throws IOException {
        assertThat(failure(VALID.replace("closes: 2027-01-31", "closes: 2026-10-01")))
                .isEqualTo("bad.yml: closes: 2026-10-01 is before opens 2026-11-01");
        assertThat(failure(VALID.replace("opens: 2026-11-01", "opens: le 1er novembre")))
                .isEqualTo("bad.yml: opens: must be a date written YYYY-MM-DD, was le 1er novembre");
        assertThat(failure(VALID.replace("kind: scale", "kind: rating")))
                .isEqualTo("bad.yml: questions[0].kind: unknown kind \"rating\"; expected single-choice, multiple-choice, scale or free-text");
        assertThat(failure(VALID.replace("    low: mauvais\n", "")))
                .isEqualTo("bad.yml: questions[0].low: missing");
        assertThat(failure(VALID.replace("kind: scale", "kind: single-choice").replace("    low: mauvais\n    high: excellent\n",
                "    options:\n      - { id: oui, label: Oui }\n")))
                .isEqualTo("bad.yml: questions[0].options: question note needs at least 2 options");
        assertThat(failure(VALID.replace("kind: scale", "kind: free-text").replace("    low: mauvais\n    high: excellent\n", "")))
                .isEqualTo("bad.yml: questions[0].max-length: missing");
        assertThat(failure(VALID.replace("title: { fr: Horaires, en: Hours }", "title: { en: Hours }")))
                .isEqualTo("bad.yml: title.fr: missing: the French text is required");
        assertThat(failure(VALID.replace("id: bibliotheque", "id: Bibliothèque")))
                .startsWith("bad.yml: id: consultation id must be 1-64 characters of [a-z0-9_-]");
        assertThat(failure(VALID.replace("closes: 2027-01-31", "")))
                .isEqualTo("bad.yml: closes: missing");
        assertThat(failure(VALID + "allow-changes: sometimes\n"))
                .isEqualTo("bad.yml: allow-changes: must be true or false, was sometimes");
        assertThat(failure(VALID.replace("kind: scale", "kind: free-text").replace("    low: mauvais\n    high: excellent\n",
                "    max-length: lots\n")))
                .isEqualTo("bad.yml: questions[0].max-length: must be a whole number, was lots");
        assertThat(failure(VALID + "colour: blue\n")).startsWith("bad.yml: colour: unknown field; expected one of [allow-changes,");
    }

    @Test
    void twoFilesWithOneIdAreRefused() throws IOException {
        write("a.yml", VALID);
        write("b.yml", VALID);
        assertThatThrownBy(() -> YamlConsultationLoader.load(dir, PARIS))
                .hasMessage("b.yml: id: \"bibliotheque\" is already the id of a.yml");
    }
}
