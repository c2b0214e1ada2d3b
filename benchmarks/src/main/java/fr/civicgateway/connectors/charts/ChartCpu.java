package fr.civicgateway.connectors.charts;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.text.MessageCatalogue;
import fr.civicgateway.core.votes.VoteAlignments;
import fr.civicgateway.opendata.assemblee.AssembleeLoader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.text.TextUtils;

/**
 * CPU and heap allocated per SVG drawing (BENCHMARKS.md, issue 12 "Cheaper whole lists and charts"), the rotated
 * strings drawn as glyph outlines (JFreeChart's default, what the drawing did before) and as SVG text (what it does
 * now), alternated in rounds of the same run so that both see the same machine. The drawings are of different
 * scrutins by group (every tenth), as the load script's first drawings are, plus a deputy's participation.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar fr.civicgateway.connectors.charts.ChartCpu data [rounds] [out-dir]
 * </pre>
 * With an output directory, one drawing of each kind is written there (SVG and PNG) in both ways, to look at.
 */
public final class ChartCpu {

    private ChartCpu() {
    }

    public static void main(String[] args) throws IOException {
        Path dataDirectory = Path.of(args.length > 0 ? args[0] : "data");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        ParliamentData data = AssembleeLoader.ofShippedLayout(dataDirectory.resolve("assemblee-nationale")).load();
        ChartRenderer charts = new ChartRenderer(data, new VoteAlignments(data), MessageCatalogue.of(List.of("charts")),
                MethodLinks.at("https://civic.example.org"));
        List<ChartModel> models = new ArrayList<>();
        for (int n = 1; n <= 3876; n += 10) {
            charts.model(new ChartRef(ChartRef.Kind.GROUPS, Integer.toString(n)), Language.FR).ifPresent(models::add);
        }
        ChartModel participation = charts.model(new ChartRef(ChartRef.Kind.PARTICIPATION, "PA720892"), Language.FR)
                .orElseThrow();
        if (args.length > 2) {
            Path out = Files.createDirectories(Path.of(args[2]));
            for (boolean outlines : new boolean[] {true, false}) {
                use(outlines);
                String way = outlines ? "outlines" : "text";
                Files.write(out.resolve("groups-" + way + ".svg"), ChartDrawing.svgBytes(models.getLast(), "c", "x.csv"));
                Files.write(out.resolve("groups-" + way + ".png"), ChartDrawing.png(models.getLast()));
                Files.write(out.resolve("participation-" + way + ".svg"),
                        ChartDrawing.svgBytes(participation, "c", "x.csv"));
                Files.write(out.resolve("participation-" + way + ".png"), ChartDrawing.png(participation));
            }
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        System.out.printf(Locale.ROOT, "%d scrutins' drawings a round, then participation x 100%n", models.size());
        System.out.println("round\tway\tgroups CPU µs\tgroups kB allocated\tgroups SVG kB\tparticipation CPU µs"
                + "\tparticipation kB allocated");
        for (int round = 0; round < rounds; round++) {
            for (boolean outlines : round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                use(outlines);
                long bytes = 0;
                long cpu = threads.getCurrentThreadCpuTime();
                long allocated = threads.getThreadAllocatedBytes(id);
                for (ChartModel m : models) {
                    bytes += ChartDrawing.svgBytes(m, "c", "x.csv").length;
                }
                long groupsCpu = threads.getCurrentThreadCpuTime() - cpu;
                long groupsAllocated = threads.getThreadAllocatedBytes(id) - allocated;
                cpu = threads.getCurrentThreadCpuTime();
                allocated = threads.getThreadAllocatedBytes(id);
                for (int i = 0; i < 100; i++) {
                    ChartDrawing.svgBytes(participation, "c", "x.csv");
                }
                long partCpu = threads.getCurrentThreadCpuTime() - cpu;
                long partAllocated = threads.getThreadAllocatedBytes(id) - allocated;
                System.out.printf(Locale.ROOT, "%d\t%s\t%.0f\t%.0f\t%.1f\t%.0f\t%.0f%n", round,
                        outlines ? "outlines" : "text", groupsCpu / 1e3 / models.size(),
                        groupsAllocated / 1024.0 / models.size(), bytes / 1024.0 / models.size(), partCpu / 1e3 / 100,
                        partAllocated / 1024.0 / 100);
            }
        }
    }

    /** JFreeChart's switch, set by {@link ChartDrawing} to text; the class is initialised first so it does not undo this. */
    private static void use(boolean outlines) {
        ChartDrawing.FONT_FAMILY.length();
        TextUtils.setUseDrawRotatedStringWorkaround(outlines);
    }
}
