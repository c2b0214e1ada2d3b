package fr.civicgateway.app.support;

import static fr.civicgateway.opendata.testing.AssembleeSite.AMO10;
import static fr.civicgateway.opendata.testing.AssembleeSite.AMO30;
import static fr.civicgateway.opendata.testing.AssembleeSite.SCRUTINS;

import fr.civicgateway.core.testing.TestClock;
import fr.civicgateway.opendata.assemblee.OfficialArchives;
import fr.civicgateway.opendata.http.ManualScheduler;
import fr.civicgateway.opendata.http.RefreshScheduler;
import fr.civicgateway.opendata.testing.AssembleeSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The whole gateway with live refresh on, against a fake Assemblée site that serves the real archives: the site
 * (AMO10, AMO30 and the shipped scrutins up to a number, each with an ETag ending in {@code -1}), the test's clock,
 * the refresh scheduler that runs nothing by itself (the test calls {@code refreshNow()}: nothing waits for a
 * back-off), and the directory where the refresh keeps its last good archives. A test class holds one in a static
 * field and wires it so:
 *
 * <pre>{@code
 * @SpringBootTest(properties = {"civic.data.directory=${civic.repository-root}/data", "civic.data.refresh.enabled=true"})
 * @Import(LiveAssembleeSite.Beans.class)
 * class ANewScrutinTest {
 *     static final LiveAssembleeSite LIVE = LiveAssembleeSite.upToScrutin(3813);
 *
 *     @DynamicPropertySource
 *     static void site(DynamicPropertyRegistry registry) {
 *         LIVE.register(registry);
 *     }
 *
 *     @AfterAll
 *     static void closeSite() {
 *         LIVE.close();
 *     }
 * }
 * }</pre>
 *
 * Each test class gets its own site, clock and context (its {@code @DynamicPropertySource} is its own).
 */
public final class LiveAssembleeSite implements AutoCloseable {

    /** The clock's start: 07:00 in Paris, a year after the shipped data's last scrutin. */
    public static final Instant START = Instant.parse("2026-12-03T06:00:00Z");

    /**
     * The property under which {@link #register} puts the fixture itself, for {@link Beans} to find the clock and
     * the scheduler of its own test class; no {@code civic.*} configuration record binds it.
     */
    static final String PROPERTY = "test.live-assemblee-site";

    private final AssembleeSite site = new AssembleeSite();
    private final TestClock clock = new TestClock(START);
    private final ManualScheduler scheduler = new ManualScheduler();
    private final Path directory;

    private LiveAssembleeSite(int lastScrutin) {
        site.serve(AMO10, OfficialArchives.amo10(), "\"amo10-1\"");
        site.serve(AMO30, OfficialArchives.amo30(), "\"amo30-1\"");
        site.serve(SCRUTINS, OfficialArchives.scrutins(n -> n <= lastScrutin), "\"scrutins-1\"");
        try {
            directory = Files.createTempDirectory("opendata");
        } catch (IOException e) {
            site.close();
            throw new UncheckedIOException(e);
        }
    }

    /** A site that serves the shipped scrutins up to that number, and the shipped AMO10 and AMO30. */
    public static LiveAssembleeSite upToScrutin(int lastScrutin) {
        return new LiveAssembleeSite(lastScrutin);
    }

    public AssembleeSite site() {
        return site;
    }

    public TestClock clock() {
        return clock;
    }

    /** The refresh's scheduler: it records the delay asked for and runs nothing. */
    public ManualScheduler scheduler() {
        return scheduler;
    }

    /** {@code civic.data.refresh.directory}: a new directory, where the refresh keeps its last good archives. */
    public Path directory() {
        return directory;
    }

    /** Points the gateway's refresh at the site and the directory, and lets {@link Beans} find this fixture. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("civic.data.refresh.amo10-url", () -> site.url(AMO10));
        registry.add("civic.data.refresh.amo30-url", () -> site.url(AMO30));
        registry.add("civic.data.refresh.scrutins-url", () -> site.url(SCRUTINS));
        registry.add("civic.data.refresh.directory", directory::toString);
        registry.add(PROPERTY, () -> this);
    }

    @Override
    public void close() {
        site.close();
    }

    @Override
    public String toString() {
        return "LiveAssembleeSite[" + site.url("/") + ", " + directory + "]";
    }

    /** The fixture's clock and scheduler in place of the gateway's: {@code @Import} it beside {@link #register}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Beans {

        @Bean
        @Primary
        Clock testClock(Environment env) {
            return of(env).clock();
        }

        @Bean
        @Primary
        RefreshScheduler manualRefreshScheduler(Environment env) {
            return of(env).scheduler();
        }

        private static LiveAssembleeSite of(Environment env) {
            LiveAssembleeSite live = env.getProperty(PROPERTY, LiveAssembleeSite.class);
            if (live == null) {
                throw new IllegalStateException("no " + PROPERTY + ": call LiveAssembleeSite#register from the test's "
                        + "@DynamicPropertySource");
            }
            return live;
        }
    }
}
