package fr.civicgateway.benchmarks;

import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.parliament.ParliamentData;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to read the shipped snapshot into memory. Single shot: the first iteration of each fork is a cold start
 * (what the app pays at boot, class loading and interpretation included); later ones show the warm cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 4)
@Fork(value = 3, jvmArgs = {"-Xmx1g"})
public class DataLoadBenchmark {

    @Param("data")
    public String dataDirectory;

    @Benchmark
    public ParliamentData assemblee() {
        return Gateway.parliament(Path.of(dataDirectory));
    }

    @Benchmark
    public GeoDirectory geo() {
        return Gateway.geo(Path.of(dataDirectory));
    }
}
