package fr.civicgateway.benchmarks;

import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.PoliticalGroup;
import fr.civicgateway.core.votes.VoteAlignments;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The heap that issue 12's precomputed indexes add to the loaded data: {@link VoteAlignments}' state for one version
 * (every deputy's positions over the ordinary and solemn scrutins, their loyalty month by month, every group's
 * cohesion with its per-scrutin Rice indexes), filled as the records API and the chat fill it, for every deputy and
 * group at once (the most it can hold). Used heap after three full GCs, with the data loaded, before and after.
 *
 * <p>Then, with {@code live} as second argument, the same in the app's own context ({@link Gateway}): used heap after
 * GC, then after the records API has been asked, over HTTP, every sitting deputy's record (their loyalty), one whole
 * vote list (every scrutin's summary written ahead, {@code VoteListBytes}) and every group (cohesion); that
 * difference also holds what any first request leaves (serializers, Tomcat's buffers), so it bounds the indexes.
 * {@code java -Xmx256m -cp benchmarks/target/benchmarks.jar fr.civicgateway.benchmarks.RecordsFootprint [data [live]]}.
 */
public final class RecordsFootprint {

    private RecordsFootprint() {
    }

    public static void main(String[] args) throws Exception {
        String data = args.length > 0 ? args[0] : "data";
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        ParliamentData parliament = Gateway.parliament(Path.of(data));
        long loaded = usedAfterGc(memory);

        long t0 = System.nanoTime();
        VoteAlignments alignments = new VoteAlignments(parliament);
        int loyalties = 0;
        for (Deputy d : parliament.deputies()) {
            loyalties += alignments.loyalty(d.uid()).isPresent() ? 1 : 0;
        }
        long t1 = System.nanoTime();
        long withLoyalty = usedAfterGc(memory);
        int cohesions = 0;
        for (PoliticalGroup g : parliament.groups()) {
            cohesions += alignments.cohesion(g.uid()).isPresent() ? 1 : 0;
        }
        long t2 = System.nanoTime();
        long withCohesion = usedAfterGc(memory);

        System.out.printf(Locale.ROOT, "max heap                 %6.0f MiB%n", mib(Runtime.getRuntime().maxMemory()));
        System.out.printf(Locale.ROOT, "assemblee data           retained %6.2f MiB (%d deputies, %d scrutins)%n",
                mib(loaded - before), parliament.deputies().size(), parliament.scrutins().size());
        System.out.printf(Locale.ROOT, "vote alignments, deputies %5d ms, added %6.2f MiB (%d deputies, %d with a loyalty)%n",
                (t1 - t0) / 1_000_000, mib(withLoyalty - loaded), parliament.deputies().size(), loyalties);
        System.out.printf(Locale.ROOT, "vote alignments, groups   %5d ms, added %6.2f MiB (%d groups, %d with a cohesion)%n",
                (t2 - t1) / 1_000_000, mib(withCohesion - withLoyalty), parliament.groups().size(), cohesions);
        System.out.printf(Locale.ROOT, "indexes in all                    added %6.2f MiB over the data's %.2f MiB%n",
                mib(withCohesion - loaded), mib(loaded - before));
        Reference.reachabilityFence(parliament);
        Reference.reachabilityFence(alignments);
        if (args.length > 1 && args[1].equals("live")) {
            alignments = null;
            parliament = null;
            live(data, memory);
        }
    }

    private static void live(String data, MemoryMXBean memory) throws Exception {
        // One client asks some 600 answers in a row: the per-address rate limit is lifted by its property.
        System.setProperty("civic.web.address-rate-limit-burst", "1000000000");
        Gateway gateway = Gateway.load(data);
        try (HttpClient http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + gateway.port() + "/api/v1";
            // A first request of each kind, so that what any request leaves behind is in the baseline.
            String uids = get(http, base + "/deputies?status=sitting&size=5000&format=csv");
            List<String> sitting = uids.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
            get(http, base + "/deputies/" + sitting.getFirst() + "/votes?size=1");
            get(http, base + "/scrutins/1");
            long baseline = usedAfterGc(memory);
            for (String uid : sitting) {
                get(http, base + "/deputies/" + uid);
            }
            long records = usedAfterGc(memory);
            String list = get(http, base + "/deputies/" + sitting.getFirst() + "/votes?size=5000");
            long lists = usedAfterGc(memory);
            long chars = list.length();
            for (String uid : sitting) { // every scrutin that lists someone: all their summaries written
                chars += get(http, base + "/deputies/" + uid + "/votes?size=5000").length();
            }
            long allLists = usedAfterGc(memory);
            ParliamentData parliament = gateway.parliament();
            for (PoliticalGroup g : parliament.groups()) {
                get(http, base + "/groups/" + g.uid());
            }
            long groups = usedAfterGc(memory);
            System.out.printf(Locale.ROOT, "live app: used after GC   %6.2f MiB (data, NLU, context)%n", mib(baseline));
            System.out.printf(Locale.ROOT, "live app: %d deputies' records  added %6.2f MiB%n", sitting.size(),
                    mib(records - baseline));
            System.out.printf(Locale.ROOT, "live app: a whole vote list     added %6.2f MiB (%d scrutins' summaries)%n",
                    mib(lists - records), parliament.scrutins().size());
            System.out.printf(Locale.ROOT, "live app: every sitting deputy's whole list  added %6.2f MiB (%.0f MB of JSON answered, the first %d chars)%n",
                    mib(allLists - lists), chars / 1e6, list.length());
            System.out.printf(Locale.ROOT, "live app: %d groups              added %6.2f MiB%n", parliament.groups().size(),
                    mib(groups - allLists));
            System.out.printf(Locale.ROOT, "live app: in all                added %6.2f MiB%n", mib(groups - baseline));
        } finally {
            gateway.release();
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
