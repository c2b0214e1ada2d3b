package fr.civicgateway.benchmarks;

import fr.civicgateway.core.assembly.BillStatusHandler;
import fr.civicgateway.core.assembly.LegislativeWorkHandler;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Understanding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * Cost of the bill answers ({@code answer}: the handler alone, on a message understood once in the set-up, the
 * figure the 60 µs target is about) and of one {@link Dialogue#handle} for them ({@code bill_status}, {@code legislative_work}) on the
 * shipped data, as {@link AnswerBenchmark} measures the others: understanding, deciding, answering, saving. Each
 * operation is the first message of a new conversation; {@code @Setup} checks the answer is the one measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xmx1g"})
public class BillAnswerBenchmark {

    /** The question of each parameter, and words its answer holds. */
    static final Map<String, String[]> QUESTIONS = Map.of(
            "bill_title", new String[]{"Où en est la loi sur l'aide à mourir ?", "« Fin de vie »"},
            "bill_number", new String[]{"Où en est le texte n° 1100 ?", "Méthode an-bill-stage-1"},
            "bill_candidates", new String[]{"Where is the bill on end of life?", "Several dossiers législatifs match"},
            "legislative_work", new String[]{"Quels textes ont été adoptés dernièrement ?",
                    "textes adoptés ou promulgués"});

    @Param({"bill_title", "bill_number", "bill_candidates", "legislative_work"})
    public String question;

    @Param("data")
    public String dataDirectory;

    private Gateway gateway;
    private Dialogue dialogue;
    private String text;
    private long conversation;
    private IntentHandler handler;
    private Turn turn;

    @Setup
    public void setUp() {
        gateway = Gateway.load(dataDirectory);
        dialogue = gateway.dialogue();
        String[] q = QUESTIONS.get(question);
        text = q[0];
        String answer = dialogue.handle(new IncomingMessage("bench", "check-" + question, text, null, null)).stream()
                .filter(Reply.Text.class::isInstance).map(r -> ((Reply.Text) r).text())
                .collect(Collectors.joining("\n")); // a chart (Reply.Chart) repeats the text's figures
        if (!answer.contains(q[1])) {
            throw new IllegalStateException("'" + text + "' is not answered as " + question + ": " + answer);
        }
        handler = question.equals("legislative_work") ? gateway.bean(LegislativeWorkHandler.class)
                : gateway.bean(BillStatusHandler.class);
        Understanding u = gateway.nlu().parse(text, null);
        Instant now = Instant.now();
        turn = new Turn(new IncomingMessage("bench", "handler", text, null, null), u, u.language(),
                ConversationState.start(u.language(), now), now, handler.intent());
    }

    @Benchmark
    public Answer answer() {
        return handler.handle(turn);
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
