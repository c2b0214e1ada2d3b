package fr.civicgateway.core.parliament;

import fr.civicgateway.core.fixtures.FakeParliamentData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScrutinSearchTest {

    private static final ScrutinSearch SEARCH = new ScrutinSearch(new FakeParliamentData());

    private static List<Integer> numbers(String topic) {
        return SEARCH.search(topic, 10).scrutins().stream().map(Scrutin::number).toList();
    }

    @Test
    void putsTheNewestWholeTextVoteOnTheBudgetFirstAndAmendmentsLast() {
        ScrutinSearch.Result r = SEARCH.search("budget", 2);
        assertThat(r.scrutins()).extracting(Scrutin::number).containsExactly(3876, 450);
        assertThat(r.total()).isEqualTo(3);
        assertThat(numbers("budget")).containsExactly(3876, 450, 12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"budget", "le budget", "Budget", "the budget", "finance bill", "loi de finances",
            "les finances"})
    void findsTheFinanceBillFromFrenchOrEnglishWords(String topic) {
        assertThat(numbers(topic)).startsWith(3876, 450).doesNotContain(2100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"retraites", "la réforme des retraites", "pensions", "pension reform", "retraite"})
    void findsPensionVotesWhateverTheNumberOrLanguage(String topic) {
        assertThat(numbers(topic)).containsExactly(701, 700);
    }

    @Test
    void findsOtherTopicsOfTheLexicon() {
        assertThat(numbers("immigration")).containsExactly(3877);
        assertThat(numbers("les migrants")).containsExactly(3877);
        assertThat(numbers("la motion de censure")).containsExactly(520);
        assertThat(numbers("no confidence")).containsExactly(520);
        assertThat(numbers("aide à mourir")).containsExactly(1500);
        assertThat(numbers("assisted dying")).containsExactly(1500);
        assertThat(numbers("le budget de la sécu")).containsExactly(2100);
        assertThat(numbers("farming")).containsExactly(3700);
        assertThat(numbers("l'agriculture")).containsExactly(3700);
    }

    @Test
    void searchesUnknownWordsAsThemselves() {
        assertThat(numbers("intégration")).containsExactly(3877);
        assertThat(numbers("Vallaud")).containsExactly(520);
    }

    @Test
    void fallsBackToTheTitlesWithTheMostWordsWhenNoneHasThemAll() {
        assertThat(numbers("budget xyzzy")).containsExactly(3876, 450, 12);
    }

    @Test
    void findsNothingForAnEmptyOrUnknownTopic() {
        assertThat(SEARCH.search("", 5)).isEqualTo(new ScrutinSearch.Result(List.of(), 0));
        assertThat(SEARCH.search("la loi", 5).total()).isZero();
        assertThat(SEARCH.search("xyzzy", 5).total()).isZero();
        assertThat(SEARCH.search(null, 5).total()).isZero();
    }

    @Test
    void rejectsANegativeLimitNamingIt() {
        assertThatThrownBy(() -> SEARCH.search("budget", -1)).hasMessage("limit must not be negative: -1");
    }
}
