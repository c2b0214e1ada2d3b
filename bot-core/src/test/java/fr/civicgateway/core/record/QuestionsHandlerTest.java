package fr.civicgateway.core.record;

import static fr.civicgateway.core.fixtures.FakeParliamentData.MARIE_PETIT;
import static fr.civicgateway.core.fixtures.FakeParliamentData.PANOT;
import static fr.civicgateway.core.fixtures.FakeParliamentData.RUFFIN;
import static fr.civicgateway.core.record.RecordTurns.ask;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.fixtures.FakeAssemblyWork;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.parliament.work.Question;
import fr.civicgateway.core.parliament.work.Questions;
import fr.civicgateway.core.parliament.work.SittingRef;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code representative_questions}: the count by kind and the latest of each kind. */
class QuestionsHandlerTest {

    private final FakeAssemblyWork work = new FakeAssemblyWork();
    private final QuestionsHandler handler = new QuestionsHandler(new FakeParliamentData(), work,
            MethodLinks.at("https://civic.example.org"));

    private static Question q(Question.Kind kind, String uid, String day, String title) {
        return new Question(kind, new SittingRef(uid, LocalDate.parse(day), title), title);
    }

    {
        work.questions.put(PANOT, new Questions(2, 1, List.of(
                q(Question.Kind.GOVERNMENT, "CR3", "2026-03-10", "Prix de l'énergie"),
                q(Question.Kind.ORAL_WITHOUT_DEBATE, "CR2", "2025-12-02", "Fermeture de la maternité d'Ivry"),
                q(Question.Kind.GOVERNMENT, "CR1", "2025-01-14", "Budget")),
                FakeAssemblyWork.provenance(Provenance.Method.QUESTIONS)));
        work.questions.put(RUFFIN, new Questions(1, 0, List.of(
                q(Question.Kind.GOVERNMENT, "CR4", "2025-02-04", "Usine d'Amiens")),
                FakeAssemblyWork.provenance(Provenance.Method.QUESTIONS)));
    }

    @Test
    void countsByKindAndTheLatestOfEachKindWithDateTitleSourceAndMethod() {
        String a = ask(handler, Language.FR, "Quelles questions a posé Mathilde Panot ?", PANOT, "Mathilde Panot");
        assertThat(a).startsWith("Du 18 juillet 2024 au 15 avril 2026, Mathilde Panot a posé 2 questions au "
                + "Gouvernement et 1 question orale sans débat.");
        assertThat(a).contains("Dernière question au Gouvernement : le 10 mars 2026, « Prix de l'énergie » "
                + "(https://www.assemblee-nationale.fr/dyn/17/comptes-rendus/seance/CR3)");
        assertThat(a).contains("Dernière question orale sans débat : le 2 décembre 2025, « Fermeture de la maternité d'Ivry »");
        assertThat(a).doesNotContain("Budget");
        assertThat(a).endsWith("(données au 15 avril 2026). Méthode an-questions-1 : "
                + "https://civic.example.org/methodology#an-questions-1");
    }

    @Test
    void oneKindOnlyAndZeroForTheOther() {
        String a = ask(handler, Language.FR, "Questions de François Ruffin ?", RUFFIN, "François Ruffin");
        assertThat(a).contains("François Ruffin a posé 1 question au Gouvernement et 0 question orale sans débat.")
                .doesNotContain("Dernière question orale");
    }

    @Test
    void aDeputyWithoutQuestionsInHerGender() {
        assertThat(ask(handler, Language.FR, "Questions de Marie Petit ?", MARIE_PETIT, "Marie Petit"))
                .startsWith("Du 18 juillet 2024 au 15 avril 2026, Marie Petit n'a posé aucune question au Gouvernement "
                        + "ni question orale sans débat : elle n'est l'autrice d'aucune question");
    }

    @Test
    void answersInEnglish() {
        String a = ask(handler, Language.EN, "Which questions did Mathilde Panot ask?", PANOT, "Mathilde Panot");
        assertThat(a).startsWith("From 18 July 2024 to 15 April 2026, Mathilde Panot asked 2 questions to the "
                + "Government (questions au Gouvernement) and 1 oral question without debate.");
        assertThat(a).contains("Latest question to the Government: 10 March 2026, \"Prix de l'énergie\"");
        assertThat(a).contains("(data as of 15 April 2026). Method an-questions-1:");
        assertThat(ask(handler, Language.EN, "Questions by Marie Petit?", MARIE_PETIT, "Marie Petit"))
                .contains("name her as the author of none");
    }
}
