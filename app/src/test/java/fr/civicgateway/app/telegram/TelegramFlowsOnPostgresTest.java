package fr.civicgateway.app.telegram;

import fr.civicgateway.app.support.OnPostgres;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Both flows of {@link TelegramFlowsTest} over Telegram, end to end, on a real PostgreSQL. */
@Import(TelegramFlowsTest.FixedClock.class) // nested test configurations are not inherited
class TelegramFlowsOnPostgresTest extends TelegramFlowsTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        OnPostgres.useAFreshDatabase(registry);
    }
}
