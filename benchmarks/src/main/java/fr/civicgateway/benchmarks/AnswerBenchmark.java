package fr.civicgateway.benchmarks;

import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Dialogue;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one {@link Dialogue#handle} — understanding, deciding, answering from the data, saving the context —
 * without HTTP. Each operation is the first message of a new conversation, as in the load script.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xmx1g"})
public class AnswerBenchmark {

    @Param({"vote", "participation", "find_deputy", "topic_votes"})
    public String question;

    @Param("data")
    public String dataDirectory;

    private Gateway gateway;
    private Dialogue dialogue;
    private String text;
    private long conversation;

    @Setup
    public void setUp() {
        gateway = Gateway.load(dataDirectory);
        dialogue = gateway.dialogue();
        text = switch (question) {
            case "vote" -> "Comment a voté Mathilde Panot au scrutin 3876 ?";
            case "participation" -> "Quel est le taux de participation de Gabriel Attal ?";
            case "find_deputy" -> "Mon code postal est 74000, qui est mon député ?";
            case "topic_votes" -> "Comment a voté Boris Vallaud sur la réforme des retraites ?";
            default -> throw new IllegalArgumentException("unknown question: " + question);
        };
    }

    @TearDown
    public void tearDown() {
        gateway.release();
    }

    @Benchmark
    public List<Reply> handle() {
        return dialogue.handle(new IncomingMessage("bench", "c" + conversation++, text, null, null));
    }
}
