package fr.civicgateway.app.follow;

import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.follow.Subscription;
import fr.civicgateway.core.follow.SubscriptionStore;
import fr.civicgateway.core.nlu.Language;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a subscription store promises, run on each supported database by a subclass, migrated by V9. */
abstract class SubscriptionStoreContract {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final FollowTarget PANOT = new FollowTarget.Deputy("PA720892");
    static final FollowTarget FARMING = new FollowTarget.Topic("agriculture");
    static final FollowTarget BILL = new FollowTarget.Bill("DLR5L17N48483");

    abstract DataSource newDatabase();

    SubscriptionStore store;
    private final List<HikariDataSource> pools = new ArrayList<>();

    DataSource pooled(HikariDataSource ds) {
        pools.add(ds);
        return ds;
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @BeforeEach
    void migrate() {
        DataSource ds = newDatabase();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        store = new JdbcSubscriptionStore(ds);
    }

    @Test
    void keepsWhatWasFollowedWithItsLanguageAndDateAndSaysWhenItWasAlreadyFollowed() {
        assertThat(store.add(new Subscription("tg:a", PANOT, Language.EN, T0))).isTrue();
        assertThat(store.add(new Subscription("tg:a", PANOT, Language.FR, T0.plusSeconds(5)))).isFalse();
        assertThat(store.add(new Subscription("tg:a", new FollowTarget.Report(42), Language.EN, T0.plusSeconds(9)))).isTrue();
        assertThat(store.list("tg:a")).containsExactly(new Subscription("tg:a", PANOT, Language.EN, T0),
                new Subscription("tg:a", new FollowTarget.Report(42), Language.EN, T0.plusSeconds(9)));
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    void removesOneThenAllAndCountsWhatWasRemoved() {
        store.add(new Subscription("tg:a", PANOT, Language.FR, T0));
        store.add(new Subscription("tg:a", FARMING, Language.FR, T0.plusSeconds(1)));
        store.add(new Subscription("tg:a", BILL, Language.FR, T0.plusSeconds(2)));
        store.add(new Subscription("tg:b", PANOT, Language.FR, T0));

        assertThat(store.remove("tg:a", FARMING)).isTrue();
        assertThat(store.remove("tg:a", FARMING)).isFalse();
        assertThat(store.list("tg:a")).extracting(Subscription::target).containsExactly(PANOT, BILL);
        assertThat(store.removeAll("tg:a")).isEqualTo(2);
        assertThat(store.removeAll("tg:a")).isZero();
        assertThat(store.list("tg:a")).isEmpty();
        assertThat(store.followersOf(PANOT, null, 10)).extracting(Subscription::conversationKey).containsExactly("tg:b");
    }

    @Test
    void pagesAllOfATargetsFollowersOnceInKeyOrderAndNoOneElse() {
        TreeSet<String> expected = new TreeSet<>();
        for (int i = 0; i < 57; i++) {
            String key = "tg:" + Integer.toString((i * 37) % 101, 36) + "-" + i;
            store.add(new Subscription(key, PANOT, Language.FR, T0));
            expected.add(key);
            if (i % 3 == 0) {
                store.add(new Subscription(key, FARMING, Language.FR, T0));
            }
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        for (List<Subscription> page; !(page = store.followersOf(PANOT, after, 10)).isEmpty(); pages++) {
            assertThat(page).hasSizeLessThanOrEqualTo(10).allSatisfy(s -> assertThat(s.target()).isEqualTo(PANOT));
            page.forEach(s -> seen.add(s.conversationKey()));
            after = page.getLast().conversationKey();
        }
        assertThat(pages).isEqualTo(6);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(store.followersOf(new FollowTarget.TownNews("nobody-follows"), null, 10)).isEmpty();
    }

    @Test
    void twoConcurrentFollowsOfTheSameThingKeepOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tries.add(() -> store.add(new Subscription("tg:race", BILL, Language.FR, T0)));
            }
            long added = 0;
            for (Future<Boolean> f : pool.invokeAll(tries)) {
                added += f.get() ? 1 : 0;
            }
            assertThat(added).isEqualTo(1);
            assertThat(store.list("tg:race")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
