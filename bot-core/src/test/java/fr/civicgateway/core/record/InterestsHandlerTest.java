package fr.civicgateway.core.record;

import static fr.civicgateway.core.fixtures.FakeParliamentData.PANOT;
import static fr.civicgateway.core.fixtures.FakeParliamentData.RUFFIN;
import static fr.civicgateway.core.record.RecordTurns.ask;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.fixtures.FakeAssemblyWork;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.work.Declaration;
import fr.civicgateway.core.parliament.work.Declarations;
import fr.civicgateway.core.parliament.work.Provenance;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code representative_interests}: whether and when, with the HATVP page; never a figure of the content. */
class InterestsHandlerTest {

    private final FakeAssemblyWork work = new FakeAssemblyWork();
    private final InterestsHandler handler = new InterestsHandler(new FakeParliamentData(), work,
            MethodLinks.at("https://civic.example.org"));
    private static final String PAGE = "https://www.hatvp.fr/pages_nominatives/panot-mathilde";

    {
        work.declarations.put(PANOT, new Declarations(List.of(
                new Declaration(Declaration.Kind.INTERESTS, "diam", LocalDate.of(2025, 3, 4)),
                new Declaration(Declaration.Kind.INTERESTS, "dia", LocalDate.of(2024, 10, 2))),
                PAGE, FakeAssemblyWork.provenance(Provenance.Method.HATVP_DECLARATIONS)));
    }

    @Test
    void whichDeclarationsWereFiledAndWhenWithTheDeputysHatvpPage() {
        String a = ask(handler, Language.FR, "Mathilde Panot a-t-elle déclaré ses intérêts ?", PANOT, "Mathilde Panot");
        assertThat(a).startsWith("D'après l'index des déclarations publiées par la HATVP (publications jusqu'au "
                + "30 juillet 2025), Mathilde Panot a déposé :");
        assertThat(a).contains("• déclaration d'intérêts et d'activités : 2 publiées (avec les modifications), la "
                + "dernière le 4 mars 2025");
        assertThat(a).contains("• déclaration de situation patrimoniale : aucune dans l'index");
        assertThat(a).contains("Le contenu des déclarations est sur la page de Mathilde Panot à la HATVP : " + PAGE);
        assertThat(a).endsWith("(données au 30 juillet 2025). Méthode hatvp-declarations-1 : "
                + "https://civic.example.org/methodology#hatvp-declarations-1");
        assertThat(a).doesNotContain("€");
    }

    @Test
    void aDeputyTheIndexDoesNotListGetsTheSearchPage() {
        String a = ask(handler, Language.FR, "Déclarations de François Ruffin ?", RUFFIN, "François Ruffin");
        assertThat(a).startsWith("L'index des déclarations publiées par la HATVP (publications jusqu'au 30 juillet 2025) "
                + "ne contient aucune déclaration de François Ruffin.");
        assertThat(a).contains("Vous pouvez chercher François Ruffin parmi les déclarations publiées de la HATVP : "
                + InterestsHandler.HATVP_SEARCH);
    }

    @Test
    void answersInEnglish() {
        String a = ask(handler, Language.EN, "Did Mathilde Panot declare her interests?", PANOT, "Mathilde Panot");
        assertThat(a).contains("Mathilde Panot filed:", "• declaration of interests and activities: 2 published "
                + "(amendments included), the latest on 4 March 2025", "• declaration of assets: none in the index",
                "on Mathilde Panot's page at the HATVP: " + PAGE, "(data as of 30 July 2025)");
    }
}
