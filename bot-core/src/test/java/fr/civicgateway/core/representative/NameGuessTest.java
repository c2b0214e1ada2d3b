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

    @Test
    void readsTheNameAskedAboutRightAfterAWhoIsCue() {
        assertThat(NameGuess.askedAbout("Qui est Marie Dupontel ?")).hasValue("Marie Dupontel");
        assertThat(NameGuess.askedAbout("c'est qui Marie Dupontel")).hasValue("Marie Dupontel");
        assertThat(NameGuess.askedAbout("Who is Charles de Courson?")).hasValue("Charles de Courson");
        // a place asked about, a single word, a lowercase surname, no cue: no person's name
        assertThat(NameGuess.askedAbout("Qui est le député de Marie ?")).isEmpty();
        assertThat(NameGuess.askedAbout("Qui est Marie ?")).isEmpty();
        assertThat(NameGuess.askedAbout("Qui est Marie dupontel ?")).isEmpty();
        assertThat(NameGuess.askedAbout("J'habite à Marie Dupontel")).isEmpty();
    }
}
