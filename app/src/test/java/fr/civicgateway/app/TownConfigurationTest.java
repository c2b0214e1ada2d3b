package fr.civicgateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.town.Town;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code civic.town} as an operator writes it: bound, checked, and the one time zone every component is given. */
class TownConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(TownConfiguration.class);

    @Test
    void aTownOfPostcodesInItsOwnTimeZoneIsTheOneZoneOfTheGateway() {
        runner.withPropertyValues("civic.town.name=Cayenne", "civic.town.time-zone=America/Cayenne",
                "civic.town.places=postcodes", "civic.town.example-places=97300").run(context -> {
            assertThat(context.getBean(Town.class)).isEqualTo(new Town("Cayenne", ZoneId.of("America/Cayenne"),
                    Town.Places.POSTCODES, List.of("97300")));
            assertThat(context.getBean(ZoneId.class)).isEqualTo(ZoneId.of("America/Cayenne"));
        });
    }

    @Test
    void aMistakeStopsTheStartUpNamingTheKey() {
        runner.withPropertyValues("civic.town.name=Annecy", "civic.town.time-zone=Europe/Paris",
                "civic.town.places=arrondissements", "civic.town.example-places=74000").run(context ->
                assertThat(context).getFailure().rootCause().hasMessage("civic.town.places: 'Annecy' has no municipal"
                        + " arrondissements (only Paris, Lyon, Marseille have): use postcodes"));
    }

    @Test
    void theFormerConsultationZoneIsRefusedRatherThanSilentlyIgnored() {
        runner.withPropertyValues("civic.town.name=Paris", "civic.town.time-zone=Europe/Paris",
                "civic.town.places=arrondissements", "civic.town.example-places=75011",
                "civic.consultations.zone=Indian/Reunion").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining(
                        "civic.consultations.zone is replaced by civic.town.time-zone"));
    }
}
