package fr.civicgateway.core.record;

import static fr.civicgateway.core.fixtures.FakeParliamentData.DE_COURSON;
import static fr.civicgateway.core.fixtures.FakeParliamentData.PANOT;
import static fr.civicgateway.core.fixtures.FakeParliamentData.RUFFIN;
import static fr.civicgateway.core.record.RecordTurns.ask;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.fixtures.FakeAssemblyWork;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.work.CommitteePresence;
import fr.civicgateway.core.parliament.work.Provenance;
import org.junit.jupiter.api.Test;

/**
 * {@code representative_presence}: committee presence stated as what it is, and the participation in votes beside
 * it (the fixture's scrutins list no vote of anyone: 0 of the 9 ordinary and solemn ones since 18 July 2024).
 */
class PresenceHandlerTest {

    private final FakeAssemblyWork work = new FakeAssemblyWork();
    private final PresenceHandler handler = new PresenceHandler(new FakeParliamentData(), work,
            MethodLinks.at("https://civic.example.org"));

    {
        work.presence.put(PANOT, new CommitteePresence(10, 3, 2,
                FakeAssemblyWork.provenance(Provenance.Method.COMMITTEE_PRESENCE)));
        work.presence.put(DE_COURSON, new CommitteePresence(1, 0, 0,
                FakeAssemblyWork.provenance(Provenance.Method.COMMITTEE_PRESENCE)));
    }

    @Test
    void committeePresenceWithItsRateAndWhatItIsThenVoteParticipationEachWithItsMethod() {
        String a = ask(handler, Language.FR, "Est-ce que Mathilde Panot est présente à l'Assemblée ?", PANOT,
                "Mathilde Panot");
        assertThat(a).startsWith("Du 19 juillet 2024 au 14 avril 2026, Mathilde Panot figure sur la feuille de présence "
                + "de 15 réunions de commission : présente à 10 réunions, absente à 3 réunions et excusée à 2 réunions, "
                + "soit un taux de présence en commission de 66,7 %.");
        assertThat(a).contains("Ce chiffre ne couvre que les réunions de commission qui publient leur feuille de présence",
                "noté « excusé »", "L'Assemblée n'enregistre aucune présence en séance publique.");
        assertThat(a).contains("(données au 14 avril 2026). Méthode an-committee-presence-1 : "
                + "https://civic.example.org/methodology#an-committee-presence-1");
        assertThat(a).contains("En séance, on connaît la participation aux votes : Mathilde Panot a pris part à "
                + "0 scrutin public sur 9 ordinaires et solennels tenus du 1er octobre 2024 au 21 novembre 2025, soit 0,0 %.")
                .contains("elle peut avoir été présente sans voter.")
                .contains("https://www.assemblee-nationale.fr/dyn/deputes/PA720892 (données au 21 novembre 2025).")
                .endsWith("Méthode an-participation-1 : https://civic.example.org/methodology#an-participation-1");
    }

    @Test
    void aDeputyOnNoRollHasNoCommitteePresenceButHisParticipation() {
        String a = ask(handler, Language.FR, "François Ruffin est-il présent ?", RUFFIN, "François Ruffin");
        assertThat(a).startsWith("Du 19 juillet 2024 au 14 avril 2026, François Ruffin ne figure sur la feuille de "
                + "présence d'aucune réunion de commission publiée : je n'ai pas de présence en commission le concernant.")
                .doesNotContain("taux de présence")
                .contains("François Ruffin a pris part à 0 scrutin public sur 9", "il peut avoir été présent sans voter");
    }

    @Test
    void oneMeetingIsSingularForAMaleDeputy() {
        assertThat(ask(handler, Language.FR, "Charles de Courson présent ?", DE_COURSON, "Charles de Courson"))
                .contains("de 1 réunion de commission : présent à 1 réunion, absent à 0 réunion et excusé à 0 réunion, "
                        + "soit un taux de présence en commission de 100,0 %.");
    }

    @Test
    void answersInEnglish() {
        String a = ask(handler, Language.EN, "Is Mathilde Panot present at the Assemblée?", PANOT, "Mathilde Panot");
        assertThat(a).startsWith("From 19 July 2024 to 14 April 2026, Mathilde Panot is on the attendance lists of "
                + "15 committee meetings: present at 10 meetings, absent from 3 meetings and excused from 2 meetings, so "
                + "her committee presence rate is 66.7%.");
        assertThat(a).contains("The Assemblée records no presence in the chamber.",
                "Mathilde Panot took part in 0 public votes of the 9 ordinary and solemn ones", "0.0%",
                "she may have been present without voting", "Method an-participation-1: https://civic.example.org/methodology#an-participation-1");
    }

    @Test
    void claimsTheQuestionOfPresenceInTheChamberWhichOnlyThisAnswerAnswersHonestly() {
        var state = fr.civicgateway.core.dialogue.ConversationState.start(Language.FR, RecordTurns.NOW);
        assertThat(handler.claims("Est-ce que mon député est présent à l'Assemblée ?", state)).isTrue();
        assertThat(handler.claims("Mathilde Panot est-elle souvent absente dans l'hémicycle ?", state)).isTrue();
        assertThat(handler.claims("Is my MP present in the chamber?", state)).isTrue();
        assertThat(handler.claims("Quel est le taux de participation de Mathilde Panot ?", state)).isFalse();
        assertThat(handler.claims("Combien de fois Mathilde Panot a pris la parole en séance ?", state)).isFalse();
        assertThat(handler.claims("Qui est le député de la 1re circonscription ?", state)).isFalse();
    }
}
