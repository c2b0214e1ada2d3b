package fr.civicgateway.core.representative;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameGuessTest {

    @Test
    void findsAPersonsNameWithHyphensAndParticles() {
        assertThat(NameGuess.find("Qui est Jean-Luc Mélenchon ?")).hasValue("Jean-Luc Mélenchon");
        assertThat(NameGuess.find("Comment a voté Emmanuel Macron au scrutin 3876 ?")).hasValue("Emmanuel Macron");
        assertThat(NameGuess.find("who is Charles de Courson")).hasValue("Charles de Courson");
    }

    @Test
    void ignoresQuestionWordsAndSingleWords() {
        assertThat(NameGuess.find("Qui est mon député ? J'habite à Annecy")).isEmpty();
        assertThat(NameGuess.find("Comment a voté Panot ?")).isEmpty();
        assertThat(NameGuess.find("Est-ce que mon député participe aux votes ?")).isEmpty();
    }
}
