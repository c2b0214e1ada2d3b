package fr.civicgateway.benchmarks;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every JMH benchmark of this jar once, so that none can silently rot: one warm-up and one measurement iteration of
 * a second each, in this JVM (no fork: the app's Spring context, which {@link Gateway} starts, is started once for
 * all of them), failing on the first error. No timing is asserted and the figures mean nothing. The build runs it in
 * {@code verify} (benchmarks/pom.xml), from the repository root; by hand:
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar fr.civicgateway.benchmarks.SmokeRun [regexp]}</pre>
 *
 * <p>Exits with status 0 when every benchmark ran, 1 otherwise; it exits explicitly, since the app's context keeps
 * non-daemon threads.
 */
public final class SmokeRun {

    private SmokeRun() {
    }

    public static void main(String[] args) {
        Options options = new OptionsBuilder()
                .include(args.length > 0 ? args[0] : "fr\\.civicgateway\\.benchmarks\\..*")
                .forks(0)
                .warmupIterations(1)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(1)
                .measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true)
                .build();
        Gateway.keepStarted();
        int status;
        try {
            Collection<RunResult> results = new Runner(options).run();
            System.out.println("smoke run: " + results.size() + " benchmark runs completed");
            status = results.isEmpty() ? 1 : 0;
            if (results.isEmpty()) {
                System.err.println("smoke run: no benchmark found (was JMH's annotation processor run?)");
            }
        } catch (RunnerException | RuntimeException e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }
}
