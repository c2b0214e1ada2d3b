package fr.civicgateway.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import fr.civicgateway.app.opendata.LiveAssemblyWork;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.opendata.assemblee.WorkLoader;
import fr.civicgateway.opendata.assemblee.WorkRefresh;
import fr.civicgateway.opendata.http.ConditionalDownloader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Times a live refresh of the comptes rendus (issue 11) while the old generation keeps answering: the app's own
 * context ({@link Gateway}) answers the record questions of {@link AnswerQuestions} on one thread, without pause,
 * while a {@link WorkRefresh} downloads the comptes rendus from a local site (a second JVM, {@link RefreshFootprint}'s),
 * streams and checks them, computes the new figures, keeps the archive and swaps them into the context's
 * {@link LiveAssemblyWork}.
 *
 * <p>Iteration 1 downloads the four archives (comptes rendus, dossiers, agenda, HATVP index: the first download of
 * each replaces the shipped copy); the next ones alternate two byte-different copies of the same comptes rendus (a
 * zip comment), so that each is a full download, stream and swap of the 486 sittings, the others' results reused, as
 * a new sitting causes. Printed per iteration: the refresh's wall time; the process CPU during it, and that CPU
 * without the answering thread's (the refresh's, GC and JIT included); the answers served meanwhile and their mean
 * time; the heap used at most and after the fullest collection (sampled as {@link RefreshFootprint} does). Every
 * answer is checked (the words it must hold): a refresh that broke the answers would stop the run.
 *
 * <pre>{@code java -Xmx256m -cp benchmarks/target/benchmarks.jar fr.civicgateway.benchmarks.WorkRefreshFootprint [data] [iterations]}</pre>
 */
public final class WorkRefreshFootprint {

    private static final List<String> ASKED = List.of("representative_speeches", "representative_questions",
            "representative_presence", "representative_bills", "representative_interests");

    private WorkRefreshFootprint() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        WorkLoader.Paths shipped = WorkLoader.ofShippedLayout(data).paths();

        Path work = Files.createTempDirectory("work-refresh-footprint");
        Path site = Files.createDirectory(work.resolve("site"));
        Path kept = Files.createDirectory(work.resolve("kept"));
        Path crA = Files.copy(shipped.comptesRendus(), work.resolve("cr-a.zip"));
        Path crB = Files.write(work.resolve("cr-b.zip"),
                RefreshFootprint.withComment(Files.readAllBytes(crA), "the same comptes rendus, other bytes"));
        Files.copy(crA, site.resolve("syseron.xml.zip"));
        Files.copy(shipped.dossiers(), site.resolve("Dossiers_Legislatifs.json.zip"));
        Files.copy(shipped.agenda(), site.resolve("Agenda.json.zip"));
        Files.copy(shipped.hatvp(), site.resolve("liste.csv"));
        Process server = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), RefreshFootprint.class.getName(), "--serve", site.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String base = "http://127.0.0.1:" + new java.io.BufferedReader(
                new java.io.InputStreamReader(server.getInputStream())).readLine().strip() + "/";
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
        Gateway gateway = Gateway.load(data.toString());
        try {
            Dialogue dialogue = gateway.dialogue();
            LiveAssemblyWork live = gateway.bean(LiveAssemblyWork.class);
            ASKED.forEach(q -> AnswerQuestions.check(dialogue, q));
            WorkRefresh refresh = new WorkRefresh(new ConditionalDownloader(http, 512L << 20),
                    new WorkRefresh.Sources(HttpUrl.get(base + "syseron.xml.zip"),
                            HttpUrl.get(base + "Dossiers_Legislatifs.json.zip"), HttpUrl.get(base + "Agenda.json.zip"),
                            HttpUrl.get(base + "liste.csv"), null),
                    shipped, kept, () -> gateway.parliament(), Duration.ofHours(6),
                    new Backoff(Duration.ofMinutes(1), Duration.ofHours(1)), Clock.systemUTC(),
                    (task, delay) -> new CompletableFuture<>());
            refresh.loadAtStart(gateway.parliament());
            refresh.start(live::swap);
            long retained = RefreshFootprint.usedAfterGc(memory);
            System.out.printf(Locale.ROOT, "max heap %.0f MiB; used after GC before the refreshes (the whole app): "
                    + "%.1f MiB%n", RefreshFootprint.mib(Runtime.getRuntime().maxMemory()), RefreshFootprint.mib(retained));
            System.out.println("iteration  archives      refresh ms  process CPU ms  refresh CPU ms  answers  µs/answer"
                    + "  peak used MiB  peak after GC MiB  GCs");
            for (int i = 1; i <= iterations; i++) {
                if (i > 1) {
                    Path next = site.resolve("syseron.xml.zip.part");
                    Files.copy(i % 2 == 0 ? crB : crA, next, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(next, site.resolve("syseron.xml.zip"), StandardCopyOption.ATOMIC_MOVE);
                }
                long version = live.version();
                RefreshFootprint.usedAfterGc(memory);
                Answering answering = new Answering(dialogue, threads);
                long cpu0 = os.getProcessCpuTime();
                try (RefreshFootprint.Watch watch = new RefreshFootprint.Watch(memory)) {
                    long t = System.nanoTime();
                    refresh.refreshNow();
                    long wall = System.nanoTime() - t;
                    long cpu = os.getProcessCpuTime() - cpu0;
                    answering.stop();
                    watch.stop();
                    if (live.version() == version) {
                        throw new IllegalStateException("iteration " + i + " did not swap: " + refresh.statuses());
                    }
                    System.out.printf(Locale.ROOT, "%9d  %-12s  %10d  %14d  %14d  %7d  %9.0f  %13.1f  %17.1f  %3d%n", i,
                            i == 1 ? "all four" : "CR", wall / 1_000_000, cpu / 1_000_000,
                            (cpu - answering.cpuNanos()) / 1_000_000, answering.answers(),
                            answering.answers() == 0 ? 0.0 : answering.nanos() / 1e3 / answering.answers(),
                            RefreshFootprint.mib(watch.peakUsed()), RefreshFootprint.mib(watch.peakAfterGc()),
                            watch.collections());
                }
            }
            System.out.printf(Locale.ROOT, "used after GC after the last swap: %.1f MiB%n",
                    RefreshFootprint.mib(RefreshFootprint.usedAfterGc(memory)));
            refresh.statuses().forEach(s -> System.out.println("  " + s.id() + " " + s.dataDate() + " " + s.counts()
                    + " error=" + s.lastError()));
            refresh.stop();
        } finally {
            gateway.release();
            server.destroy();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        System.exit(0);
    }

    /** One thread asking the record questions in turn, each in a new conversation, every answer checked. */
    private static final class Answering {
        private final Thread thread;
        private final ThreadMXBean threads;
        private final AtomicLong answers = new AtomicLong();
        private final AtomicLong nanos = new AtomicLong();
        private volatile boolean running = true;
        private volatile long cpuNanos;
        private volatile RuntimeException failure;

        Answering(Dialogue dialogue, ThreadMXBean threads) {
            this.threads = threads;
            this.thread = Thread.ofPlatform().name("answering").start(() -> {
                long n = 0;
                try {
                    while (running) {
                        String name = ASKED.get((int) (n % ASKED.size()));
                        AnswerQuestions.Question q = AnswerQuestions.get(name);
                        long t = System.nanoTime();
                        String answer = dialogue.handle(new IncomingMessage("bench", "r" + n++, q.text(), null, null))
                                .stream().filter(Reply.Text.class::isInstance).map(r -> ((Reply.Text) r).text())
                                .collect(Collectors.joining("\n")); // a chart (Reply.Chart) repeats the text's figures
                        nanos.addAndGet(System.nanoTime() - t);
                        if (!answer.contains(q.expected())) {
                            throw new IllegalStateException("during the refresh, '" + q.text() + "': " + answer);
                        }
                        answers.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    cpuNanos = threads.getCurrentThreadCpuTime();
                }
            });
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            if (failure != null) {
                throw failure;
            }
        }

        long answers() {
            return answers.get();
        }

        long nanos() {
            return nanos.get();
        }

        long cpuNanos() {
            return cpuNanos;
        }
    }
}
