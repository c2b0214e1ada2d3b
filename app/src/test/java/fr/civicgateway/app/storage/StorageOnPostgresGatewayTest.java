package fr.civicgateway.app.storage;

import fr.civicgateway.app.support.OnPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The conversation's context kept across messages, end to end through the chat, on a real PostgreSQL. */
class StorageOnPostgresGatewayTest extends StorageOnTheGatewayTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        OnPostgres.useAFreshDatabase(registry);
    }

    @Override
    String expectedDatabase() {
        return "PostgreSQL";
    }
}
