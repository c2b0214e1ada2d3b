package fr.civicgateway.app.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.StepKind;
import fr.civicgateway.opendata.assemblee.WorkRefresh;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The deputies' record and the Assemblée's work are loaded at start-up from the shipped snapshot and served to the
 * handlers through the {@link AssemblyWork} port. (The same configuration as {@code ShippedSourcesTest}, so the two
 * share one application context.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "CIVIC_ADMIN_TOKEN=test-admin-token",
        "CIVIC_OPEN311_API_KEY=test-open311-key"})
class AssemblyWorkAtStartTest {

    @Autowired
    AssemblyWork work;
    @Autowired
    ApplicationContext context;

    @Test
    void theShippedRecordIsLoadedAtStartWithItsDates() {
        assertThat(work.speeches("PA720892").interventions()).isPositive();
        assertThat(work.speeches("PA720892").provenance().dataDate()).isEqualTo(LocalDate.of(2026, 4, 15));
        assertThat(work.dossier("DLR5L17N50168").orElseThrow().stage(work.dossiersProvenance().dataDate())
                .orElseThrow().kind()).isEqualTo(StepKind.PROMULGATED);
        assertThat(work.agendaOn(LocalDate.of(2026, 2, 17))).isNotEmpty();
        assertThat(work.declarations("PA720892").hatvpPage()).startsWith("https://www.hatvp.fr/");
        assertThat(work.amendments("PA720892")).as("not shipped: not available").isEmpty();
        assertThat(context.getBeanProvider(WorkRefresh.class).getIfAvailable()).as("refresh off").isNull();
    }

    /** The data answered is the data read beside the context's start (DataAtStart), not a second read of it. */
    @Test
    void theDataReadBeforeTheContextIsTheDataAnswered() {
        DataAtStart.Loads early = context.getBean(DataAtStart.Loads.class);
        assertThat(context.getBean(LiveOpenData.class).snapshot()).isSameAs(early.assemblee().join());
        assertThat(context.getBean(LiveAssemblyWork.class).snapshot()).isSameAs(early.work().join());
        assertThat(context.getBean(LiveOpenData.class).geo()).isSameAs(early.geo().join());
    }
}
