package fr.civicgateway.app.attachments;

import fr.civicgateway.app.support.OnPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every scenario of {@link AttachmentsOverHttpTest} on a real PostgreSQL (the V12 table, its bytes and claims). */
class AttachmentsOverHttpOnPostgresTest extends AttachmentsOverHttpTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        OnPostgres.useAFreshDatabase(registry);
    }
}
