package fr.civicgateway.core.nlu;

import fr.civicgateway.core.fixtures.FakeGeoDirectory;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DateExtractionTest {

    private static final GazetteerEntityExtractor EXTRACTOR =
            new GazetteerEntityExtractor(new FakeParliamentData(), new FakeGeoDirectory());
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A Monday. */
    private static final LocalDate MONDAY_7_DECEMBER = LocalDate.of(2026, 12, 7);

    /** Each mention as "type value «text»", its day read on {@code today}. */
    private static List<String> found(String text, LocalDate today) {
        List<EntityMention> mentions = EXTRACTOR.extract(text);
        Understanding u = new Understanding(text, Language.FR, List.of(new IntentScore(Intent.AGENDA, 1)), mentions)
                .withDatesOn(today);
        return u.entities().stream().map(m -> m.type().apiName() + " " + m.value() + " «" + m.text() + "»").toList();
    }

    private static List<String> found(String text) {
        return found(text, MONDAY_7_DECEMBER);
    }

    @Test
    void readsTheFrenchDaysRelativeToToday() {
        assertThat(found("l'ordre du jour d'aujourd'hui")).containsExactly("date 2026-12-07 «aujourd'hui»");
        assertThat(found("Quel est l'ordre du jour de demain ?")).containsExactly("date 2026-12-08 «demain»");
        assertThat(found("qu'a fait l'Assemblée hier")).containsExactly("date 2026-12-06 «hier»");
        assertThat(found("et après-demain ?")).containsExactly("date 2026-12-09 «après-demain»");
        assertThat(found("séance avant-hier")).containsExactly("date 2026-12-05 «avant-hier»");
        assertThat(found("qu'y avait-il mardi dernier ?")).containsExactly("date 2026-12-01 «mardi dernier»");
        assertThat(found("y a-t-il séance mardi prochain ?")).containsExactly("date 2026-12-08 «mardi prochain»");
        assertThat(found("et lundi dernier ?")).as("a week ago, not today").containsExactly("date 2026-11-30 «lundi dernier»");
        assertThat(found("y a-t-il séance ce soir ?")).containsExactly("date 2026-12-07 «ce soir»");
    }

    @Test
    void readsTheEnglishDaysRelativeToToday() {
        assertThat(found("what is on the agenda today")).contains("date 2026-12-07 «today»");
        assertThat(found("tomorrow's order of business")).containsExactly("date 2026-12-08 «tomorrow»");
        assertThat(found("what happened yesterday")).containsExactly("date 2026-12-06 «yesterday»");
        assertThat(found("what was on the agenda last Tuesday")).contains("date 2026-12-01 «last Tuesday»");
        assertThat(found("is there a sitting next Friday?")).containsExactly("date 2026-12-11 «next Friday»");
    }

    @Test
    void readsWrittenDaysInEveryUsualForm() {
        assertThat(found("Qu'y avait-il à l'ordre du jour le 15 avril 2026 ?")).containsExactly("date 2026-04-15 «15 avril 2026»");
        assertThat(found("le 3 mars 2025")).containsExactly("date 2025-03-03 «3 mars 2025»");
        assertThat(found("séance du 15/04/2026")).containsExactly("date 2026-04-15 «15/04/2026»");
        assertThat(found("séance du 15.04.2026")).containsExactly("date 2026-04-15 «15.04.2026»");
        assertThat(found("séance du 15-04-2026")).as("not the constituency 15-4").containsExactly("date 2026-04-15 «15-04-2026»");
        assertThat(found("agenda 2026-04-15")).containsExactly("date 2026-04-15 «2026-04-15»");
        assertThat(found("le 1er juillet 2025")).containsExactly("date 2025-07-01 «1er juillet 2025»");
        assertThat(found("mardi 14 avril 2026")).containsExactly("date 2026-04-14 «mardi 14 avril 2026»");
        assertThat(found("what happened on 15 April 2026")).containsExactly("date 2026-04-15 «15 April 2026»");
        assertThat(found("April 15, 2026")).containsExactly("date 2026-04-15 «April 15, 2026»");
        assertThat(found("the 1st of May 2026")).containsExactly("date 2026-05-01 «1st of May 2026»");
        assertThat(found("sitting of 04/15/2026")).as("15 cannot be a month").containsExactly("date 2026-04-15 «04/15/2026»");
    }

    @Test
    void aDayWithoutItsYearIsTheNearestSuchDay() {
        LocalDate july = LocalDate.of(2026, 7, 1);
        assertThat(found("le 15 avril", july)).as("eleven weeks ago, nearer than next April").containsExactly("date 2026-04-15 «15 avril»");
        assertThat(found("le 15 avril")).as("from December: eight months back, four months on")
                .containsExactly("date 2027-04-15 «15 avril»");
        assertThat(found("on 15 April", july)).containsExactly("date 2026-04-15 «15 April»");
        assertThat(found("April 15th", july)).containsExactly("date 2026-04-15 «April 15th»");
        assertThat(found("le 15/04", july)).containsExactly("date 2026-04-15 «15/04»");
        assertThat(found("le 2 janvier")).as("across the new year").containsExactly("date 2027-01-02 «2 janvier»");
        assertThat(found("le 29 février")).as("only leap years have one").containsExactly("date 2028-02-29 «29 février»");
    }

    @Test
    void theTenseOfTheMessagePlacesADayWithoutItsYear() {
        // Asked in December: "le 15 avril" alone is the coming April (nearer), but a question in the past means the
        // April gone by, and one in the future the coming one even when the past one is nearer.
        assertThat(found("Qu'y avait-il à l'ordre du jour le 15 avril ?")).contains("date 2026-04-15 «15 avril»");
        assertThat(found("What was on the agenda on April 15?")).contains("date 2026-04-15 «April 15»");
        assertThat(found("Qu'est-ce qui a été débattu le 2 janvier ?")).contains("date 2026-01-02 «2 janvier»");
        LocalDate july = LocalDate.of(2026, 7, 1);
        assertThat(found("Qu'est-ce qui sera à l'ordre du jour le 15 avril ?", july))
                .contains("date 2027-04-15 «15 avril»");
        assertThat(found("What will be on the agenda on 15 April?", july)).contains("date 2027-04-15 «15 April»");
        assertThat(found("Qu'y avait-il le 7 décembre ?")).as("today is not in the future").contains("date 2026-12-07 «7 décembre»");
        assertThat(found("l'ordre du jour du 15 avril")).as("no tense: the nearest").contains("date 2027-04-15 «15 avril»");
        assertThat(found("Qu'y avait-il le 15 avril 2027 ?")).as("a year written wins").contains("date 2027-04-15 «15 avril 2027»");
    }

    @Test
    void relativeDaysCrossMidnightAndTheNewYear() {
        assertThat(found("demain", LocalDate.of(2026, 12, 31))).containsExactly("date 2027-01-01 «demain»");
        assertThat(found("hier", LocalDate.of(2027, 1, 1))).containsExactly("date 2026-12-31 «hier»");
        assertThat(found("last Tuesday", LocalDate.of(2027, 1, 1))).containsExactly("date 2026-12-29 «last Tuesday»");
        assertThat(found("mardi prochain", LocalDate.of(2026, 12, 30))).containsExactly("date 2027-01-05 «mardi prochain»");
    }

    @Test
    void numbersThatAreNotDaysStayWhatTheyWere() {
        assertThat(found("Résultat du scrutin 3876")).containsExactly("scrutin 3876 «3876»");
        assertThat(found("Où en est mon signalement 15 ?")).containsExactly("report 15 «15»");
        assertThat(found("mon signalement 15 avril")).as("the report number is not taken by the day")
                .first().isEqualTo("report 15 «15»");
        assertThat(found("J'habite au 75011")).containsExactly("postcode 75011 «75011»");
        assertThat(found("4e circonscription de la Gironde")).containsExactly("circonscription 33-4 «4e circonscription de la Gironde»");
        assertThat(found("le 33-4")).containsExactly("circonscription 33-4 «33-4»");
        assertThat(types("2,5 millions d'euros en 2026 pour le budget")).doesNotContain("date");
        assertThat(types("y a-t-il séance mardi ?")).as("which Tuesday is not said").doesNotContain("date");
        assertThat(types("le 31 février")).as("no such day").doesNotContain("date");
        assertThat(types("the 40th of May")).doesNotContain("date");
        assertThat(types("qui est mon député en mai ?")).as("a month is not a day").doesNotContain("date");
    }

    @Test
    void aFollowUpNamesADayAroundTheOneTheConversationIsAbout() {
        assertThat(EXTRACTOR.extract("et le 16 ?").getFirst().value()).isEqualTo("---16");
        assertThat(EXTRACTOR.extract("and on the 16th?").getFirst().value()).isEqualTo("---16");
        assertThat(EXTRACTOR.extract("et la veille ?").getFirst().value()).isEqualTo("day-1");
        assertThat(EXTRACTOR.extract("et le lendemain ?").getFirst().value()).isEqualTo("day+1");
        assertThat(EXTRACTOR.extract("and the day before?").getFirst().value()).isEqualTo("day-1");
        assertThat(EXTRACTOR.extract("the next day").getFirst().value()).isEqualTo("day+1");
        assertThat(found("the day before yesterday")).as("still a day from today")
                .containsExactly("date 2026-12-05 «day before yesterday»");
        assertThat(types("Résultat du scrutin 16")).as("a number in a sentence is not a day").doesNotContain("date");
        assertThat(types("16")).as("a number alone is not a day").doesNotContain("date");
        LocalDate april15 = LocalDate.of(2026, 4, 15);
        // on 7 December 2026 the nearest 16 April is 2027's; near 15 April 2026 it is 2026's
        assertThat(DateExpression.read("16 avril").orElseThrow().on(MONDAY_7_DECEMBER)).isEqualTo("2027-04-16");
        assertThat(DateExpression.read("16 avril").orElseThrow().near(april15, MONDAY_7_DECEMBER)).isEqualTo("2026-04-16");
        assertThat(DateExpression.read("on 16 April").orElseThrow().near(april15, MONDAY_7_DECEMBER)).isEqualTo("2026-04-16");
        assertThat(DateExpression.read("le 16").orElseThrow().near(april15, MONDAY_7_DECEMBER)).isEqualTo("2026-04-16");
        assertThat(DateExpression.read("la veille").orElseThrow().near(april15, MONDAY_7_DECEMBER)).isEqualTo("2026-04-14");
        assertThat(DateExpression.read("the next day").orElseThrow().near(april15, MONDAY_7_DECEMBER)).isEqualTo("2026-04-16");
        assertThat(DateExpression.read("le 31").orElseThrow().near(april15, MONDAY_7_DECEMBER)).as("April has 30 days")
                .isEqualTo("2026-04-30");
        assertThat(DateExpression.read("demain").orElseThrow().near(april15, MONDAY_7_DECEMBER)).as("its own day")
                .isEqualTo("2026-12-08");
        assertThat(found("et le 16 ?")).containsExactly("date 2026-12-16 «16»");
    }

    private static List<String> types(String text) {
        return EXTRACTOR.extract(text).stream().map(m -> m.type().apiName()).toList();
    }

    @Test
    void anExpressionKeepsItsValueUntilItIsReadOnADay() {
        assertThat(EXTRACTOR.extract("l'ordre du jour de demain").getFirst().value()).isEqualTo("today+1");
        assertThat(EXTRACTOR.extract("mardi dernier").getFirst().value()).isEqualTo("last-tuesday");
        assertThat(EXTRACTOR.extract("le 15 avril").getFirst().value()).isEqualTo("--04-15");
        assertThat(DateExpression.parse("2026-04-15").orElseThrow().on(MONDAY_7_DECEMBER)).isEqualTo("2026-04-15");
        assertThat(DateExpression.parse("demain")).isEmpty();
    }

    @Test
    void aCachedTomorrowDoesNotSurviveMidnight() {
        AtomicInteger parses = new AtomicInteger();
        NaturalLanguageUnderstanding extracting = (text, hint) -> {
            parses.incrementAndGet();
            return new Understanding(text, Language.FR, List.of(new IntentScore(Intent.AGENDA, 1)),
                    EXTRACTOR.extract(text));
        };
        TestClock clock = new TestClock(Instant.parse("2026-12-31T22:59:00Z"));
        NaturalLanguageUnderstanding nlu = new DatedUnderstanding(new CachingUnderstanding(extracting, 100), clock, PARIS);

        String before = nlu.parse("l'ordre du jour de demain", null).first(EntityType.DATE).orElseThrow().value();
        clock.advance(Duration.ofMinutes(2)); // 00:01 in Paris, 1 January
        String after = nlu.parse("l'ordre du jour de demain", null).first(EntityType.DATE).orElseThrow().value();

        assertThat(parses).as("the text was understood once, from the cache the second time").hasValue(1);
        assertThat(before).isEqualTo("2027-01-01");
        assertThat(after).as("tomorrow in Paris after its midnight").isEqualTo("2027-01-02");
    }
}
