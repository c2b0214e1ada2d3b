package fr.civicgateway.app.storage;

import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.ConversationStore.ConversationStoreException;
import fr.civicgateway.core.dialogue.PendingChoice;
import fr.civicgateway.core.flow.ActiveFlow;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the gateway promises about conversations kept in a database, run on each supported database by a subclass
 * (H2 in a file, a real PostgreSQL server). Each test gets a fresh database migrated by the production migrations.
 */
abstract class ConversationStoreContract {

    static final Duration IDLE_EXPIRY = Duration.ofHours(2);
    static final Instant MORNING = Instant.parse("2026-03-02T08:00:00Z");

    /** A new, empty database of the kind under test. */
    abstract TestDatabase newDatabase();

    /** One database: each {@link #open()} is a new connection pool on it, as a new gateway process would have. */
    interface TestDatabase {
        HikariDataSource open();
    }

    final TestClock clock = new TestClock(MORNING);
    private final List<HikariDataSource> opened = new ArrayList<>();

    @AfterEach
    void closePools() {
        opened.forEach(HikariDataSource::close);
    }

    HikariDataSource open(TestDatabase db) {
        HikariDataSource ds = db.open();
        opened.add(ds);
        return ds;
    }

    /** A database as the gateway leaves it after start-up: migrated by Flyway from db/migration. */
    TestDatabase migratedDatabase() {
        TestDatabase db = newDatabase();
        try (HikariDataSource ds = db.open()) {
            Flyway.configure().dataSource(ds).load().migrate();
        }
        return db;
    }

    JdbcConversationStore store(HikariDataSource ds) {
        return new JdbcConversationStore(ds, clock, IDLE_EXPIRY);
    }

    /** The state after "Qui est Rousseau ?": the bot asked which of two deputies, keeping the scrutin asked about. */
    static ConversationState whichRousseau() {
        EntityMention scrutin = new EntityMention(EntityType.SCRUTIN, "3876", "3876", 30, 34);
        PendingChoice choice = new PendingChoice(Intent.REPRESENTATIVE_VOTES, List.of(scrutin), List.of(
                new PendingChoice.Option("Sandrine Rousseau", "PA795136", new EntityMention(EntityType.DEPUTY,
                        "PA795136", "Rousseau", 10, 18, List.of("PA795136", "PA793218"))),
                new PendingChoice.Option("Fabrice Rousseau", "PA793218", new EntityMention(EntityType.DEPUTY,
                        "PA793218", "Rousseau", 10, 18, List.of("PA795136", "PA793218")))));
        return new ConversationState(Language.FR, "PA720892", 3876, "retraites", Intent.REPRESENTATIVE_VOTES,
                choice, Intent.REPRESENTATIVE_ATTENDANCE,
                new ActiveFlow("report", "where", java.util.Map.of("what", "nid-de-poule")),
                java.time.LocalDate.of(2026, 4, 15), MORNING);
    }

    @Test
    void aSavedConversationIsFoundAgainWithItsDeputyScrutinAndOpenQuestion() {
        JdbcConversationStore store = store(open(migratedDatabase()));

        store.save("web:demo-1", whichRousseau());

        assertThat(store.find("web:demo-1")).contains(whichRousseau());
        assertThat(store.find("web:demo-2")).isEmpty();
        assertThat(store.find("telegram:demo-1")).as("channels never share a conversation").isEmpty();
    }

    @Test
    void aLaterSaveReplacesTheConversationsState() {
        JdbcConversationStore store = store(open(migratedDatabase()));
        store.save("web:demo-1", whichRousseau());

        ConversationState answered = whichRousseau().withPendingChoice(null).withDeputy("PA795136");
        store.save("web:demo-1", answered);

        assertThat(store.find("web:demo-1")).contains(answered);
    }

    @Test
    void aConversationSurvivesARestartOfTheGateway() {
        TestDatabase db = migratedDatabase();
        HikariDataSource before = db.open();
        store(before).save("web:demo-1", whichRousseau());
        before.close();

        JdbcConversationStore afterRestart = store(open(db));

        assertThat(afterRestart.find("web:demo-1")).contains(whichRousseau());
    }

    @Test
    void idleConversationsAreForgottenAndDeletedWhileRecentOnesAreKept() {
        HikariDataSource ds = open(migratedDatabase());
        JdbcConversationStore store = store(ds);
        store.save("web:idle", whichRousseau());
        clock.advance(Duration.ofHours(1));
        store.save("web:recent", whichRousseau());
        clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThat(store.find("web:idle")).as("idle for 2 h 1 s").isEmpty();
        assertThat(store.find("web:recent")).as("idle for 1 h 1 s").contains(whichRousseau());

        assertThat(store.deleteIdle()).isEqualTo(1);
        assertThat(JdbcClient.create(ds).sql("SELECT conversation_key FROM conversation_state")
                .query(String.class).list()).containsExactly("web:recent");
    }

    @Test
    void aStoredStateWithFieldsThisVersionDoesNotKnowIsStillRead() {
        HikariDataSource ds = open(migratedDatabase());
        JdbcConversationStore store = store(ds);
        store.save("web:demo-1", whichRousseau());
        // As a newer gateway would write it: a field added later, and an intent added later.
        JdbcClient.create(ds).sql("UPDATE conversation_state SET state_json = ?").param("""
                {"language":"FR","lastDeputyUid":"PA720892","lastScrutin":3876,"lastIntent":"REPORT_PROBLEM",
                 "pendingIntent":"SIGN_PETITION","updatedAt":"2026-03-02T08:00:00Z",
                 "reminder":{"name":"report_problem","slots":{"category":"voirie","photo":null}}}""").update();

        assertThat(store.find("web:demo-1")).hasValueSatisfying(s -> {
            assertThat(s.language()).isEqualTo(Language.FR);
            assertThat(s.lastDeputyUid()).isEqualTo("PA720892");
            assertThat(s.lastScrutin()).isEqualTo(3876);
            assertThat(s.lastIntent()).isEqualTo(Intent.REPORT_PROBLEM);
            // Intents are open names: read as written; the dialogue forgets a question no handler answers.
            assertThat(s.pendingIntent()).as("an intent this version has no handler for")
                    .isEqualTo(Intent.named("sign_petition"));
        });
    }

    @Test
    void intentsAreStoredAsTheEnumConstantsTheyWereSoOlderInstancesReadThem() {
        HikariDataSource ds = open(migratedDatabase());
        store(ds).save("web:demo-1", whichRousseau());

        String json = JdbcClient.create(ds).sql("SELECT state_json FROM conversation_state").query(String.class).single();

        assertThat(json).contains("\"lastIntent\":\"REPRESENTATIVE_VOTES\"")
                .contains("\"pendingIntent\":\"REPRESENTATIVE_ATTENDANCE\"");
    }

    @Test
    void aStateThatCannotBeReadIsAForgottenConversation() {
        HikariDataSource ds = open(migratedDatabase());
        JdbcConversationStore store = store(ds);
        store.save("web:demo-1", whichRousseau());
        JdbcClient.create(ds).sql("UPDATE conversation_state SET state_json = ?")
                .param("{\"pendingChoice\":{\"intent\":\"GREET\",\"keptEntities\":[],\"options\":[]}}").update();

        assertThat(store.find("web:demo-1")).isEmpty();
    }

    @Test
    void concurrentSavesOfOneConversationDoNotFail() throws Exception {
        TestDatabase db = migratedDatabase();
        List<JdbcConversationStore> instances = List.of(store(open(db)), store(open(db)));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            JdbcConversationStore store = instances.get(t % 2);
            ConversationState mine = whichRousseau().withScrutin(t);
            tasks.add(() -> {
                start.await();
                for (int i = 0; i < 50; i++) {
                    store.save("web:double-click", mine);
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> done = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Void> f : done) {
                f.get(); // rethrows any failed save
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(instances.get(0).find("web:double-click")).hasValueSatisfying(
                s -> assertThat(s.lastScrutin()).isBetween(0, threads - 1));
    }

    @Test
    void aDatabaseThatCannotBeReachedIsReportedAsAStoreFailure() {
        HikariDataSource ds = migratedDatabase().open();
        JdbcConversationStore store = store(ds);
        ds.close();

        assertThatThrownBy(() -> store.find("web:demo-1")).isInstanceOf(ConversationStoreException.class)
                .hasMessage("cannot read a conversation state from the database");
        assertThatThrownBy(() -> store.save("web:demo-1", whichRousseau()))
                .isInstanceOf(ConversationStoreException.class)
                .hasMessage("cannot save a conversation state to the database");
    }
    // Batched context writes: seen at once by this instance, in the database after a graceful stop, one commit for many.

    private static ConversationState about(String deputy) {
        return ConversationState.start(Language.FR, Instant.parse("2026-03-02T08:00:00Z")).withDeputy(deputy);
    }

    @Test
    void thisInstanceSeesItsLatestStateAtOnceAndTheDatabaseGetsItOnStop() {
        HikariDataSource ds = open(migratedDatabase());
        JdbcConversationStore database = store(ds);
        WriteBehindConversationStore store = new WriteBehindConversationStore(database, Duration.ofSeconds(5), 1000);
        store.start();

        store.save("web:a", about("PA720892"));
        store.save("web:a", about("PA826635"));

        assertThat(store.find("web:a")).hasValueSatisfying(s -> assertThat(s.lastDeputyUid()).isEqualTo("PA826635"));
        store.stop();
        assertThat(database.find("web:a")).as("written by the graceful stop")
                .hasValueSatisfying(s -> assertThat(s.lastDeputyUid()).isEqualTo("PA826635"));
    }

    @Test
    void manyStatesAreWrittenInOneFlush() {
        HikariDataSource ds = open(migratedDatabase());
        JdbcConversationStore database = store(ds);
        WriteBehindConversationStore store = new WriteBehindConversationStore(database, Duration.ofSeconds(5), 1000);
        store.start();
        for (int i = 0; i < 200; i++) {
            store.save("web:c" + i, about("PA720892"));
        }

        // One pass of the periodic write (Spring's scheduler runs it every write-delay in the gateway).
        assertThat(store.flush()).isEqualTo(200);

        for (int i = 0; i < 200; i++) {
            assertThat(database.find("web:c" + i)).as("web:c" + i).isPresent();
        }
        store.stop();
    }

    @Test
    void beforeItStartsOrWhenTooMuchIsPendingASaveGoesStraightToTheDatabase() {
        HikariDataSource ds = open(migratedDatabase());
        JdbcConversationStore database = store(ds);
        WriteBehindConversationStore store = new WriteBehindConversationStore(database, Duration.ofSeconds(5), 1);

        store.save("web:direct", about("PA720892"));

        assertThat(database.find("web:direct")).isPresent();
    }

    @Test
    void afterAGracefulStopASaveGoesStraightToTheDatabase() {
        HikariDataSource ds = open(migratedDatabase());
        JdbcConversationStore database = store(ds);
        WriteBehindConversationStore store = new WriteBehindConversationStore(database, Duration.ofSeconds(5), 1000);
        store.start();
        store.stop();

        // A late answer, after the final write: nothing is left pending for a pass that will not come.
        store.save("web:late", about("PA720892"));

        assertThat(database.find("web:late")).isPresent();
    }
}
