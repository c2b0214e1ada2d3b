package fr.civicgateway.benchmarks;

import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.text.MessageCatalogue;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one sentence from the message catalogue ({@link MessageCatalogue#format}): a sentence without arguments,
 * one with three plain arguments, one with a plural and a select (the report summary's privacy note, the consultation
 * intro), against the string concatenation the handlers did before. An answer says a handful of sentences.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class MessageCatalogueBenchmark {

    private MessageCatalogue messages;
    public String title = "Horaires de la bibliothèque";
    public String id = "42";
    public String recipient = "les services techniques";

    @Setup
    public void setUp() {
        messages = MessageCatalogue.of(List.of("report", "consultation", "greet"));
    }

    @Benchmark
    public String noArgument() {
        return messages.format(Language.FR, "report.description_too_short");
    }

    @Benchmark
    public String plainArguments() {
        return messages.format(Language.FR, "report.registered", "id", id, "recipient", recipient);
    }

    @Benchmark
    public String selects() {
        return messages.format(Language.FR, "report.privacy_recipient", "recipient", "les services techniques",
                "photo", "yes", "has_contact", "no");
    }

    @Benchmark
    public String plural() {
        return messages.format(Language.FR, "consultation.intro", "title", title, "description", "La ville revoit.",
                "last_day", "31 janvier 2027", "questions", 4);
    }

    /** What the handlers did before: the sentence concatenated in Java. */
    @Benchmark
    public String concatenation() {
        return "Merci, votre signalement n° " + id + " est enregistré. Destinataire : " + recipient
                + ". Pour suivre son état, demandez-moi « Où en est mon signalement " + id + " ? ».";
    }
}
