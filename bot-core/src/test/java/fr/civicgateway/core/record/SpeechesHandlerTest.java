package fr.civicgateway.core.record;

import static fr.civicgateway.core.fixtures.FakeParliamentData.FABRICE_ROUSSEAU;
import static fr.civicgateway.core.fixtures.FakeParliamentData.MARIE_PETIT;
import static fr.civicgateway.core.fixtures.FakeParliamentData.PANOT;
import static fr.civicgateway.core.fixtures.FakeParliamentData.RUFFIN;
import static fr.civicgateway.core.fixtures.FakeParliamentData.SANDRINE_ROUSSEAU;
import static fr.civicgateway.core.fixtures.FakeParliamentData.UNRESOLVED;
import static fr.civicgateway.core.record.RecordTurns.ask;
import static fr.civicgateway.core.record.RecordTurns.text;
import static fr.civicgateway.core.record.RecordTurns.titles;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.fixtures.FakeAssemblyWork;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.parliament.work.SittingRef;
import fr.civicgateway.core.parliament.work.Speeches;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code representative_speeches}: the interventions in séance as the user reads them. */
class SpeechesHandlerTest {

    private final FakeAssemblyWork work = new FakeAssemblyWork();
    private final SpeechesHandler handler = new SpeechesHandler(new FakeParliamentData(), work,
            MethodLinks.at("https://civic.example.org"));

    {
        work.speeches.put(PANOT, new Speeches(1234, 400, 87,
                new SittingRef("CRSANR5L17S2026O1N150", LocalDate.of(2026, 4, 14), "Questions au Gouvernement"),
                FakeAssemblyWork.provenance(Provenance.Method.SPEECHES)));
        work.speeches.put(FABRICE_ROUSSEAU, new Speeches(1, 1, 1,
                new SittingRef("CRSANR5L17S2025O1N010", LocalDate.of(2025, 1, 9), null),
                FakeAssemblyWork.provenance(Provenance.Method.SPEECHES)));
    }

    @Test
    void givesTheCountsTheSittingsTheShortOnesApartAndTheLatestSittingWithSourceDateAndMethod() {
        String a = ask(handler, Language.FR, "Combien de fois Mathilde Panot est-elle intervenue ?", PANOT, "Mathilde Panot");
        assertThat(a).startsWith("Mathilde Panot a fait 1 234 interventions en séance publique du 18 juillet 2024 au "
                + "15 avril 2026, dans 87 séances, dont 400 interventions courtes (20 mots ou moins).");
        assertThat(a).contains("Elle est intervenue pour la dernière fois le 14 avril 2026, sur « Questions au "
                + "Gouvernement » : https://www.assemblee-nationale.fr/dyn/17/comptes-rendus/seance/CRSANR5L17S2026O1N150");
        assertThat(a).endsWith("(données au 15 avril 2026). Méthode an-speeches-1 : "
                + "https://civic.example.org/methodology#an-speeches-1");
    }

    @Test
    void aDeputyWhoNeverSpokeGetsZeroWithThePeriodInTheirGender() {
        assertThat(ask(handler, Language.FR, "François Ruffin intervient-il ?", RUFFIN, "François Ruffin"))
                .startsWith("François Ruffin n'est intervenu dans aucune séance publique du 18 juillet 2024 au "
                        + "15 avril 2026");
        assertThat(ask(handler, Language.FR, "Marie Petit intervient-elle ?", MARIE_PETIT, "Marie Petit"))
                .startsWith("Marie Petit n'est intervenue dans aucune séance publique")
                .contains("données au 15 avril 2026");
    }

    @Test
    void oneInterventionIsSingularAndAMaleDeputysLatestSittingWithoutSubject() {
        assertThat(ask(handler, Language.FR, "Fabrice Rousseau parle-t-il ?", FABRICE_ROUSSEAU, "Fabrice Rousseau"))
                .contains("a fait 1 intervention en séance publique", "dans 1 séance, dont 1 intervention courte")
                .contains("Il est intervenu pour la dernière fois le 9 janvier 2025 : https://");
    }

    @Test
    void answersInEnglish() {
        String a = ask(handler, Language.EN, "How often did Mathilde Panot speak?", PANOT, "Mathilde Panot");
        assertThat(a).startsWith("Mathilde Panot made 1,234 interventions in the chamber (séance publique) from "
                + "18 July 2024 to 15 April 2026, in 87 sittings, of which 400 short interventions (20 words or fewer).");
        assertThat(a).contains("She last spoke on 14 April 2026, on \"Questions au Gouvernement\"");
        assertThat(a).contains("(data as of 15 April 2026). Method an-speeches-1:");
    }

    @Test
    void anUnknownDeputyIsSaidUnknownNeverGivenZero() {
        String a = text(handler.handle(RecordTurns.turn(Intent.REPRESENTATIVE_SPEECHES, Language.FR,
                "Combien de fois Jean Dupontel est intervenu ?",
                List.of(new EntityMention(EntityType.DEPUTY, "", "Jean Dupontel", 15, 28, List.of(),
                        EntityMention.Certainty.GUESSED)), ConversationState.start(Language.FR, RecordTurns.NOW))));
        assertThat(a).startsWith("Je ne trouve aucun député nommé « Jean Dupontel »").doesNotContain("0 intervention");
    }

    @Test
    void aSharedNameIsAskedBackAndTheConversationsDeputyIsKept() {
        Answer which = handler.handle(RecordTurns.turn(Intent.REPRESENTATIVE_SPEECHES, Language.FR,
                "Rousseau intervient-il ?", List.of(new EntityMention(EntityType.DEPUTY, SANDRINE_ROUSSEAU, "Rousseau",
                        0, 8, List.of(SANDRINE_ROUSSEAU, FABRICE_ROUSSEAU))),
                ConversationState.start(Language.FR, RecordTurns.NOW)));
        assertThat(text(which)).startsWith("Plusieurs députés correspondent à « Rousseau »");
        assertThat(titles(which)).containsExactly("Sandrine Rousseau", "Fabrice Rousseau");

        Answer last = handler.handle(RecordTurns.turn(Intent.REPRESENTATIVE_SPEECHES, Language.FR,
                "et ses interventions ?", List.of(), ConversationState.start(Language.FR, RecordTurns.NOW).withDeputy(PANOT)));
        assertThat(text(last)).startsWith("Mathilde Panot a fait 1 234 interventions");
        assertThat(last.state().lastDeputyUid()).isEqualTo(PANOT);
        assertThat(titles(last)).containsExactly("Sa participation", "Sa présence", "Ses questions",
                "Ses propositions de loi");
    }

    @Test
    void aDeputyTheDataGivesNoNameOfHasNoData() {
        assertThat(ask(handler, Language.FR, "PA999999 ?", UNRESOLVED, "PA999999"))
                .startsWith("Les comptes rendus chargés (jusqu'au 15 avril 2026) ne couvrent pas le mandat de PA999999");
    }
}
