package fr.civicgateway.app.reports;

import fr.civicgateway.app.support.OnPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every scenario of {@link ReportsOverHttpTest}, end to end through the chat and Open311, on a real PostgreSQL. */
class ReportsOverHttpOnPostgresTest extends ReportsOverHttpTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        OnPostgres.useAFreshDatabase(registry);
    }
}
