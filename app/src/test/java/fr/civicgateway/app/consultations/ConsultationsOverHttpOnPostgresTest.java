package fr.civicgateway.app.consultations;

import fr.civicgateway.app.support.OnPostgres;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every scenario of {@link ConsultationsOverHttpTest}, end to end through the chat and the admin API, on a real PostgreSQL. */
@Import(ConsultationsOverHttpTest.FixedClock.class) // nested test configurations are not inherited
class ConsultationsOverHttpOnPostgresTest extends ConsultationsOverHttpTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        OnPostgres.useAFreshDatabase(registry);
    }
}
