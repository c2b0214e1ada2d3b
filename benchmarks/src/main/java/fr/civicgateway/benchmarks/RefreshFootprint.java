package fr.civicgateway.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.net.httpserver.HttpServer;
import fr.civicgateway.core.geo.GeoDirectory;
import fr.civicgateway.core.nlu.GazetteerEntityExtractor;
import fr.civicgateway.core.nlu.OpenNlpUnderstanding;
import fr.civicgateway.core.parliament.ScrutinSearch;
import fr.civicgateway.core.sources.SourceStatus;
import fr.civicgateway.opendata.assemblee.AssembleeRefresh;
import fr.civicgateway.opendata.assemblee.AssembleeSnapshot;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.opendata.http.ConditionalDownloader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.ref.Reference;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Measures the live refresh of the whole legislature as the app runs it: the shipped snapshot, the geographic tables
 * and the NLU are loaded and stay live (the "old" generation answering), then {@link AssembleeRefresh} downloads the
 * archives from a local HTTP server (AMO10 and a stand-in for AMO30 made of the shipped files in the official layout,
 * and all 3,876 scrutins), validates and loads them into a new snapshot, builds the new gazetteers and topic index (as
 * {@code LiveOpenData.prepare} does), moves the archives over the last good copies and swaps.
 *
 * <p>Iteration 1 swaps all three archives; the next ones alternate two byte-different copies of the same Scrutins
 * archive (a zip comment), so that each is a full download, validation, load and swap of the legislature's votes, the
 * refresh that new scrutins cause. The site is a second JVM serving files, so that only the gateway's side is in
 * the measured heap. Printed per iteration: the wall time of the refresh (download, checks, load, derived build, move,
 * swap) and of the derived build alone, the heap used at most (sampled every millisecond), the heap after the fullest
 * collection (an upper bound of the live set during the swap, old generation included: a young collection leaves the
 * old regions' garbage in place), and, at the end, the heap retained before and after. Run it with smaller
 * {@code -Xmx} to find the heap the swap really needs.
 *
 * <pre>{@code java -Xmx256m -cp benchmarks/target/benchmarks.jar fr.civicgateway.benchmarks.RefreshFootprint [data] [iterations]}</pre>
 */
public final class RefreshFootprint {

    private static final String AMO10 = "/amo10.json.zip";
    private static final String AMO30 = "/amo30.json.zip";
    private static final String SCRUTINS = "/scrutins.json.zip";

    private RefreshFootprint() {
    }

    /** Everything derived from one snapshot, as the app keeps it. */
    private record Generation(AssembleeSnapshot data, OpenNlpUnderstanding nlu, ScrutinSearch search) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--serve")) {
            serve(Path.of(args[1]));
            return;
        }
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path assemblee = data.resolve("assemblee-nationale");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        Path work = Files.createTempDirectory("refresh-footprint");
        Path siteFiles = Files.createDirectory(work.resolve("site"));
        Path kept = Files.createDirectory(work.resolve("kept"));
        Files.write(siteFiles.resolve("amo10.json.zip"),
                zip(List.of(assemblee.resolve("AMO10_deputes_actifs_mandats_actifs_organes_L17"))));
        Files.write(siteFiles.resolve("amo30.json.zip"), zip(List.of(
                assemblee.resolve("AMO10_deputes_actifs_mandats_actifs_organes_L17"),
                assemblee.resolve("AMO50_acteurs_mandats_organes_divises_L17_extrait"))));
        Path scrutinsA = Files.copy(assemblee.resolve("Scrutins_L17/Scrutins.json.zip"), work.resolve("scrutins-a.zip"));
        Path scrutinsB = Files.write(work.resolve("scrutins-b.zip"),
                withComment(Files.readAllBytes(scrutinsA), "the same scrutins, other bytes"));
        Files.copy(scrutinsA, siteFiles.resolve("scrutins.json.zip"));
        // The site runs in its own JVM, so that its buffers are not counted as the gateway's heap.
        Process site = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), RefreshFootprint.class.getName(), "--serve", siteFiles.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String base = "http://127.0.0.1:" + new java.io.BufferedReader(
                new java.io.InputStreamReader(site.getInputStream())).readLine().strip();
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();

        try {
            AssembleeRefresh refresh = new AssembleeRefresh(new ConditionalDownloader(http, 200L << 20),
                    new AssembleeRefresh.Sources(HttpUrl.get(base + AMO10), HttpUrl.get(base + AMO30),
                            HttpUrl.get(base + SCRUTINS)),
                    assemblee, kept, Duration.ofHours(6), new Backoff(Duration.ofMinutes(1), Duration.ofHours(1)),
                    Clock.systemUTC(), (task, delay) -> new CompletableFuture<>());
            long beforeLoad = usedAfterGc(memory);
            GeoDirectory geo = Gateway.geo(data);
            AtomicReference<Generation> current = new AtomicReference<>(firstGeneration(refresh, geo));
            AtomicLong prepareNanos = new AtomicLong();
            refresh.start(next -> {
                long t = System.nanoTime();
                // As LiveOpenData does: from the current NLU, so that no older one (and its snapshot) stays reachable.
                Generation g = new Generation(next,
                        current.get().nlu().withEntities(new GazetteerEntityExtractor(next, geo)), new ScrutinSearch(next));
                prepareNanos.set(System.nanoTime() - t);
                return () -> current.set(g);
            });
            long live = usedAfterGc(memory);

            System.out.printf(Locale.ROOT, "max heap %.0f MiB; retained before the refresh (data, geo, NLU): %.1f MiB%n",
                    mib(Runtime.getRuntime().maxMemory()), mib(live - beforeLoad));
            System.out.println("iteration  archives         refresh ms  derived ms  peak used MiB  peak after GC MiB  GCs");
            for (int i = 1; i <= iterations; i++) {
                if (i > 1) {
                    Path next = siteFiles.resolve("scrutins.json.zip.part");
                    Files.copy(i % 2 == 0 ? scrutinsB : scrutinsA, next, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(next, siteFiles.resolve("scrutins.json.zip"), StandardCopyOption.ATOMIC_MOVE);
                }
                System.out.println(iteration(i, refresh, current, prepareNanos, memory));
            }
            long after = usedAfterGc(memory);
            System.out.printf(Locale.ROOT, "retained after the last swap: %.1f MiB (the replaced generation released)%n",
                    mib(after - beforeLoad));
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            System.out.println("live instances after the last swap (GC.class_histogram):");
            histogram.lines().filter(l -> l.endsWith(".AssembleeSnapshot") || l.endsWith(".GazetteerEntityExtractor")
                    || l.endsWith(".ScrutinSearch") || l.endsWith(".OpenNlpUnderstanding"))
                    .forEach(System.out::println);
            for (SourceStatus s : refresh.statuses()) {
                System.out.println("  " + s.id() + " " + s.dataDate() + " " + s.counts() + " error=" + s.lastError());
            }
            Reference.reachabilityFence(current.get());
        } finally {
            site.destroy();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** One refresh, measured; in its own frame, so that the generation it replaced is unreachable once it returns. */
    private static String iteration(int i, AssembleeRefresh refresh, AtomicReference<Generation> current,
                                    AtomicLong prepareNanos, MemoryMXBean memory) throws Exception {
        Generation before = current.get();
        usedAfterGc(memory);
        try (Watch watch = new Watch(memory)) {
            long t = System.nanoTime();
            refresh.refreshNow();
            long refreshNanos = System.nanoTime() - t;
            watch.stop();
            if (current.get() == before) {
                throw new IllegalStateException("iteration " + i + " did not swap: " + refresh.statuses());
            }
            return String.format(Locale.ROOT, "%9d  %-15s  %10d  %10d  %13.1f  %17.1f  %3d", i,
                    i == 1 ? "AMO10+30+Scr." : "Scrutins", refreshNanos / 1_000_000, prepareNanos.get() / 1_000_000,
                    mib(watch.peakUsed()), mib(watch.peakAfterGc()), watch.collections());
        }
    }

    private static Generation firstGeneration(AssembleeRefresh refresh, GeoDirectory geo) {
        AssembleeSnapshot first = refresh.loadAtStart();
        return new Generation(first, OpenNlpUnderstanding.create(first, geo), new ScrutinSearch(first));
    }

    /** Samples the heap every millisecond and listens to the collections while a refresh runs. */
    static final class Watch implements AutoCloseable {
        private final MemoryMXBean memory;
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();
        private final AtomicLong collections = new AtomicLong();
        private final Thread sampler;
        private final javax.management.NotificationListener listener;
        private final Set<String> heapPools = heapPools();
        private volatile boolean running = true;

        Watch(MemoryMXBean memory) {
            this.memory = memory;
            this.listener = (notification, handback) -> {
                if (!running || !notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(pool.getKey())) {
                        used += pool.getValue().getUsed();
                    }
                }
                collections.incrementAndGet();
                peakAfterGc.accumulateAndGet(used, Math::max);
            };
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
            }
            peakUsed.set(memory.getHeapMemoryUsage().getUsed());
            sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (running) {
                    peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            running = false;
            sampler.join();
        }

        long peakUsed() {
            return peakUsed.get();
        }

        /** The heap after the fullest collection during the refresh; the heap in use at its end if none ran. */
        long peakAfterGc() {
            return collections.get() == 0 ? memory.getHeapMemoryUsage().getUsed() : peakAfterGc.get();
        }

        long collections() {
            return collections.get();
        }

        @Override
        public void close() throws Exception {
            running = false;
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            }
        }
    }

    private static Set<String> heapPools() {
        Set<String> names = new HashSet<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                names.add(p.getName());
            }
        }
        return names;
    }

    /**
     * The fake site, in the child JVM: serves the files of a directory, with an ETag of their size and modification
     * time, and honours If-None-Match. Prints its port, then serves until the parent destroys it.
     */
    static void serve(Path directory) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            Path file = directory.resolve(exchange.getRequestURI().getPath().substring(1));
            if (!Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String etag = "\"" + Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis() + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        });
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
    }

    private static byte[] zip(List<Path> roots) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> written = new HashSet<>();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Path root : roots) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path p : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                        String name = root.relativize(p).toString().replace('\\', '/');
                        if (written.add(name)) {
                            out.putNextEntry(new ZipEntry(name));
                            try (InputStream in = Files.newInputStream(p)) {
                                in.transferTo(out);
                            }
                            out.closeEntry();
                        }
                    }
                }
            }
        }
        return bytes.toByteArray();
    }

    /** The same entries, re-zipped with a comment: other bytes, the same content. */
    static byte[] withComment(byte[] zip, String comment) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setComment(comment);
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
