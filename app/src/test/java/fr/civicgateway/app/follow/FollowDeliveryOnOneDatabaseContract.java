package fr.civicgateway.app.follow;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.core.answer.PageLinks;
import fr.civicgateway.core.follow.FollowEvent;
import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.follow.Subscription;
import fr.civicgateway.core.follow.delivery.DeliverySchedule;
import fr.civicgateway.core.follow.delivery.DigestWriter;
import fr.civicgateway.core.follow.delivery.DueDelivery;
import fr.civicgateway.core.follow.delivery.FollowDelivery;
import fr.civicgateway.core.follow.delivery.FollowEventsQueue;
import fr.civicgateway.core.follow.delivery.DeliveryQueue;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.text.MessageCatalogue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two gateway instances delivering from one database (the follow events' queue of V10, the widget's mailbox of
 * V11): a bill's new step is handed over once per follower, even when the instance that claimed it is killed before
 * its hand-over. The hand-over is the mailbox's row, written in the transaction that marks the delivery sent.
 */
abstract class FollowDeliveryOnOneDatabaseContract {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final FollowTarget bill = new FollowTarget.Bill("DLR5L17N51035");

    abstract Supplier<HikariDataSource> newDatabase();

    private Supplier<HikariDataSource> database;
    private JdbcSubscriptionStore subscriptions;

    @BeforeEach
    void migrate() {
        database = newDatabase();
        HikariDataSource ds = pool();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        subscriptions = new JdbcSubscriptionStore(ds);
        for (String who : List.of("web:a", "web:b", "web:c")) {
            subscriptions.add(new Subscription(who, bill, Language.FR, now.get()));
        }
        JdbcFollowEvents events = new JdbcFollowEvents(ds, subscriptions);
        events.record(List.of(new FollowEvent("dossier-step:DLR5L17N51035:AN1-DEBATS-DEC", FollowEvent.Kind.DOSSIER_STEP,
                List.of(bill), LocalDate.of(2026, 11, 30), now.get(),
                Map.of("dossier", "DLR5L17N51035", "step", "AN1-DEBATS-DEC"))));
        events.fanOut("refresh", now.get(), LEASE, 10);
    }

    @AfterEach
    void close() {
        pools.forEach(HikariDataSource::close);
    }

    private HikariDataSource pool() {
        HikariDataSource ds = database.get();
        pools.add(ds);
        return ds;
    }

    /** One gateway instance: its own pool, queue and mailbox on the shared database. */
    private FollowDelivery instance(String name, java.util.function.UnaryOperator<DeliveryQueue> wrap) {
        HikariDataSource ds = pool();
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        return new FollowDelivery(wrap.apply(new FollowEventsQueue(new JdbcFollowEvents(ds, new JdbcSubscriptionStore(ds)))),
                new JdbcSubscriptionStore(ds), () -> new fr.civicgateway.core.parliament.ParliamentData() {
                    @Override
                    public fr.civicgateway.core.parliament.DataInfo info() {
                        return new fr.civicgateway.core.parliament.DataInfo(17, LocalDate.of(2026, 11, 30),
                                LocalDate.of(2024, 7, 18), LocalDate.of(2026, 11, 30), 0, "test");
                    }

                    @Override
                    public Collection<fr.civicgateway.core.parliament.Deputy> deputies() {
                        return List.of();
                    }

                    @Override
                    public java.util.Optional<fr.civicgateway.core.parliament.Deputy> deputy(String uid) {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public java.util.Optional<fr.civicgateway.core.parliament.Deputy> deputyOf(String constituencyId) {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public java.util.Optional<fr.civicgateway.core.parliament.PoliticalGroup> group(String organeUid) {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public Collection<fr.civicgateway.core.parliament.PoliticalGroup> groups() {
                        return List.of();
                    }

                    @Override
                    public java.util.Optional<fr.civicgateway.core.parliament.Scrutin> scrutin(int number) {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public List<fr.civicgateway.core.parliament.Scrutin> scrutins() {
                        return List.of();
                    }

                    @Override
                    public fr.civicgateway.core.parliament.DeputyVote vote(String deputyUid, int scrutinNumber) {
                        return fr.civicgateway.core.parliament.DeputyVote.NOT_LISTED;
                    }
                }, () -> null,
                new DigestWriter(MessageCatalogue.shipped(), PageLinks.at("https://bot.example.org"), 4096),
                DeliverySchedule.defaults(PARIS), List.of(), new JdbcFollowMailbox(ds), clock, name, LEASE, 10, 600);
    }

    private List<String> handedOver() {
        return JdbcClient.create(pools.getFirst()).sql("SELECT conversation_key FROM follow_mailbox ORDER BY conversation_key")
                .query(String.class).list();
    }

    @Test
    void twoInstancesHandEachFollowerTheirNewsOnce() {
        FollowDelivery a = instance("a", q -> q);
        FollowDelivery b = instance("b", q -> q);

        int handed = a.pass() + b.pass();
        now.set(now.get().plus(LEASE).plusSeconds(1));
        handed += b.pass() + a.pass();

        assertThat(handed).isEqualTo(3);
        assertThat(handedOver()).containsExactly("web:a", "web:b", "web:c");
    }

    @Test
    void anInstanceKilledAfterItsClaimLosesNothingAndNothingIsHandedOverTwice() {
        FollowDelivery dying = instance("a", q -> new DeliveryQueue() {
            @Override
            public List<List<DueDelivery>> claimDue(String owner, Instant at, Duration lease, int max) {
                q.claimDue(owner, at, lease, max);
                throw new IllegalStateException("killed after the claim");
            }

            @Override
            public void markSent(String owner, Collection<Long> ids, Instant at, Runnable handOver) {
                throw new AssertionError("dead");
            }

            @Override
            public void release(String owner, Collection<Long> ids, Instant dueAgain) {
                throw new AssertionError("dead");
            }
        });
        dying.run();
        FollowDelivery b = instance("b", q -> q);

        assertThat(b.pass()).as("the dead instance's lease holds").isZero();
        now.set(now.get().plus(LEASE).plusSeconds(1));
        assertThat(b.pass()).isEqualTo(3);
        assertThat(b.pass()).isZero();
        assertThat(instance("a-restarted", q -> q).pass()).isZero();
        assertThat(handedOver()).containsExactly("web:a", "web:b", "web:c");
    }

    /** The id of a follower's (only) delivery. */
    private long deliveryOf(String conversationKey) {
        return JdbcClient.create(pools.getFirst()).sql("SELECT id FROM follow_delivery WHERE conversation_key = ?")
                .param(conversationKey).query(Long.class).single();
    }

    @Test
    void anInstanceKilledDuringItsClaimsHandOverCommitsNothingAndTheNextHandsEachFollowerTheirNewsOnce() {
        List<Integer> markedAtOnce = new ArrayList<>();
        FollowDelivery dying = instance("a", q -> new DeliveryQueue() {
            @Override
            public List<List<DueDelivery>> claimDue(String owner, Instant at, Duration lease, int max) {
                return q.claimDue(owner, at, lease, max);
            }

            @Override
            public void markSent(String owner, Collection<Long> ids, Instant at, Runnable handOver) {
                markedAtOnce.add(ids.size());
                // Every digest written in the transaction, then the process dies before its commit.
                q.markSent(owner, ids, at, () -> {
                    handOver.run();
                    throw new IllegalStateException("killed before the commit");
                });
            }

            @Override
            public void release(String owner, Collection<Long> ids, Instant dueAgain) {
                throw new IllegalStateException("dead");
            }
        });

        assertThat(dying.pass()).isZero();
        assertThat(markedAtOnce.getFirst()).as("the three followers' digests in one transaction").isEqualTo(3);
        assertThat(handedOver()).as("rolled back, all of them").isEmpty();
        FollowDelivery next = instance("b", q -> q);
        assertThat(next.pass()).as("the dead instance's lease holds").isZero();
        now.set(now.get().plus(LEASE).plusSeconds(1));
        assertThat(next.pass()).isEqualTo(3);
        assertThat(next.pass()).isZero();
        assertThat(handedOver()).containsExactly("web:a", "web:b", "web:c");
    }

    @Test
    void oneFollowersFailingHandOverDoesNotHoldTheOthersBackAndIsRetriedOnce() {
        long failing = deliveryOf("web:b");
        FollowDelivery a = instance("a", q -> new DeliveryQueue() {
            @Override
            public List<List<DueDelivery>> claimDue(String owner, Instant at, Duration lease, int max) {
                return q.claimDue(owner, at, lease, max);
            }

            @Override
            public void markSent(String owner, Collection<Long> ids, Instant at, Runnable handOver) {
                q.markSent(owner, ids, at, () -> {
                    handOver.run();
                    if (ids.contains(failing) && now.get().isBefore(Instant.parse("2026-12-01T10:01:00Z"))) {
                        throw new IllegalStateException("web:b's channel fails");
                    }
                });
            }

            @Override
            public void release(String owner, Collection<Long> ids, Instant dueAgain) {
                q.release(owner, ids, dueAgain);
            }
        });

        assertThat(a.pass()).isEqualTo(2);
        assertThat(handedOver()).containsExactly("web:a", "web:c");
        assertThat(unsentOf("web:b")).isEqualTo(1);
        now.set(now.get().plusSeconds(61));
        assertThat(a.pass()).as("retried after a minute").isEqualTo(1);
        assertThat(handedOver()).containsExactly("web:a", "web:b", "web:c");
    }

    @Test
    void twoInstancesPassingAtOnceOverManyClaimsHandEachFollowerTheirNewsOnce() throws Exception {
        FollowTarget other = new FollowTarget.Bill("DLR5L17N50000");
        List<String> expected = new ArrayList<>(List.of("web:a", "web:b", "web:c"));
        for (int i = 0; i < 57; i++) {
            String who = String.format(java.util.Locale.ROOT, "web:f%02d", i);
            subscriptions.add(new Subscription(who, other, Language.FR, now.get()));
            expected.add(who);
        }
        JdbcFollowEvents events = new JdbcFollowEvents(pools.getFirst(), subscriptions);
        events.record(List.of(new FollowEvent("dossier-step:DLR5L17N50000:AN1-COM", FollowEvent.Kind.DOSSIER_STEP,
                List.of(other), LocalDate.of(2026, 11, 30), now.get(),
                Map.of("dossier", "DLR5L17N50000", "step", "AN1-COM"))));
        events.fanOut("refresh", now.get(), LEASE, 10);
        FollowDelivery a = instance("a", q -> q);
        FollowDelivery b = instance("b", q -> q);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<Integer> passes = () -> {
                start.await();
                int handed = 0;
                for (int i = 0; i < 20; i++) {
                    handed += i % 2 == 0 ? a.pass() : b.pass();
                }
                return handed;
            };
            var first = two.submit(passes);
            var second = two.submit(() -> {
                start.await();
                int handed = 0;
                for (int i = 0; i < 20; i++) {
                    handed += i % 2 == 0 ? b.pass() : a.pass();
                }
                return handed;
            });
            assertThat(first.get() + second.get()).isEqualTo(60);
        } finally {
            two.shutdownNow();
        }
        List<String> got = handedOver();
        assertThat(got).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(unsentOf("web:f00") + unsentOf("web:a")).isZero();
    }

    private long unsentOf(String conversationKey) {
        return JdbcClient.create(pools.getFirst()).sql("SELECT COUNT(*) FROM follow_delivery WHERE conversation_key = ?"
                + " AND sent_at IS NULL").param(conversationKey).query(Long.class).single();
    }

    @Test
    void stopBeforeTheDigestDeletesWhatWasOwedAndWhatWaitedForTheNextVisit() {
        new JdbcFollowMailbox(pools.getFirst()).put("web:a", "old news", now.get().minusSeconds(3600));
        assertThat(unsentOf("web:a")).isEqualTo(1);

        assertThat(subscriptions.removeAll("web:a")).isEqualTo(1);

        assertThat(unsentOf("web:a")).isZero();
        assertThat(new JdbcFollowMailbox(pools.getFirst()).take("web:a")).as("the widget shows no old news").isEmpty();
        assertThat(instance("a", q -> q).pass()).isEqualTo(2);
        assertThat(handedOver()).containsExactly("web:b", "web:c");
    }

    @Test
    void stopWhileAnotherInstanceHoldsTheClaimHandsNothingOver() {
        java.util.Map<Long, String> whose = new java.util.concurrent.ConcurrentHashMap<>();
        FollowDelivery a = instance("a", q -> new DeliveryQueue() {
            @Override
            public List<List<DueDelivery>> claimDue(String owner, Instant at, Duration lease, int max) {
                List<List<DueDelivery>> claimed = q.claimDue(owner, at, lease, max);
                claimed.forEach(owed -> owed.forEach(d -> whose.put(d.id(), d.conversationKey())));
                return claimed;
            }

            @Override
            public void markSent(String owner, Collection<Long> ids, Instant at, Runnable handOver) {
                if (ids.stream().anyMatch(id -> "web:a".equals(whose.get(id)))) {
                    // web:a sends /stop to the other instance after this one read its subscriptions, before it hands over.
                    subscriptions.removeAll("web:a");
                }
                q.markSent(owner, ids, at, handOver);
            }

            @Override
            public void release(String owner, Collection<Long> ids, Instant dueAgain) {
                q.release(owner, ids, dueAgain);
            }
        });

        assertThat(a.pass()).isEqualTo(2);
        now.set(now.get().plus(LEASE).plusSeconds(1));
        assertThat(a.pass()).isZero();
        assertThat(instance("b", q -> q).pass()).isZero();
        assertThat(handedOver()).containsExactly("web:b", "web:c");
    }

    @Test
    void unfollowingTheBillDropsItsNewsButNotTheFollowersOtherSubscriptions() {
        subscriptions.add(new Subscription("web:b", new FollowTarget.Topic("agriculture"), Language.FR, now.get()));
        assertThat(subscriptions.remove("web:b", bill)).isTrue();

        FollowDelivery a = instance("a", q -> q);
        assertThat(a.pass()).isEqualTo(2);
        assertThat(unsentOf("web:b")).as("dropped, not left to be claimed again").isZero();
        now.set(now.get().plus(Duration.ofDays(2)));
        assertThat(a.pass()).isZero();
        assertThat(handedOver()).containsExactly("web:a", "web:c");
    }
}
