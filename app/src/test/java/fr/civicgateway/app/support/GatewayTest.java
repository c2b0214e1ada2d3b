package fr.civicgateway.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole gateway on the shipped snapshot, on a random port. Every test class that uses it shares one
 * application context (Spring caches it), so the data is loaded once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"civic.data.directory=${civic.repository-root}/data",
                "civic.local.directory=${civic.repository-root}/config/adapters",
                "civic.local.base-directory=${civic.repository-root}"})
public @interface GatewayTest {
}
