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
 * without HTTP, for every kind of answer the gateway gives from data. Each operation is the first message of a new
 * conversation, as in the load script. {@code @Setup} checks that the message gets the answer it stands for (a
 * misunderstood message would measure another answer). To measure a new answer: its question and words of its
 * answer in {@link AnswerQuestions}, its name in the {@code @Param} list below.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xmx1g"})
public class AnswerBenchmark {

    @Param({"profile", "find_deputy", "votes_latest", "vote", "topic_votes", "vote_result", "vote_result_topic",
            "participation", "activity", "local_projects", "report_status", "agenda", "agenda_day",
            "representative_speeches", "representative_questions", "representative_presence", "representative_bills",
            "representative_interests", "contact_representative", "assembly_info", "bill_status", "legislative_work"})
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
