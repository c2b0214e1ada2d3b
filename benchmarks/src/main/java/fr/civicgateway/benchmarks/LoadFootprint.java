package fr.civicgateway.benchmarks;

import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.nlu.OpenNlpUnderstanding;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.opendata.assemblee.WorkLoader;
import fr.civicgateway.opendata.assemblee.WorkSnapshot;
import fr.civicgateway.core.parliament.ScrutinSearch;
import fr.civicgateway.core.representative.Participations;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.Locale;
import javax.management.ObjectName;

/**
 * Loads the snapshot the way the app does and prints how long it took and how much heap it keeps: used heap after
 * a full GC, minus the same before loading, for the Assemblée data, the geographic tables, the NLU built over
 * them, and what the app computes with each version of the data (the topic index, every deputy's participation);
 * then the top of the live-object histogram. Run with a small heap to show it fits:
 * {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar fr.civicgateway.benchmarks.LoadFootprint [data]}.
 */
public final class LoadFootprint {

    private LoadFootprint() {
    }

    public static void main(String[] args) throws Exception {
        String data = args.length > 0 ? args[0] : "data";
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);

        long t0 = System.nanoTime();
        ParliamentData parliament = Gateway.parliament(Path.of(data));
        long t1 = System.nanoTime();
        long afterParliament = usedAfterGc(memory);
        long t2 = System.nanoTime();
        GeoDirectory geo = Gateway.geo(Path.of(data));
        long t3 = System.nanoTime();
        long afterGeo = usedAfterGc(memory);
        long t4 = System.nanoTime();
        OpenNlpUnderstanding nlu = OpenNlpUnderstanding.create(parliament, geo);
        long t5 = System.nanoTime();
        long afterNlu = usedAfterGc(memory);
        // What the app computes with each version of the data, besides the NLU (LiveOpenData's generation).
        long t6 = System.nanoTime();
        ScrutinSearch topics = new ScrutinSearch(parliament);
        long t7 = System.nanoTime();
        long afterTopics = usedAfterGc(memory);
        long t8 = System.nanoTime();
        Participations participations = Participations.of(parliament);
        long t9 = System.nanoTime();
        long afterParticipations = usedAfterGc(memory);
        // Issue 11: the comptes rendus alone, streamed (one thread), for the throughput; then everything.
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long s0 = System.nanoTime();
        long[] streamed = WorkLoader.streamComptesRendus(
                WorkLoader.ofShippedLayout(Path.of(data)).paths().comptesRendus());
        long s1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        System.out.printf(Locale.ROOT, "comptes rendus  %6d ms alone (%d ms CPU): %d sittings, %.1f MB of XML, "
                        + "%.1f MB/s wall, %.1f MB per CPU-second (one thread)%n",
                ms(s1 - s0), ms(c1 - c0), streamed[1], streamed[0] / 1e6, streamed[0] / 1e6 / ((s1 - s0) / 1e9),
                streamed[0] / 1e6 / ((c1 - c0) / 1e9));
        long p0 = os.getProcessCpuTime();
        // Comptes rendus (streamed), agenda, dossiers législatifs, HATVP index, computed into figures.
        long w0 = System.nanoTime();
        WorkSnapshot work = WorkLoader.ofShippedLayout(Path.of(data)).load(parliament);
        long w1 = System.nanoTime();
        long p1 = os.getProcessCpuTime();
        long afterWork = usedAfterGc(memory);

        System.out.printf(Locale.ROOT, "max heap                 %6.0f MiB%n", mib(Runtime.getRuntime().maxMemory()));
        System.out.printf(Locale.ROOT, "assemblee load  %6d ms, retained %6.1f MiB (%d deputies, %d scrutins)%n",
                ms(t1 - t0), mib(afterParliament - before), parliament.deputies().size(), parliament.scrutins().size());
        System.out.printf(Locale.ROOT, "geo load        %6d ms, retained %6.1f MiB%n", ms(t3 - t2), mib(afterGeo - afterParliament));
        System.out.printf(Locale.ROOT, "nlu build       %6d ms, retained %6.1f MiB%n", ms(t5 - t4), mib(afterNlu - afterGeo));
        System.out.printf(Locale.ROOT, "topic index     %6d ms, retained %6.3f MiB%n", ms(t7 - t6), mib(afterTopics - afterNlu));
        System.out.printf(Locale.ROOT, "participations  %6d ms, retained %6.3f MiB (%d deputies)%n", ms(t9 - t8),
                mib(afterParticipations - afterTopics), participations.size());
        WorkSnapshot.Contents c = work.contents();
        System.out.printf(Locale.ROOT, "work load CPU   %6d ms (all threads, GC included)%n", ms(p1 - p0));
        System.out.printf(Locale.ROOT, "work load       %6d ms, retained %6.1f MiB (%d sittings, %.0f MB of XML "
                        + "streamed: %.1f MB/s overall; %d dossiers, %d séances, %d committee rolls, %d HATVP deputies)%n",
                ms(w1 - w0), mib(afterWork - afterParticipations), c.sittings(), c.xmlBytes() / 1e6,
                c.xmlBytes() / 1e6 / ((w1 - w0) / 1e9), c.dossiers(), c.seances(), c.committeeRolls(),
                c.hatvpDeputies());
        System.out.printf(Locale.ROOT, "total           %6d ms, retained %6.1f MiB (all parliamentary data: %.1f MiB)%n",
                ms((t1 - t0) + (t3 - t2) + (t5 - t4) + (t7 - t6) + (t9 - t8) + (w1 - w0)), mib(afterWork - before),
                mib((afterParliament - before) + (afterWork - afterParticipations)));
        System.out.println();
        System.out.println("Live objects, largest classes first (GC.class_histogram):");
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        histogram.lines().limit(18).forEach(System.out::println);
        Reference.reachabilityFence(parliament);
        Reference.reachabilityFence(geo);
        Reference.reachabilityFence(nlu);
        Reference.reachabilityFence(work);
        Reference.reachabilityFence(topics);
        Reference.reachabilityFence(participations);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
