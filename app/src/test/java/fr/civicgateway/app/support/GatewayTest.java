package fr.civicgateway.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole gateway on the shipped snapshot, on a random port. Every test class that uses it shares one
 * application context (Spring caches it), so the data is loaded once per test run. Its public address
 * ({@code civic.public-url}, which answers' method links start with) is {@link #PUBLIC_URL}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"civic.data.directory=${civic.repository-root}/data",
                "civic.local.directory=${civic.repository-root}/config/adapters",
                "civic.local.base-directory=${civic.repository-root}",
                "civic.public-url=" + GatewayTest.PUBLIC_URL})
public @interface GatewayTest {

    /** The public address of the test gateway: not this machine's, so that a link built on another is caught. */
    String PUBLIC_URL = "https://civic.example.org";
}
