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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway as the app runs it: the app's own Spring context (CivicGatewayApplication, with every handler and flow
 * it discovers, its configuration read as the app reads it — {@code ./config/application.yml} from the repository
 * root), without the web server, over the shipped snapshot and a throwaway embedded database. Nothing here lists
 * handlers, so the benchmarks cannot drift from the app's wiring again.
 *
 * <p>The data directory is relative to the working directory: run the benchmarks from the repository root, or pass
 * another one. Close it in the benchmark's tear-down.
 */
final class Gateway implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Gateway(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static ParliamentData parliament(Path data) {
        return AssembleeLoader.ofShippedLayout(data.resolve("assemblee-nationale")).load();
    }

    static GeoDirectory geo(Path data) {
        return GeoTablesLoader.load(data.resolve("geo"));
    }

    static Gateway load(String dataDirectory) {
        Path data = Path.of(dataDirectory).toAbsolutePath();
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
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CivicGatewayApplication.class)
                .web(WebApplicationType.NONE)
                .properties("civic.data.directory=" + data,
                        "civic.storage.directory=" + storage,
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN")
                .run();
        return new Gateway(context);
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

    @Override
    public void close() {
        context.close();
    }
}
