package fr.civicgateway.app.ordering;

import fr.civicgateway.app.support.OnPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link OneConversationOneOrderTest} on a real PostgreSQL, where the lock is the database's. */
class OneConversationOneOrderOnPostgresTest extends OneConversationOneOrderTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        OnPostgres.useAFreshDatabase(registry);
    }
}
