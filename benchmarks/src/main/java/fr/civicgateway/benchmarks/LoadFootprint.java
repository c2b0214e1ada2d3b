package fr.civicgateway.benchmarks;

import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.nlu.OpenNlpUnderstanding;
import fr.civicgateway.core.parliament.ParliamentData;
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

        System.out.printf(Locale.ROOT, "max heap                 %6.0f MiB%n", mib(Runtime.getRuntime().maxMemory()));
        System.out.printf(Locale.ROOT, "assemblee load  %6d ms, retained %6.1f MiB (%d deputies, %d scrutins)%n",
                ms(t1 - t0), mib(afterParliament - before), parliament.deputies().size(), parliament.scrutins().size());
        System.out.printf(Locale.ROOT, "geo load        %6d ms, retained %6.1f MiB%n", ms(t3 - t2), mib(afterGeo - afterParliament));
        System.out.printf(Locale.ROOT, "nlu build       %6d ms, retained %6.1f MiB%n", ms(t5 - t4), mib(afterNlu - afterGeo));
        System.out.printf(Locale.ROOT, "topic index     %6d ms, retained %6.3f MiB%n", ms(t7 - t6), mib(afterTopics - afterNlu));
        System.out.printf(Locale.ROOT, "participations  %6d ms, retained %6.3f MiB (%d deputies)%n", ms(t9 - t8),
                mib(afterParticipations - afterTopics), participations.size());
        System.out.printf(Locale.ROOT, "total           %6d ms, retained %6.1f MiB%n",
                ms((t1 - t0) + (t3 - t2) + (t5 - t4) + (t7 - t6) + (t9 - t8)), mib(afterParticipations - before));
        System.out.println();
        System.out.println("Live objects, largest classes first (GC.class_histogram):");
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        histogram.lines().limit(18).forEach(System.out::println);
        Reference.reachabilityFence(parliament);
        Reference.reachabilityFence(geo);
        Reference.reachabilityFence(nlu);
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
