package fr.civicgateway.benchmarks;

import fr.civicgateway.app.CivicGatewayApplication;
import fr.civicgateway.app.opendata.LiveOpenData;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.nlu.GazetteerEntityExtractor;
import fr.civicgateway.core.nlu.IntentClassifier;
import fr.civicgateway.core.nlu.OpenNlpUnderstanding;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.opendata.assemblee.AssembleeLoader;
import fr.civicgateway.opendata.geo.GeoTablesLoader;
import fr.civicgateway.core.reports.NewReport;
import fr.civicgateway.core.reports.ReportCategories;
import fr.civicgateway.core.reports.ReportLocation;
import fr.civicgateway.core.reports.ReportStore;
import fr.civicgateway.core.reports.ServiceCategory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway as the app runs it: the app's own Spring context (CivicGatewayApplication, with every handler and flow
 * it discovers, its configuration read as the app reads it — {@code ./config/application.yml} from the repository
 * root), over the shipped snapshot and a throwaway embedded database. Nothing here lists handlers, so the benchmarks
 * cannot drift from the app's wiring again. Its web server listens on a free port of the loopback interface and is
 * never called (the connectors' security configuration needs a web application context).
 *
 * <p>One context per data directory, started by the first {@link #load} and closed by the last {@link #release}
 * (call it in the benchmark's trial tear-down: the context's threads would otherwise keep the forked JVM alive until
 * JMH kills it). {@link SmokeRun}, which runs every benchmark in one JVM, keeps it for all of them ({@link #keepStarted}).
 *
 * <p>The data directory is relative to the working directory: run the benchmarks from the repository root, or pass
 * another one.
 */
final class Gateway {

    private static final java.util.Map<Path, Gateway> STARTED = new java.util.HashMap<>();
    private static boolean keepStarted;

    private final Path data;
    private int users;

    private final ConfigurableApplicationContext context;

    private Gateway(Path data, ConfigurableApplicationContext context) {
        this.data = data;
        this.context = context;
    }

    /** Keeps every context started until the JVM exits (the smoke run, which then exits explicitly). */
    static synchronized void keepStarted() {
        keepStarted = true;
    }

    /** Done with it: the last user closes the context, unless {@link #keepStarted}. */
    synchronized void release() {
        synchronized (Gateway.class) {
            if (--users == 0 && !keepStarted) {
                STARTED.remove(data);
                context.close();
            }
        }
    }

    static ParliamentData parliament(Path data) {
        return AssembleeLoader.ofShippedLayout(data.resolve("assemblee-nationale")).load();
    }

    static GeoDirectory geo(Path data) {
        return GeoTablesLoader.load(data.resolve("geo"));
    }

    /** The gateway over that data directory, started if it is not; {@link #release} it when done. */
    static synchronized Gateway load(String dataDirectory) {
        Gateway g = STARTED.computeIfAbsent(Path.of(dataDirectory).toAbsolutePath().normalize(), Gateway::start);
        g.users++;
        return g;
    }

    private static Gateway start(Path data) {
        if (!Files.isDirectory(data.resolve("assemblee-nationale"))) {
            throw new IllegalArgumentException("no open-data snapshot under " + data
                    + ": run from the repository root or pass the data directory (-p dataDirectory=...)");
        }
        Path storage;
        try {
            storage = Files.createTempDirectory("civic-benchmark-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // As command-line arguments: default properties would lose to ./config/application.yml (its port 8080, taken
        // by any gateway running on the machine).
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CivicGatewayApplication.class)
                .run("--civic.data.directory=" + data,
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--civic.storage.directory=" + storage,
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
        seedOneReport(context);
        return new Gateway(data, context);
    }

    /**
     * Report no. 1 in the fresh database, stored through the app's own store as a citizen's would be, so that "Où en
     * est mon signalement 1 ?" is answered from a real report (a benchmark fixture: nothing is forwarded).
     */
    private static void seedOneReport(ConfigurableApplicationContext context) {
        ServiceCategory category = context.getBean(ReportCategories.class).all().getFirst();
        context.getBean(ReportStore.class).submit(new NewReport(category.code(),
                "Benchmark fixture: a pothole in front of no. 12", new ReportLocation(48.8566, 2.3522, null, null),
                null, null, "benchmark", null), Instant.now());
    }

    /** One of the app's beans (a handler, to measure it alone). */
    /** The port of the context's web server (on the loopback interface). */
    int port() {
        return ((org.springframework.boot.web.server.context.WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The app's dialogue bean: its store, its caches, its locks. */
    Dialogue dialogue() {
        return context.getBean(Dialogue.class);
    }

    /**
     * The app's NLU without its cache of understood texts (which would measure a map look-up): the classifier the
     * app trained on its discovered handlers' corpora, over gazetteers built from the data the app loaded.
     */
    OpenNlpUnderstanding nlu() {
        LiveOpenData live = context.getBean(LiveOpenData.class);
        return new OpenNlpUnderstanding(context.getBean(IntentClassifier.class),
                new GazetteerEntityExtractor(live.snapshot(), live.geo()));
    }

    ParliamentData parliament() {
        return context.getBean(LiveOpenData.class).parliament();
    }

    GeoDirectory geo() {
        return context.getBean(LiveOpenData.class).geo();
    }
}
