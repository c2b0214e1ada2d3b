package fr.civicgateway.app.opendata;

import fr.civicgateway.app.CivicGatewayApplication;
import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.opendata.assemblee.AssembleeLoader;
import fr.civicgateway.opendata.assemblee.AssembleeSnapshot;
import fr.civicgateway.opendata.assemblee.WorkLoader;
import fr.civicgateway.opendata.assemblee.WorkSnapshot;
import fr.civicgateway.opendata.geo.GeoTablesLoader;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts reading the shipped data the moment the configuration is known, before the Spring context is even created:
 * the geographic tables on one thread, the Assemblée's snapshot on another and, once it is read (it needs the
 * deputies), the deputies' record and the Assemblée's work (issue 11). The context's own start (classes, beans, the
 * database and its migrations, the web server) then runs beside those reads instead of before them; on two cores
 * that takes about a third off the start-up (BENCHMARKS.md, "Start-up to ready").
 *
 * <p>{@link OpenDataConfiguration} joins these loads, and uses them only when they read what the context's own
 * configuration asks for: same data directory ({@code civic.data.directory}, bound again by the context) and no live
 * refresh for the Assemblée's archives (with refresh on, the last good downloads are read at start instead, by the
 * refresh itself; the geographic tables, which are never refreshed, are still read early). Otherwise the early loads
 * are dropped and the context loads as before. A load that fails fails the start, with the loader's own message,
 * when the context joins it.
 *
 * <p>Registered in {@code META-INF/spring.factories}: SpringApplication makes one instance per run, so each context
 * (a test's, a benchmark's) has its own loads; only applications of {@link CivicGatewayApplication} load anything. The threads are daemons: a context that fails before joining does not
 * keep the JVM alive.
 */
public final class DataAtStart implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(DataAtStart.class);

    /** The name of the bean holding the loads started early. */
    static final String BEAN = "civicDataAtStart";

    /** What was started, for the data directory it was started for. */
    record Loads(Path directory, CompletableFuture<GeoDirectory> geo, CompletableFuture<AssembleeSnapshot> assemblee,
                 CompletableFuture<WorkSnapshot> work) {

        /** True when these loads read the directory the context is configured with. */
        boolean readFrom(Path configured) {
            return directory.toAbsolutePath().normalize().equals(configured.toAbsolutePath().normalize());
        }

        static <T> T join(CompletableFuture<T> loading) {
            try {
                return loading.join();
            } catch (CompletionException e) {
                // The loaders' own exception (it names the file) is what the operator needs to read.
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
    }

    private Loads loads;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared && loads == null
                // Only for the gateway: not for a test's or a tool's context of a few settings on this class path.
                && prepared.getSpringApplication().getAllSources().contains(CivicGatewayApplication.class)) {
            Binder binder = Binder.get(prepared.getEnvironment());
            Path directory;
            boolean refresh;
            try {
                directory = binder.bind("civic.data.directory", Path.class).orElse(Path.of("data"));
                refresh = binder.bind("civic.data.refresh.enabled", Boolean.class).orElse(false);
            } catch (RuntimeException e) {
                // Unresolvable here (a placeholder only the context defines): the context loads as before.
                log.debug("data not loaded early: {}", e.toString());
                return;
            }
            CompletableFuture<GeoDirectory> geo = start("geo-load", () -> GeoTablesLoader.load(directory.resolve("geo")));
            CompletableFuture<AssembleeSnapshot> assemblee = refresh ? null
                    : start("assemblee-load", () -> AssembleeLoader.ofShippedLayout(
                            directory.resolve("assemblee-nationale")).load());
            CompletableFuture<WorkSnapshot> work = assemblee == null ? null
                    : assemblee.thenApplyAsync(p -> WorkLoader.ofShippedLayout(directory).load(p), thread("work-load"));
            loads = new Loads(directory, geo, assemblee, work);
        } else if (event instanceof ApplicationPreparedEvent prepared && loads != null) {
            prepared.getApplicationContext().getBeanFactory().registerSingleton(BEAN, loads);
            loads = null;
        }
    }

    private static <T> CompletableFuture<T> start(String name, Supplier<T> load) {
        return CompletableFuture.supplyAsync(load, thread(name));
    }

    private static Executor thread(String name) {
        return task -> Thread.ofPlatform().name(name).daemon().start(task);
    }
}
