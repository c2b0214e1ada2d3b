package fr.civicgateway.benchmarks;

import fr.civicgateway.core.conversation.GeoPoint;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.local.LocalDataSource;
import fr.civicgateway.core.local.LocalProjectsHandler;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.Understanding;
import fr.civicgateway.opendata.local.LocalAdapters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of answering one local-projects question, {@link LocalProjectsHandler#handle}, over the shipped Paris sources
 * as {@code config/adapters} describes them (1,214 participatory-budget projects and 4,710 worksites: 5,924 items),
 * once the NLU has said it is {@code local_projects} (the NLU's own cost is {@link NluBenchmark}'s). Run from the
 * repository root, or pass {@code -p repositoryRoot=...}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xmx512m"})
public class LocalProjectsBenchmark {

    @Param({"postcode", "street", "no_street", "position"})
    public String question;

    @Param(".")
    public String repositoryRoot;

    private LocalProjectsHandler handler;
    private Turn turn;

    @Setup
    public void setUp() {
        Path root = Path.of(repositoryRoot);
        if (!Files.isDirectory(root.resolve("config/adapters"))) {
            throw new IllegalArgumentException("no config/adapters under " + root.toAbsolutePath()
                    + ": run from the repository root or pass -p repositoryRoot=...");
        }
        List<LocalDataSource> sources = LocalAdapters.load(root.resolve("config/adapters"), root);
        int items = sources.stream().mapToInt(s -> s.items().size()).sum();
        if (items != 5_924) {
            throw new IllegalStateException("expected the shipped 5,924 items, found " + items);
        }
        handler = new LocalProjectsHandler(sources, new fr.civicgateway.core.town.Town("Paris",
                java.time.ZoneId.of("Europe/Paris"), fr.civicgateway.core.town.Town.Places.ARRONDISSEMENTS,
                List.of("75011", "75001")));
        GeoPoint at = null;
        String text = switch (question) {
            case "postcode" -> "chantiers dans le 75015";
            case "street" -> "des projets rue de Richelieu ?";
            case "no_street" -> "des travaux rue de Rivoli ?";
            case "position" -> {
                // The published point of the export's first worksite (75020), as Telegram would share it.
                at = new GeoPoint(48.8723005, 2.3930558);
                yield "ma position";
            }
            default -> throw new IllegalArgumentException("unknown question: " + question);
        };
        Instant now = Instant.parse("2026-01-10T09:00:00Z");
        IncomingMessage message = new IncomingMessage("bench", "c1", text, Language.FR, at);
        Understanding understanding = new Understanding(text, Language.FR,
                List.of(new IntentScore(Intent.LOCAL_PROJECTS, 1.0)), List.of());
        turn = new Turn(message, understanding, Language.FR, ConversationState.start(Language.FR, now), now);
    }

    @Benchmark
    public Answer handle() {
        return handler.handle(turn);
    }
}
