package fr.civicgateway.core.consultations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pseudonym answers are stored under: stable across restarts, unlinkable across consultations, opaque. */
class ConsultationPseudonymsTest {

    private static final String SECRET = "a test key of sixteen bytes or more";

    @Test
    void twoProcessesWithTheSameSecretAgreeSoOneAnswerPerPersonSurvivesARestart() {
        assertThat(ConsultationPseudonyms.fromSecret(SECRET).of("piste", "web:abc-123"))
                .isEqualTo(ConsultationPseudonyms.fromSecret(SECRET).of("piste", "web:abc-123"));
    }

    @Test
    void thePseudonymHoldsNothingOfTheConversationAndDiffersPerConsultationAndPerSecret() {
        ConsultationPseudonyms p = ConsultationPseudonyms.fromSecret(SECRET);
        String pseudonym = p.of("piste", "web:abc-123");

        assertThat(pseudonym).matches("[A-Za-z0-9_-]{43}").doesNotContain("abc").doesNotContain("web");
        assertThat(p.of("bibliotheque", "web:abc-123")).isNotEqualTo(pseudonym);
        assertThat(p.of("piste", "telegram:abc-123")).isNotEqualTo(pseudonym);
        assertThat(ConsultationPseudonyms.fromSecret("another key of sixteen bytes").of("piste", "web:abc-123")).isNotEqualTo(pseudonym);
    }

    @Test
    void withoutASecretNoPseudonymIsMadeAndAShortOneIsRefusedWithoutPrintingIt() {
        assertThat(ConsultationPseudonyms.fromSecret(null).enabled()).isFalse();
        assertThat(ConsultationPseudonyms.fromSecret("  ").enabled()).isFalse();
        assertThatThrownBy(() -> ConsultationPseudonyms.disabled().of("piste", "web:abc"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CIVIC_PSEUDONYM_SECRET is not set");
        assertThatThrownBy(() -> ConsultationPseudonyms.fromSecret("short-secret"))
                .hasMessage("CIVIC_PSEUDONYM_SECRET must be at least 16 bytes long, was 12");
        assertThat(ConsultationPseudonyms.fromSecret(SECRET).toString()).doesNotContain(SECRET);
    }
}
