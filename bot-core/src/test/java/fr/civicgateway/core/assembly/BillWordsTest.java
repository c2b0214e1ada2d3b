package fr.civicgateway.core.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.nlu.Language;
import org.junit.jupiter.api.Test;

/** How a question names a bill: its title words without the question's, a text number, a uid. */
class BillWordsTest {

    @Test
    void keepsTheTitleWordsAndDropsTheQuestions() {
        assertThat(BillWords.searches("aide à mourir", "Où en est la loi sur l'aide à mourir ?", Language.FR))
                .containsExactly("aide mourir");
        assertThat(BillWords.searches(null, "Où en est la loi sur la fin de vie ?", Language.FR))
                .containsExactly("fin de vie");
        assertThat(BillWords.searches(null, "le projet de loi immigration est-il promulgué ?", Language.FR))
                .containsExactly("immigration");
    }

    @Test
    void aQuestionWithoutTitleWordsSearchesNothing() {
        assertThat(BillWords.searches(null, "Et ce texte, il en est où ?", Language.FR)).isEmpty();
        assertThat(BillWords.searches(null, "Où en est ce projet de loi ?", Language.FR)).isEmpty();
        assertThat(BillWords.searches(null, "and this bill, where is it now?", Language.EN)).isEmpty();
    }

    @Test
    void englishNamesOfFrenchBillsAreTranslated() {
        assertThat(BillWords.searches("end of life", "Where is the bill on end of life?", Language.EN))
                .containsExactly("fin de vie");
        assertThat(BillWords.searches(null, "Where does the assisted dying bill stand?", Language.EN))
                .containsExactly("aide mourir");
    }

    @Test
    void aTextNumberIsReadAfterAWordOfATextOnly() {
        assertThat(BillWords.textNumber("Où en est le texte n° 482 ?")).isEqualTo(482);
        assertThat(BillWords.textNumber("la proposition de loi n°1100 a-t-elle été adoptée ?")).isEqualTo(1100);
        assertThat(BillWords.textNumber("where is bill no. 482?")).isEqualTo(482);
        assertThat(BillWords.textNumber("Et le texte du scrutin 3876 ?")).isNull();
        assertThat(BillWords.textNumber("le scrutin n° 3876")).isNull();
    }

    @Test
    void aUidInAnyCaseAndAButtonTitleCutAtAWord() {
        assertThat(BillWords.uidIn("où en est dlr5l17n51670 ?")).isEqualTo("DLR5L17N51670");
        assertThat(BillWords.uidIn("le dossier 51670")).isNull();
        assertThat(BillWords.shorten("Garantir le droit à une fin de vie sans souffrance", 48))
                .isEqualTo("Garantir le droit à une fin de vie sans…");
        assertThat(BillWords.shorten("Fin de vie", 48)).isEqualTo("Fin de vie");
    }
}
