package fr.civicgateway.core.parliament.work;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.parliament.Deputy;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The one rule the chat's record answers and the deputy's page share: a source says nothing of a deputy it has no
 * name for, or whose mandate ended before the source's first day (its zero would read as a figure).
 */
class ProvenanceTest {

    static final LocalDate FIRST_DAY = LocalDate.of(2024, 10, 1);
    static final Provenance SPEECHES = new Provenance("Assemblée nationale, comptes rendus",
            "https://www.assemblee-nationale.fr/dyn/17/comptes-rendus/seance", FIRST_DAY, LocalDate.of(2025, 11, 17),
            Provenance.Method.SPEECHES);
    static final Provenance NO_START = new Provenance("HATVP", "https://www.hatvp.fr/", null,
            LocalDate.of(2025, 11, 17), Provenance.Method.HATVP_DECLARATIONS);

    static Deputy endedOn(LocalDate end) {
        return new Deputy("PA1", "Mme", "Claire", "Martin", end == null, "PO845413", null, LocalDate.of(2024, 7, 18), end);
    }

    @Test
    void saysSomethingOfASittingDeputy() {
        assertThat(SPEECHES.saysNothingOf(endedOn(null))).isFalse();
    }

    @Test
    void saysNothingOfADeputyWhoseMandateEndedTheDayBeforeTheSourcesFirstDay() {
        assertThat(SPEECHES.saysNothingOf(endedOn(FIRST_DAY.minusDays(1)))).isTrue();
    }

    @Test
    void saysSomethingOfADeputyWhoseMandateEndedOnOrAfterTheSourcesFirstDay() {
        assertThat(SPEECHES.saysNothingOf(endedOn(FIRST_DAY))).isFalse();
        assertThat(SPEECHES.saysNothingOf(endedOn(FIRST_DAY.plusDays(30)))).isFalse();
    }

    @Test
    void aSourceWithoutAFirstDayExcludesNoFormerDeputy() {
        assertThat(NO_START.saysNothingOf(endedOn(LocalDate.of(2020, 1, 1)))).isFalse();
    }

    @Test
    void saysNothingOfADeputyTheDataHasNoNameFor() {
        Deputy unresolved = new Deputy("PA2", null, null, null, false, null, null, null, null);
        assertThat(SPEECHES.saysNothingOf(unresolved)).isTrue();
        assertThat(NO_START.saysNothingOf(unresolved)).isTrue();
    }
}
