package fr.civicgateway.core.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.fixtures.FakeGeoDirectory;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.OpenNlpUnderstanding;
import fr.civicgateway.core.nlu.Understanding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agenda's questions reach the agenda, with their day; its quick replies reach the intents they ask. */
class AgendaRoutingTest {

    private static OpenNlpUnderstanding nlu;

    @BeforeAll
    static void train() {
        nlu = OpenNlpUnderstanding.create(new FakeParliamentData(), new FakeGeoDirectory());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Quand siège l'Assemblée ?", "Quel est l'ordre du jour ?",
            "When does the Assemblée sit next?", "what is on the agenda?", "Prochaines séances"})
    void questionsAboutTheNextSittingsAreTheAgendas(String text) {
        Understanding u = nlu.parse(text, null);
        assertThat(u.intent()).as("%s → %s", text, u.ranking()).isEqualTo(Intent.AGENDA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Qu'y avait-il à l'ordre du jour le 15 avril ?", "what was on the agenda last Tuesday",
            "l'ordre du jour de demain", "y a-t-il séance aujourd'hui ?", "what happened in the chamber on 15 April 2026?",
            "Quel était l'ordre du jour de l'Assemblée le 3 mars 2025 ?", "ordre du jour du 15/04/2026"})
    void questionsAboutADayAreTheAgendasWithTheirDay(String text) {
        Understanding u = nlu.parse(text, null);
        assertThat(u.intent()).as("%s → %s", text, u.ranking()).isEqualTo(Intent.AGENDA);
        assertThat(u.first(EntityType.DATE)).as(text).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Où en est le texte « Transport maritime à propulsion vélique » ?",
            "Où en est le texte « Sécurité et prévention des risques d'attentat » ?",
            "Où en est le texte « Fin de vie » ?",
            "Where does the bill “Transport maritime à propulsion vélique” stand?",
            "Where does the bill “Fin de vie” stand?"})
    void theBillQuickRepliesAskWhereTheBillStands(String text) {
        Understanding u = nlu.parse(text, null);
        assertThat(u.intent()).as("%s → %s", text, u.ranking()).isEqualTo(Intent.BILL_STATUS);
    }
}
