package fr.civicgateway.app.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a whole-gateway test at a fresh database on the test run's real PostgreSQL server instead of the default
 * H2 file: the same scenarios, end to end, on the production database. Call it from a {@code @DynamicPropertySource}.
 */
public final class OnPostgres {

    private OnPostgres() {
    }

    public static void useAFreshDatabase(DynamicPropertyRegistry registry) {
        PostgresServer server = PostgresServer.shared();
        String url = server.createDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", server::username);
        registry.add("spring.datasource.password", () -> "");
        // Required on PostgreSQL (instances must agree); the same test key as the H2 scenarios.
        registry.add("CIVIC_PSEUDONYM_SECRET", () -> "a test key of sixteen bytes or more");
    }
}
