package fr.civicgateway.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.app.follow.JdbcFollowEvents;
import fr.civicgateway.app.follow.JdbcSubscriptionStore;
import fr.civicgateway.core.follow.FollowChanges;
import fr.civicgateway.core.follow.FollowEvent;
import fr.civicgateway.core.follow.FollowEvents;
import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.parliament.Contacts;
import fr.civicgateway.core.parliament.DataInfo;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.PoliticalGroup;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.opendata.assemblee.AssembleeLoader;
import fr.civicgateway.opendata.assemblee.AssembleeSnapshot;
import fr.civicgateway.app.telegram.BenchTelegramStores;
import fr.civicgateway.connectors.telegram.FakeBotApiPush;
import fr.civicgateway.core.answer.PageLinks;
import fr.civicgateway.core.follow.delivery.DeliverySchedule;
import fr.civicgateway.core.follow.delivery.DigestWriter;
import fr.civicgateway.core.follow.delivery.FollowDelivery;
import fr.civicgateway.core.follow.delivery.FollowEventsQueue;
import fr.civicgateway.core.follow.delivery.FollowPush;
import fr.civicgateway.core.follow.delivery.InMemoryFollowMailbox;
import fr.civicgateway.core.text.MessageCatalogue;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.flywaydb.core.Flyway;

/**
 * One refresh's follow events fanned out to 100,000 synthetic subscriptions through the delivery tables (issue 13).
 *
 * <ol>
 *   <li>The diff: the shipped scrutins against the same data without the last day's 63 (3814–3876, as a refresh on
 *       17 November 2025 brought them), with 20 followed topics: events built per second.</li>
 *   <li>Subscriptions: 60,000 synthetic subscribers (generated here, seeded) holding 100,000 subscriptions: 70% to
 *       deputies (a third of those to ten popular ones), 20% to 20 topics, 10% to 200 bills; the refresh's events are
 *       the 63 scrutins and 20 new steps of followed bills.</li>
 *   <li>Record, fan out (deliveries written per second).</li>
 *   <li>Deliver through the real path: {@link FollowDelivery} claims 500 followers at a time, writes each one's
 *       digest with the {@link DigestWriter} on the shipped data (no {@code AssemblyWork}: bills are named by their
 *       uid) and hands it to the Telegram outbox (the application's durable store, in the transaction of the mark
 *       "sent": one per claim of 500 followers), which sends it to a fake Bot API answering 429 {@code retry_after 1} to one request in 50 (digests
 *       built and messages queued per second; messages sent per second, bounded by the outbox's 30/s by design).
 *       Only the first {@code -Dfollowers=N} followers (20,000 by default) are delivered.</li>
 * </ol>
 * {@code -Dsubscriptions=} and {@code -Dsubscribers=} scale the synthetic set down (100,000 and 60,000 by default).
 * Heap: used after a full collection before the fan-out and after it, and the most seen.
 *
 * <pre>{@code java -Xmx256m -cp benchmarks/target/benchmarks.jar fr.civicgateway.benchmarks.FollowFanOutFootprint [data] [jdbc:postgresql://… user]}</pre>
 * Without a JDBC URL: an H2 file in a temporary directory, as the embedded gateway opens it.
 */
public final class FollowFanOutFootprint {

    static final int SUBSCRIPTIONS = Integer.getInteger("subscriptions", 100_000);
    static final int SUBSCRIBERS = Integer.getInteger("subscribers", 60_000);
    static final int LAST_DAY_FIRST = 3814;
    static final List<String> TOPICS = List.of("agriculture", "budget", "loi de finances", "retraites", "santé",
            "immigration", "école", "logement", "énergie", "climat", "police", "justice", "armée", "fin de vie",
            "impôts", "sécurité sociale", "travail", "transport", "eau", "motion de censure");

    private FollowFanOutFootprint() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AssembleeSnapshot after = AssembleeLoader.ofShippedLayout(data.resolve("assemblee-nationale")).load();
        ParliamentData before = new Without(after, LAST_DAY_FIRST);
        List<FollowTarget.Topic> topics = TOPICS.stream().map(FollowTarget.Topic::new).toList();
        Instant now = Instant.parse("2025-11-17T23:00:00Z");

        // 1. the diff, warmed up, then timed
        List<FollowEvent> scrutins = List.of();
        for (int i = 0; i < 20; i++) {
            scrutins = FollowChanges.newScrutins(before, after, topics, now);
        }
        int rounds = 50;
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            scrutins = FollowChanges.newScrutins(before, after, topics, now);
        }
        double diffMs = (System.nanoTime() - t0) / 1e6 / rounds;
        System.out.printf(Locale.ROOT, "diff: %d new scrutins (%d targets) in %.2f ms each: %.0f events/s%n",
                scrutins.size(), scrutins.stream().mapToInt(e -> e.targets().size()).sum(), diffMs,
                scrutins.size() / (diffMs / 1000));

        // 2. the database and the synthetic subscriptions
        HikariDataSource ds = new HikariDataSource();
        if (args.length > 1) {
            ds.setJdbcUrl(args[1]);
            ds.setUsername(args.length > 2 ? args[2] : "postgres");
        } else {
            Path dir = Files.createTempDirectory("follow-fan-out");
            ds.setJdbcUrl("jdbc:h2:file:" + dir.resolve("civic-gateway") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
            ds.setUsername("sa");
            ds.setPassword("");
        }
        ds.setMaximumPoolSize(4);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").cleanDisabled(false).load().migrate();
        List<String> deputies = after.deputies().stream().map(Deputy::uid).sorted().toList();
        List<String> bills = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            bills.add(String.format(Locale.ROOT, "DLR5L17N%05d", 50_000 + i));
        }
        long ts = System.nanoTime();
        int stored = subscribe(ds, deputies, bills, now);
        System.out.printf(Locale.ROOT, "subscriptions: %d for %d subscribers, written in %.1f s%n", stored,
                SUBSCRIBERS, (System.nanoTime() - ts) / 1e9);

        List<FollowEvent> events = new ArrayList<>(scrutins);
        for (int i = 0; i < 20; i++) {
            String bill = bills.get(i * 10);
            events.add(new FollowEvent("dossier-step:" + bill + ":AN1-COM", FollowEvent.Kind.DOSSIER_STEP,
                    List.of(new FollowTarget.Bill(bill)), LocalDate.of(2025, 11, 17), now,
                    Map.of("dossier", bill, "step", "AN1-COM")));
        }
        JdbcFollowEvents queue = new JdbcFollowEvents(ds, new JdbcSubscriptionStore(ds));

        // 3. record, fan out, claim and mark sent
        long heapBefore = usedAfterGc(memory);
        HeapSampler sampler = new HeapSampler(memory);
        sampler.start();
        long tr = System.nanoTime();
        int recorded = queue.record(events);
        double recordS = (System.nanoTime() - tr) / 1e9;
        long tf = System.nanoTime();
        long written = 0;
        for (FollowEvents.FanOut f; (f = queue.fanOut("bench", now, Duration.ofMinutes(5), 10)).events() > 0; ) {
            written += f.deliveries();
        }
        double fanOutS = (System.nanoTime() - tf) / 1e9;
        long heapAfterFanOut = usedAfterGc(memory);
        System.out.printf(Locale.ROOT, "record: %d events in %.2f s%n", recorded, recordS);
        System.out.printf(Locale.ROOT, "fan-out: %d deliveries in %.1f s: %.0f deliveries written/s%n", written,
                fanOutS, written / fanOutS);
        System.out.printf(Locale.ROOT, "heap used after GC: %.0f MiB before the fan-out, %.0f MiB after; most seen %.0f MiB (max heap %.0f MiB)%n",
                mib(heapBefore), mib(heapAfterFanOut), mib(sampler.most), mib(Runtime.getRuntime().maxMemory()));
        // 4. the real delivery: FollowDelivery claims 500 followers at a time, writes each one's digest with the
        // DigestWriter on the shipped data, and hands it to the Telegram outbox (durable store, in the same transaction
        // as the mark "sent"), which sends it to a fake Bot API within Telegram's limits.
        int followers = Integer.getInteger("followers", 20_000);
        JdbcSubscriptionStore subscriptions = new JdbcSubscriptionStore(ds);
        try (FakeBotApiPush telegram = new FakeBotApiPush(subscriptions, BenchTelegramStores.jdbc(ds), 50)) {
            for (int i = 0; i < SUBSCRIBERS; i++) {
                telegram.address(String.format(Locale.ROOT, "telegram:s%06d", i), 1_000_000L + i);
            }
            // 18:30 in Paris the next day: after the deputies' digest time (18:00), before the quiet hours (21:00).
            Clock deliveryClock = Clock.fixed(Instant.parse("2025-11-18T17:30:00Z"), ZoneOffset.UTC);
            DigestWriter writer = new DigestWriter(MessageCatalogue.shipped(), PageLinks.at("https://gateway.example"),
                    DigestWriter.TELEGRAM_MAX_CHARS);
            CountingPush counting = new CountingPush(telegram.push());
            FollowDelivery delivery = new FollowDelivery(new FollowEventsQueue(queue), subscriptions, () -> after,
                    () -> null, writer, DeliverySchedule.defaults(ZoneId.of("Europe/Paris")), List.of(counting),
                    new InMemoryFollowMailbox(), deliveryClock, "bench", Duration.ofMinutes(30), 500, followers);
            long sentBefore = telegram.sent();
            long tc = System.nanoTime();
            int handed = delivery.pass();
            double deliverS = (System.nanoTime() - tc) / 1e9;
            long sentDuring = telegram.sent() - sentBefore;
            System.out.printf(Locale.ROOT, "delivery: %d digests (of %d asked) written and queued in %.1f s: %.0f digests/s, "
                            + "%.0f messages queued/s (%.1f ms per digest, of which %.1f s in the outbox's submit), %.0f chars on average%n",
                    handed, followers, deliverS, handed / deliverS, counting.pushed / deliverS, deliverS * 1000 / handed,
                    counting.inPush / 1e9, counting.chars / (double) Math.max(1, counting.pushed));
            System.out.printf(Locale.ROOT, "sent to the fake Bot API meanwhile: %d in %.1f s: %.1f/s (the outbox's 30/s)%n",
                    sentDuring, deliverS, sentDuring / deliverS);
            long ts2 = System.nanoTime();
            Thread.sleep(20_000);
            double waitS = (System.nanoTime() - ts2) / 1e9;
            long sentAfter = telegram.sent() - sentBefore - sentDuring;
            System.out.printf(Locale.ROOT, "then %d more sent in %.1f s: %.1f/s; 429s answered: %d%n", sentAfter, waitS,
                    sentAfter / waitS, telegram.refused());
            System.out.printf(Locale.ROOT, "heap used after GC with %d digests queued in the outbox: %.0f MiB%n",
                    counting.pushed - telegram.sent(), mib(usedAfterGc(memory)));
        }
        sampler.interrupt();
        sampler.join();
        System.out.printf(Locale.ROOT, "most heap seen in all: %.0f MiB%n", mib(sampler.most));
        System.out.println("database: " + queue.counts() + " on " + ds.getJdbcUrl().replaceAll(";.*", ""));
        ds.close();
    }

    /** Seeded synthetic follows: 70% deputies (a third to ten popular ones), 20% topics, 10% bills. */
    private static int subscribe(HikariDataSource ds, List<String> deputies, List<String> bills, Instant now)
            throws Exception {
        Random random = new Random(13);
        Set<String> seen = new HashSet<>();
        int stored = 0;
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO follow_subscription (conversation_key, target_key, language, since) VALUES (?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; stored < SUBSCRIPTIONS; i++) {
                String subscriber = String.format(Locale.ROOT, "telegram:s%06d", i % SUBSCRIBERS);
                double kind = random.nextDouble();
                String target;
                if (kind < 0.7) {
                    target = "deputy:" + (random.nextInt(3) == 0 ? deputies.get(random.nextInt(10) * 37)
                            : deputies.get(random.nextInt(deputies.size())));
                } else if (kind < 0.9) {
                    target = new FollowTarget.Topic(TOPICS.get(random.nextInt(TOPICS.size()))).key();
                } else {
                    target = "bill:" + bills.get(random.nextInt(bills.size()));
                }
                if (!seen.add(subscriber + " " + target)) {
                    continue;
                }
                st.setString(1, subscriber);
                st.setString(2, target);
                st.setString(3, random.nextInt(10) == 0 ? "en" : "fr");
                st.setTimestamp(4, Timestamp.from(now));
                st.addBatch();
                if (++stored % 5_000 == 0) {
                    st.executeBatch();
                    c.commit();
                }
            }
            st.executeBatch();
            c.commit();
        }
        return stored;
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    /** The real push, counted: messages handed to the outbox and their length. */
    private static final class CountingPush implements FollowPush {
        final FollowPush real;
        volatile long pushed;
        volatile long chars;
        volatile long inPush;

        CountingPush(FollowPush real) {
            this.real = real;
        }

        @Override
        public String channel() {
            return real.channel();
        }

        @Override
        public boolean reachable(String conversationKey) {
            return real.reachable(conversationKey);
        }

        @Override
        public void push(String conversationKey, String text) {
            long t = System.nanoTime();
            real.push(conversationKey, text);
            inPush += System.nanoTime() - t;
            pushed++;
            chars += text.length();
        }
    }

    private static final class HeapSampler extends Thread {
        final MemoryMXBean memory;
        volatile long most;

        HeapSampler(MemoryMXBean memory) {
            this.memory = memory;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                most = Math.max(most, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** The data without its scrutins from {@code first} on: the version before a refresh that brought them. */
    private record Without(ParliamentData data, int first) implements ParliamentData {
        @Override
        public long version() {
            return data.version() - 1;
        }

        @Override
        public DataInfo info() {
            return data.info();
        }

        @Override
        public Collection<Deputy> deputies() {
            return data.deputies();
        }

        @Override
        public Optional<Deputy> deputy(String uid) {
            return data.deputy(uid);
        }

        @Override
        public Optional<Deputy> deputyOf(String constituencyId) {
            return data.deputyOf(constituencyId);
        }

        @Override
        public Contacts contacts(String deputyUid) {
            return data.contacts(deputyUid);
        }

        @Override
        public Optional<PoliticalGroup> group(String organeUid) {
            return data.group(organeUid);
        }

        @Override
        public Collection<PoliticalGroup> groups() {
            return data.groups();
        }

        @Override
        public Optional<Scrutin> scrutin(int number) {
            return number < first ? data.scrutin(number) : Optional.empty();
        }

        @Override
        public List<Scrutin> scrutins() {
            return data.scrutins().stream().filter(s -> s.number() < first)
                    .sorted(Comparator.comparingInt(Scrutin::number)).toList();
        }

        @Override
        public DeputyVote vote(String deputyUid, int scrutinNumber) {
            return scrutinNumber < first ? data.vote(deputyUid, scrutinNumber) : DeputyVote.NOT_LISTED;
        }
    }
}
