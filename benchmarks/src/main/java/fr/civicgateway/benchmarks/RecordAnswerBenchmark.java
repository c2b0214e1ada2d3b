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
 * Cost of one {@link Dialogue#handle} for the answers of issue 11 (a deputy's record and the Assemblée's work), one
 * thread, as {@link AnswerBenchmark} measures the others: the app's own context ({@link Gateway}), each operation the
 * first message of a new conversation, the answer checked once in {@code @Setup}. Target: ≤ 60 µs (issue 11).
 *
 * <p>To measure a new answer: its question and words of its answer in {@link AnswerQuestions}, its name here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xmx1g"})
public class RecordAnswerBenchmark {

    @Param({"representative_speeches", "representative_questions", "representative_presence",
            "representative_bills", "representative_interests", "contact_representative", "assembly_info"})
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
        text = AnswerQuestions.get(question).text();
        AnswerQuestions.check(dialogue, question);
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
