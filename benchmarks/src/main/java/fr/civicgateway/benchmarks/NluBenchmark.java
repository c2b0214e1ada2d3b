package fr.civicgateway.benchmarks;

import fr.civicgateway.core.nlu.OpenNlpUnderstanding;
import fr.civicgateway.core.nlu.Understanding;
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
 * Throughput of {@link OpenNlpUnderstanding#parse} (entities, language, intent) over a mix of citizen messages, one
 * message per operation, in turn. Built once from the shipped data, as the app does at start-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xmx1g"})
public class NluBenchmark {

    /** What citizens ask, in the proportions the load script also uses: votes, places, people, small talk. */
    static final List<String> MESSAGES = List.of(
            "Comment a voté Mathilde Panot au scrutin 3876 ?",
            "Qui est mon député ? J'habite à Annecy",
            "Est-ce que Marine Le Pen participe aux votes ?",
            "Quel est le résultat du scrutin 3700 ?",
            "Qu'est-ce qui a été voté cette semaine ?",
            "Who is my MP? I live in Bordeaux",
            "How did François Ruffin vote on scrutin 3800?",
            "Mon code postal est 33000, qui me représente ?",
            "Quel est le taux de participation de Gabriel Attal ?",
            "Comment a voté Boris Vallaud sur la réforme des retraites ?",
            "Bonjour",
            "Qui est le député de la 4e circonscription de la Gironde ?",
            "What was the result of vote 3500?",
            "Qui est Éric Ciotti ?",
            "Le scrutin 3456 a-t-il été adopté ?",
            "Does my deputy take part in votes? I live in Lyon 3e",
            "Comment ont voté les députés sur le budget ?",
            "Il y a un nid de poule dans ma rue",
            "Quelle est la météo demain ?",
            "What can you do?");

    /** The open-data snapshot, relative to the working directory. */
    @Param("data")
    public String dataDirectory;

    private OpenNlpUnderstanding nlu;
    private int next;

    @Setup
    public void setUp() {
        // The app's wiring; then only its understanding is kept (the context is not needed to parse).
        Gateway gateway = Gateway.load(dataDirectory);
        nlu = gateway.nlu();
        gateway.release();
    }

    @Benchmark
    public Understanding parse() {
        String message = MESSAGES.get(next);
        next = next + 1 == MESSAGES.size() ? 0 : next + 1;
        return nlu.parse(message, null);
    }
}
