package fr.civicgateway.core.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.text.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A question back's options picked by their position in words or by words of one title. */
class DialogueChoiceTest {

    private static final List<String> TITLES = List.of("Projet de loi de finances pour 2026",
            "Projet de loi de finances de fin de gestion pour 2025",
            "Projet de loi relatif aux résultats de la gestion et portant approbation des comptes de l'année 2024",
            "Projet de loi de finances pour 2025",
            "Projet de loi organique relatif à l'équilibre des finances publiques");

    private static final List<PendingChoice.Option> OPTIONS = TITLES.stream()
            .map(t -> new PendingChoice.Option(t, "Où en est " + t + " ?",
                    new EntityMention(EntityType.DOSSIER, t, t, 0, 0))).toList();

    private static int ordinal(String said) {
        return Dialogue.ordinal(Text.foldToWords(said), OPTIONS.size());
    }

    private static int byWords(String said) {
        return Dialogue.optionByTitleWords(OPTIONS, Text.foldToWords(said));
    }

    @Test
    void anOrdinalInWordsOrFiguresPicksThatPosition() {
        assertThat(ordinal("le premier")).isZero();
        assertThat(ordinal("la première")).isZero();
        assertThat(ordinal("le 2e")).isEqualTo(1);
        assertThat(ordinal("le 5e")).isEqualTo(4);
        assertThat(ordinal("le cinquième")).isEqualTo(4);
        assertThat(ordinal("le dernier")).isEqualTo(4);
        assertThat(ordinal("the fourth one")).isEqualTo(3);
        assertThat(ordinal("the last one")).isEqualTo(4);
    }

    @Test
    void noOrdinalBeyondTheOptionsNorInsideAnotherQuestion() {
        assertThat(ordinal("le 6e")).isEqualTo(-1);
        assertThat(ordinal("le premier ministre a-t-il démissionné ?")).isEqualTo(-1);
        assertThat(ordinal("le premier et le dernier")).isEqualTo(-1);
        assertThat(ordinal("où en est le projet de loi de finances ?")).isEqualTo(-1);
    }

    @Test
    void wordsOfOneTitleOnlyPickIt() {
        assertThat(byWords("celui sur l'équilibre des finances publiques")).isEqualTo(4);
        assertThat(byWords("celui de fin de gestion")).isEqualTo(1);
        assertThat(byWords("the one about approbation des comptes")).isEqualTo(2);
        // Words of several titles, of none, or no word long enough: no pick.
        assertThat(byWords("celui sur les finances")).isEqualTo(-1);
        assertThat(byWords("celui sur le narcotrafic")).isEqualTo(-1);
        assertThat(byWords("celui de 2025")).isEqualTo(-1);
    }
}
