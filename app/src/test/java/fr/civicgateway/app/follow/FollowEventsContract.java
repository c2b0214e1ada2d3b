package fr.civicgateway.app.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.core.follow.FollowEvent;
import fr.civicgateway.core.follow.FollowEvents;
import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.follow.Subscription;
import fr.civicgateway.core.follow.SubscriptionStore;
import fr.civicgateway.core.nlu.Language;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the follow events' store promises, run on each supported database by a subclass (H2 in a file, a real
 * PostgreSQL server): two instances (two pools, two owners) on one database racing on the same events record each
 * event once, write each delivery once, and send each delivery once; a crash between the steps loses nothing.
 */
abstract class FollowEventsContract {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(5);
    static final FollowTarget PANOT = new FollowTarget.Deputy("PA720892");
    static final FollowTarget VALLAUD = new FollowTarget.Deputy("PA719024");
    static final FollowTarget FARMING = new FollowTarget.Topic("agriculture");
    static final FollowTarget BILL = new FollowTarget.Bill("DLR5L17N48483");

    /** A new, empty database of the kind under test; each call of the supplier opens a new pool on it. */
    abstract Supplier<HikariDataSource> newDatabase();

    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    Supplier<HikariDataSource> migratedDatabase() {
        Supplier<HikariDataSource> db = newDatabase();
        try (HikariDataSource ds = db.get()) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        }
        return () -> {
            HikariDataSource ds = db.get();
            pools.add(ds);
            return ds;
        };
    }

    /** One gateway instance: its own pool, its own stores. */
    record Instance(String owner, HikariDataSource pool, SubscriptionStore subscriptions, JdbcFollowEvents events) {
    }

    static Instance instance(String owner, Supplier<HikariDataSource> db) {
        HikariDataSource ds = db.get();
        SubscriptionStore subscriptions = new JdbcSubscriptionStore(ds);
        return new Instance(owner, ds, subscriptions, new JdbcFollowEvents(ds, subscriptions));
    }

    static FollowEvent scrutin(int number, FollowTarget... targets) {
        return new FollowEvent("scrutin:" + number, FollowEvent.Kind.SCRUTIN, List.of(targets),
                LocalDate.of(2026, 11, 30), T0, Map.of("number", Integer.toString(number)));
    }

    static FollowEvent step(String code) {
        return new FollowEvent("dossier-step:DLR5L17N48483:" + code, FollowEvent.Kind.DOSSIER_STEP, List.of(BILL),
                LocalDate.of(2026, 11, 30), T0, Map.of("dossier", "DLR5L17N48483", "step", code));
    }

    static void follow(SubscriptionStore store, String conversation, FollowTarget target) {
        store.add(new Subscription(conversation, target, Language.FR, T0.minusSeconds(3600)));
    }

    @Test
    void anEventRecordedByTwoInstancesAtOnceIsStoredOnceWithItsTargetsAndIds() throws Exception {
        Supplier<HikariDataSource> db = migratedDatabase();
        Instance a = instance("a", db);
        Instance b = instance("b", db);
        List<FollowEvent> found = new ArrayList<>();
        for (int n = 3800; n < 3850; n++) {
            found.add(scrutin(n, PANOT, VALLAUD, FARMING));
        }

        List<Integer> added = race(() -> a.events().record(found), () -> b.events().record(found));

        assertThat(added.get(0) + added.get(1)).isEqualTo(50);
        assertThat(a.events().counts().events()).isEqualTo(50);
        assertThat(a.events().record(found)).isZero();
        follow(a.subscriptions(), "web:c1", FARMING);
        a.events().fanOut("a", T0, LEASE, 1);
        FollowEvent read = a.events().claimDue("a", T0, LEASE, 10).getFirst().deliveries().getFirst().event();
        assertThat(read).isEqualTo(found.getFirst());
        assertThat(read.payload()).containsExactly(Map.entry("number", "3800"));
    }

    @Test
    void twoInstancesFanningOutTheSameEventsWriteEachFollowerOneDeliveryPerEvent() throws Exception {
        Supplier<HikariDataSource> db = migratedDatabase();
        Instance a = instance("a", db);
        Instance b = instance("b", db);
        // 2,500 followers of the deputy (more than two batches), 1,200 of the topic, 700 following both
        Map<String, Set<String>> follows = new HashMap<>();
        for (int i = 0; i < 3_000; i++) {
            String c = String.format("telegram:c%05d", i);
            if (i < 2_500) {
                follow(a.subscriptions(), c, PANOT);
                follows.computeIfAbsent(c, k -> new HashSet<>()).add(PANOT.key());
            }
            if (i >= 1_800) {
                follow(a.subscriptions(), c, FARMING);
                follows.computeIfAbsent(c, k -> new HashSet<>()).add(FARMING.key());
            }
        }
        List<FollowEvent> events = List.of(scrutin(3877, PANOT, FARMING), scrutin(3878, PANOT), scrutin(3879, FARMING),
                step("AN1-DEPOT"));
        a.events().record(events);

        List<FollowEvents.FanOut> done = race(() -> drain(a), () -> drain(b));

        // naive: for each event, each conversation following one of its targets
        long expected = 0;
        for (FollowEvent e : events) {
            for (Set<String> targets : follows.values()) {
                if (e.targets().stream().anyMatch(t -> targets.contains(t.key()))) {
                    expected++;
                }
            }
        }
        assertThat(expected).isEqualTo(3_000 + 2_500 + 1_200);
        assertThat(done.get(0).events() + done.get(1).events()).isEqualTo(4);
        assertThat(done.get(0).deliveries() + done.get(1).deliveries()).isEqualTo(expected);
        assertThat(a.events().counts().deliveries()).isEqualTo(expected);
        assertThat(a.events().fanOut("a", T0, LEASE, 10)).isEqualTo(new FollowEvents.FanOut(0, 0));
    }

    private static FollowEvents.FanOut drain(Instance i) {
        int events = 0;
        long deliveries = 0;
        for (FollowEvents.FanOut f; (f = i.events().fanOut(i.owner(), T0, LEASE, 1)).events() > 0; ) {
            events += f.events();
            deliveries += f.deliveries();
        }
        return new FollowEvents.FanOut(events, deliveries);
    }

    @Test
    void twoInstancesSendingAtOnceSendEachDeliveryOnceAndAFollowersDeliveriesTogether() throws Exception {
        Supplier<HikariDataSource> db = migratedDatabase();
        Instance a = instance("a", db);
        Instance b = instance("b", db);
        for (int i = 0; i < 300; i++) {
            follow(a.subscriptions(), "web:c" + i, i % 2 == 0 ? PANOT : VALLAUD);
            if (i % 3 == 0) {
                follow(a.subscriptions(), "web:c" + i, FARMING);
            }
        }
        a.events().record(List.of(scrutin(1, PANOT, VALLAUD), scrutin(2, PANOT, FARMING), scrutin(3, FARMING)));
        drain(a);
        long owed = a.events().counts().deliveries();
        List<String> sent = Collections.synchronizedList(new ArrayList<>());

        race(() -> send(a, sent), () -> send(b, sent));

        assertThat(sent).hasSize((int) owed).doesNotHaveDuplicates();
        assertThat(a.events().counts().unsent()).isZero();
        assertThat(a.events().claimDue("a", T0.plus(LEASE).plusSeconds(1), LEASE, 10)).isEmpty();
    }

    /** Sends everything due, one digest per follower: records "follower event" once per delivery. */
    private static int send(Instance i, List<String> sent) {
        int digests = 0;
        for (List<FollowEvents.Owed> owed; !(owed = i.events().claimDue(i.owner(), T0, LEASE, 7)).isEmpty(); ) {
            for (FollowEvents.Owed o : owed) {
                assertThat(o.deliveries()).allMatch(d -> d.conversationKey().equals(o.conversationKey()));
                i.events().markSent(i.owner(), o.deliveries().stream().map(FollowEvents.Delivery::id).toList(), T0,
                        () -> {
                            o.deliveries().forEach(d -> sent.add(d.conversationKey() + " " + d.event().key()));
                            return null;
                        });
                digests++;
            }
        }
        return digests;
    }

    @Test
    void aFollowerFollowingTheDeputyAndTheTopicGetsTheScrutinOnceInOneDigest() {
        Instance a = instance("a", migratedDatabase());
        follow(a.subscriptions(), "telegram:marie", PANOT);
        follow(a.subscriptions(), "telegram:marie", FARMING);
        follow(a.subscriptions(), "telegram:paul", FARMING);
        a.events().record(List.of(scrutin(3877, PANOT, FARMING), scrutin(3878, PANOT)));
        a.events().fanOut("a", T0, LEASE, 10);

        List<FollowEvents.Owed> owed = a.events().claimDue("a", T0, LEASE, 10);

        assertThat(owed).extracting(FollowEvents.Owed::conversationKey).containsExactly("telegram:marie", "telegram:paul");
        assertThat(owed.get(0).deliveries()).extracting(d -> d.event().key()).containsExactly("scrutin:3877", "scrutin:3878");
        assertThat(owed.get(0).deliveries().getFirst().target()).isEqualTo(PANOT);
        assertThat(owed.get(1).deliveries()).extracting(d -> d.target().key()).containsExactly("topic:agriculture");
    }

    @Test
    void aRestartBetweenClaimAndSendLosesNothingAndTheDeadInstanceCannotSendItAgain() {
        Supplier<HikariDataSource> db = migratedDatabase();
        Instance dead = instance("dead", db);
        follow(dead.subscriptions(), "telegram:marie", BILL);
        dead.events().record(List.of(step("AN1-COM")));
        dead.events().fanOut("dead", T0, LEASE, 10);
        List<FollowEvents.Owed> claimedBeforeTheCrash = dead.events().claimDue("dead", T0, LEASE, 10);
        assertThat(claimedBeforeTheCrash).hasSize(1);

        Instance next = instance("next", db);
        assertThat(next.events().claimDue("next", T0.plusSeconds(60), LEASE, 10)).as("still leased").isEmpty();
        List<FollowEvents.Owed> retaken = next.events().claimDue("next", T0.plus(LEASE).plusSeconds(1), LEASE, 10);

        assertThat(retaken).hasSize(1);
        List<Long> ids = retaken.getFirst().deliveries().stream().map(FollowEvents.Delivery::id).toList();
        List<String> handedOver = new ArrayList<>();
        next.events().markSent("next", ids, T0.plus(LEASE), () -> handedOver.add("digest"));
        assertThatThrownBy(() -> dead.events().markSent("dead", ids, T0.plus(LEASE), () -> handedOver.add("again")))
                .isInstanceOf(FollowEvents.LeaseLost.class);
        assertThat(handedOver).containsExactly("digest");
    }

    @Test
    void aFanOutCutShortByACrashIsFinishedByAnotherInstanceWithoutWritingADeliveryTwice() {
        Supplier<HikariDataSource> db = migratedDatabase();
        Instance a = instance("a", db);
        for (int i = 0; i < 2_500; i++) {
            follow(a.subscriptions(), String.format("web:c%05d", i), PANOT);
        }
        a.events().record(List.of(scrutin(3877, PANOT)));
        // the dying instance writes its first batch, then its store fails
        SubscriptionStore failing = new FailingAfter(a.subscriptions(), 1);
        JdbcFollowEvents dying = new JdbcFollowEvents(a.pool(), failing);
        assertThatThrownBy(() -> dying.fanOut("dying", T0, LEASE, 10)).isInstanceOf(IllegalStateException.class);
        assertThat(a.events().counts().deliveries()).isEqualTo(JdbcFollowEvents.BATCH);

        Instance b = instance("b", db);
        assertThat(b.events().fanOut("b", T0.plusSeconds(1), LEASE, 10).events()).as("still leased").isZero();
        FollowEvents.FanOut finished = b.events().fanOut("b", T0.plus(LEASE).plusSeconds(1), LEASE, 10);

        assertThat(finished.events()).isEqualTo(1);
        assertThat(finished.deliveries()).isEqualTo(2_500 - JdbcFollowEvents.BATCH);
        assertThat(a.events().counts().deliveries()).isEqualTo(2_500);
    }

    @Test
    void aHandOverThatFailsLeavesTheDeliveriesUnsentAndItsOutboxRowsUnwritten() {
        Instance a = instance("a", migratedDatabase());
        follow(a.subscriptions(), "telegram:marie", PANOT);
        a.events().record(List.of(scrutin(3877, PANOT)));
        a.events().fanOut("a", T0, LEASE, 10);
        List<Long> ids = a.events().claimDue("a", T0, LEASE, 10).getFirst().deliveries().stream()
                .map(FollowEvents.Delivery::id).toList();
        JdbcClient jdbc = JdbcClient.create(a.pool());

        assertThatThrownBy(() -> a.events().markSent("a", ids, T0, () -> {
            jdbc.sql("""
                    INSERT INTO telegram_outbox (chat_id, method, body, owner, lease_until, created_at)
                    VALUES (42, 'sendMessage', '{}', 'a', ?, ?)""").params(T0.atOffset(java.time.ZoneOffset.UTC),
                    T0.atOffset(java.time.ZoneOffset.UTC)).update();
            throw new IllegalStateException("the outbox refused the message");
        })).hasMessage("the outbox refused the message");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM telegram_outbox").query(Long.class).single()).isZero();
        assertThat(a.events().counts().unsent()).isEqualTo(1);
        a.events().release("a", ids, T0.plusSeconds(600));
        assertThat(a.events().claimDue("a", T0.plusSeconds(599), LEASE, 10)).as("due again later").isEmpty();
        List<FollowEvents.Owed> again = a.events().claimDue("a", T0.plusSeconds(600), LEASE, 10);
        a.events().markSent("a", ids, T0.plusSeconds(600), () -> jdbc.sql("""
                INSERT INTO telegram_outbox (chat_id, method, body, owner, lease_until, created_at)
                VALUES (42, 'sendMessage', '{}', 'a', ?, ?)""").params(T0.atOffset(java.time.ZoneOffset.UTC),
                T0.atOffset(java.time.ZoneOffset.UTC)).update());
        assertThat(again).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM telegram_outbox").query(Long.class).single()).isEqualTo(1);
        assertThat(a.events().counts().unsent()).isZero();
    }

    @Test
    void sentDeliveriesAreDeletedAfterTheRetentionAndUnsentOnesAreKept() {
        Instance a = instance("a", migratedDatabase());
        follow(a.subscriptions(), "telegram:marie", PANOT);
        follow(a.subscriptions(), "telegram:paul", PANOT);
        a.events().record(List.of(scrutin(3877, PANOT)));
        a.events().fanOut("a", T0, LEASE, 10);
        FollowEvents.Owed marie = a.events().claimDue("a", T0, LEASE, 1).getFirst();
        a.events().markSent("a", List.of(marie.deliveries().getFirst().id()), T0, () -> null);

        assertThat(a.events().purgeSent(T0)).as("not older than the retention").isZero();
        assertThat(a.events().purgeSent(T0.plus(Duration.ofDays(30)))).isEqualTo(1);
        assertThat(a.events().counts()).isEqualTo(new JdbcFollowEvents.Counts(1, 1, 1));
        List<FollowEvents.Owed> paul = a.events().claimDue("a", T0.plus(Duration.ofDays(30)), LEASE, 10);
        assertThat(paul).extracting(FollowEvents.Owed::conversationKey).containsExactly("telegram:paul");
        a.events().markSent("a", List.of(paul.getFirst().deliveries().getFirst().id()), T0, () -> null);
        a.events().purgeSent(T0.plus(Duration.ofDays(30)));
        assertThat(a.events().counts()).as("the event goes with its last delivery")
                .isEqualTo(new JdbcFollowEvents.Counts(0, 0, 0));
    }

    @SafeVarargs
    static <T> List<T> race(Callable<T>... tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> t : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return t.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A subscription store that fails after answering {@code pages} pages: an instance dying mid-fan-out. */
    private record FailingAfter(SubscriptionStore store, java.util.concurrent.atomic.AtomicInteger left)
            implements SubscriptionStore {
        FailingAfter(SubscriptionStore store, int pages) {
            this(store, new java.util.concurrent.atomic.AtomicInteger(pages));
        }

        @Override
        public List<Subscription> followersOf(FollowTarget target, String afterKey, int limit) {
            if (left.getAndDecrement() <= 0) {
                throw new IllegalStateException("the instance died");
            }
            return store.followersOf(target, afterKey, limit);
        }

        @Override
        public boolean add(Subscription s) {
            return store.add(s);
        }

        @Override
        public boolean remove(String conversationKey, FollowTarget target) {
            return store.remove(conversationKey, target);
        }

        @Override
        public int removeAll(String conversationKey) {
            return store.removeAll(conversationKey);
        }

        @Override
        public List<Subscription> list(String conversationKey) {
            return store.list(conversationKey);
        }

        @Override
        public long count() {
            return store.count();
        }
    }
}
