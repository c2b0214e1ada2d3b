package fr.civicgateway.connectors.charts;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.text.MessageCatalogue;
import fr.civicgateway.core.votes.VoteAlignments;
import fr.civicgateway.opendata.assemblee.AssembleeLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of drawing one chart (BENCHMARKS.md "Charts"): a deputy's participation month by month (13 months of the
 * shipped data, two lines) and a scrutin's result by group (12 stacked bars), as SVG and as PNG, from a model
 * prepared once: what a cache miss of {@link ChartRenderer} pays for the drawing. Besides the time per operation,
 * the thread's CPU per operation ({@code cpuNanos / ops} of {@link Cpu}) — on a shared machine the wall time
 * includes waiting for a core. In the charts' package, for their package-private drawing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Djava.awt.headless=true"})
public class ChartBenchmark {

    @Param("data")
    public String dataDirectory;

    private ChartModel participation;
    private ChartModel groups;

    /** The thread's CPU time, summed over the operations of an iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        public long cpuNanos;
        public long ops;
        private long start;

        @Setup(Level.Iteration)
        public void clear() {
            cpuNanos = 0;
            ops = 0;
        }

        @Setup(Level.Invocation)
        public void begin() {
            start = THREADS.getCurrentThreadCpuTime();
        }

        void end() {
            cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
            ops++;
        }
    }

    @Setup
    public void prepare() {
        ParliamentData data = AssembleeLoader.ofShippedLayout(Path.of(dataDirectory).resolve("assemblee-nationale"))
                .load();
        ChartRenderer charts = new ChartRenderer(data, new VoteAlignments(data), MessageCatalogue.of(List.of("charts")),
                MethodLinks.at("https://civic.example.org"));
        participation = charts.model(new ChartRef(ChartRef.Kind.PARTICIPATION, "PA720892"), Language.FR).orElseThrow();
        groups = charts.model(new ChartRef(ChartRef.Kind.GROUPS, "3876"), Language.FR).orElseThrow();
    }

    @Benchmark
    public String participationSvg(Cpu cpu) {
        String svg = ChartDrawing.svg(participation, "chart-PA720892-participation", "https://civic.example.org/x.csv");
        cpu.end();
        return svg;
    }

    @Benchmark
    public byte[] participationPng(Cpu cpu) {
        byte[] png = ChartDrawing.png(participation);
        cpu.end();
        return png;
    }

    @Benchmark
    public String groupsSvg(Cpu cpu) {
        String svg = ChartDrawing.svg(groups, "chart-3876-groups", "https://civic.example.org/x.csv");
        cpu.end();
        return svg;
    }

    @Benchmark
    public byte[] groupsPng(Cpu cpu) {
        byte[] png = ChartDrawing.png(groups);
        cpu.end();
        return png;
    }
}
