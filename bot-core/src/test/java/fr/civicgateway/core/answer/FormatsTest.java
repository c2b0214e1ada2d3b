package fr.civicgateway.core.answer;

import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.Constituency;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormatsTest {

    @Test
    void writesPercentagesAsEachLanguageDoes() {
        assertThat(Formats.percent(Language.FR, 281, 1000)).isEqualTo("28,1 %");
        assertThat(Formats.percent(Language.EN, 281, 1000)).isEqualTo("28.1%");
        assertThat(Formats.percent(Language.FR, 2, 3)).isEqualTo("66,7 %");
        assertThat(Formats.percent(Language.EN, 1, 1)).isEqualTo("100.0%");
        assertThat(Formats.percent(Language.FR, 0, 577)).isEqualTo("0,0 %");
        assertThat(Formats.percent(Language.EN, 3791, 3876)).isEqualTo("97.8%");
    }

    @Test
    void refusesAPercentageOfNothing() {
        assertThatThrownBy(() -> Formats.percent(Language.FR, 0, 0)).hasMessageContaining("positive whole");
    }

    @Test
    void writesTheFirstOfTheMonthTheFrenchWay() {
        assertThat(Formats.date(Language.FR, LocalDate.of(2024, 7, 1))).isEqualTo("1er juillet 2024");
        assertThat(Formats.date(Language.FR, LocalDate.of(2025, 11, 17))).isEqualTo("17 novembre 2025");
        assertThat(Formats.date(Language.EN, LocalDate.of(2025, 11, 17))).isEqualTo("17 November 2025");
    }

    @Test
    void groupsThousands() {
        assertThat(Formats.count(Language.FR, 3876)).isEqualTo("3 876");
        assertThat(Formats.count(Language.EN, 3876)).isEqualTo("3,876");
        assertThat(Formats.count(Language.FR, 1_234_567)).isEqualTo("1 234 567");
        assertThat(Formats.count(Language.EN, 100_000)).isEqualTo("100,000");
        assertThat(Formats.count(Language.FR, 999)).isEqualTo("999");
        assertThat(Formats.count(Language.EN, 0)).isEqualTo("0");
        assertThat(Formats.count(Language.FR, -1234)).isEqualTo("-1 234");
    }

    @Test
    void namesConstituenciesWithTheRightArticle() {
        assertThat(Places.constituency(Language.FR, new Constituency("33", "Gironde", 4))).isEqualTo("4e circonscription de la Gironde");
        assertThat(Places.constituency(Language.FR, new Constituency("94", "Val-de-Marne", 10))).isEqualTo("10e circonscription du Val-de-Marne");
        assertThat(Places.constituency(Language.FR, new Constituency("01", "Ain", 1))).isEqualTo("1re circonscription de l'Ain");
        assertThat(Places.constituency(Language.FR, new Constituency("13", "Bouches-du-Rhône", 2))).isEqualTo("2e circonscription des Bouches-du-Rhône");
        assertThat(Places.constituency(Language.FR, new Constituency("74", "Haute-Savoie", 1))).isEqualTo("1re circonscription de la Haute-Savoie");
        assertThat(Places.constituency(Language.FR, new Constituency("34", "Hérault", 3))).isEqualTo("3e circonscription de l'Hérault");
        assertThat(Places.constituency(Language.FR, new Constituency("75", "Paris", 6))).isEqualTo("6e circonscription de Paris");
        assertThat(Places.constituency(Language.FR, new Constituency("78", "Yvelines", 2))).isEqualTo("2e circonscription des Yvelines");
        assertThat(Places.constituency(Language.EN, new Constituency("33", "Gironde", 1))).isEqualTo("1st constituency of Gironde");
        assertThat(Places.constituency(Language.EN, new Constituency("33", "Gironde", 12))).isEqualTo("12th constituency of Gironde");
    }
}
