package fr.civicgateway.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.app.support.PostgresServer;
import fr.civicgateway.connectors.telegram.TelegramStore.Claim;
import fr.civicgateway.connectors.telegram.TelegramStore.Outgoing;
import fr.civicgateway.connectors.telegram.TelegramStore.Stored;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Telegram channel's durable state on both databases (H2 in a file, a real PostgreSQL server), migrated by the
 * production migrations, with two stores on one database standing for two gateway instances.
 */
class JdbcTelegramStoreTest {

    private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    @TempDir
    static Path temp;
    private final List<HikariDataSource> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(HikariDataSource::close);
    }

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("H2"), Arguments.of("PostgreSQL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUpdateDeliveredToTwoInstancesIsAnsweredByOne(String database) {
        Supplier<HikariDataSource> db = migrated(database);
        JdbcTelegramStore first = new JdbcTelegramStore(open(db));
        JdbcTelegramStore second = new JdbcTelegramStore(open(db));

        assertThat(first.claim(7, "first", NOON, LEASE)).isEqualTo(Claim.FIRST);
        assertThat(second.claim(7, "second", NOON, LEASE)).as("while the first answers").isEqualTo(Claim.IN_PROGRESS);
        assertThat(first.complete(7L, "first", List.of(hello(42)), NOON, LEASE)).hasSize(1);
        assertThat(second.claim(7, "second", NOON, LEASE)).as("once answered").isEqualTo(Claim.DONE);
        assertThat(second.complete(7L, "second", List.of(hello(42)), NOON, LEASE)).as("a late answer is not stored").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDeadInstancesClaimAndMessagesAreTakenOverOnceItsLeaseRunsOut(String database) {
        Supplier<HikariDataSource> db = migrated(database);
        JdbcTelegramStore dead = new JdbcTelegramStore(open(db));
        JdbcTelegramStore alive = new JdbcTelegramStore(open(db));
        dead.claim(8, "dead", NOON, LEASE);
        List<Stored> owed = dead.complete(null, "dead", List.of(hello(42), hello(43)), NOON, LEASE);
        dead.claim(9, "dead", NOON, LEASE);

        assertThat(alive.takeOver("alive", NOON.plusSeconds(30), LEASE, false)).isEmpty();
        assertThat(alive.claim(9, "alive", NOON.plusSeconds(30), LEASE)).isEqualTo(Claim.IN_PROGRESS);

        Instant later = NOON.plus(LEASE).plusSeconds(1);
        assertThat(alive.takeOver("alive", later, LEASE, false)).extracting(Stored::id)
                .containsExactly(owed.get(0).id(), owed.get(1).id());
        assertThat(alive.claim(9, "alive", later, LEASE)).isEqualTo(Claim.FIRST);
        alive.sent(owed.get(0).id());
        assertThat(alive.takeOver("third", later.plus(LEASE).plusSeconds(1), LEASE, false)).extracting(Stored::chatId)
                .containsExactly(43L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLongButtonMadeOnOneInstanceWorksOnTheOtherUntilItExpires(String database) {
        Supplier<HikariDataSource> db = migrated(database);
        JdbcTelegramStore first = new JdbcTelegramStore(open(db));
        JdbcTelegramStore second = new JdbcTelegramStore(open(db));
        String payload = "Comment a voté Mathilde Panot sur le projet de loi de financement de la sécurité sociale ?";

        first.saveButton("tok", payload, NOON);
        second.saveButton("tok", payload, NOON.plusSeconds(5)); // the same button sent again, on the other instance

        assertThat(second.button("tok", NOON.minus(Duration.ofHours(24)))).contains(payload);
        assertThat(first.button("tok", NOON.plusSeconds(6))).as("older than its expiry").isEmpty();
        assertThat(first.purgeButtons(NOON.plusSeconds(6))).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aChatThatBlockedTheBotLosesItsQueuedMessagesAndOldUpdateIdsArePurged(String database) {
        JdbcTelegramStore store = new JdbcTelegramStore(open(migrated(database)));
        store.complete(null, "me", List.of(hello(42), hello(43), hello(42)), NOON, LEASE);
        store.claim(1, "me", NOON, LEASE);

        assertThat(store.dropChat(42)).isEqualTo(2);
        assertThat(store.takeOver("me", NOON, LEASE, true)).extracting(Stored::chatId).containsExactly(43L);
        assertThat(store.purgeUpdates(NOON.plusSeconds(1))).isEqualTo(1);
        assertThat(store.claim(1, "me", NOON.plusSeconds(2), LEASE)).isEqualTo(Claim.FIRST);
    }

    private static Outgoing hello(long chatId) {
        return new Outgoing(chatId, "sendmessage", "{\"chat_id\":\"" + chatId + "\",\"text\":\"Bonjour\"}");
    }

    private HikariDataSource open(Supplier<HikariDataSource> db) {
        HikariDataSource ds = db.get();
        opened.add(ds);
        return ds;
    }

    private static Supplier<HikariDataSource> migrated(String database) {
        Supplier<HikariDataSource> db;
        if (database.equals("H2")) {
            String url = "jdbc:h2:file:" + temp.resolve("tg-" + System.nanoTime()).toAbsolutePath() + ";DB_CLOSE_DELAY=-1";
            db = () -> {
                HikariDataSource ds = new HikariDataSource();
                ds.setJdbcUrl(url);
                ds.setUsername("sa");
                ds.setPassword("");
                return ds;
            };
        } else {
            PostgresServer server = PostgresServer.shared();
            String url = server.createDatabase();
            db = () -> {
                HikariDataSource ds = new HikariDataSource();
                ds.setJdbcUrl(url);
                ds.setUsername(server.username());
                return ds;
            };
        }
        try (HikariDataSource ds = db.get()) {
            Flyway.configure().dataSource(ds).load().migrate();
        }
        return db;
    }
}
