package fr.civicgateway.app.reports;

import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.core.reports.NewReport;
import fr.civicgateway.core.reports.Report;
import fr.civicgateway.core.reports.ReportLocation;
import fr.civicgateway.core.reports.ReportQuery;
import fr.civicgateway.core.reports.ReportStatus;
import fr.civicgateway.core.reports.ReportStore.ReportStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the gateway promises about reports kept in a database, run on each supported database by a subclass (H2 in
 * a file, a real PostgreSQL server). Each test gets a fresh database migrated by the production migrations.
 */
abstract class ReportStoreContract {

    static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");

    /** A new, empty database of the kind under test; each call of the supplier opens a new pool on it. */
    abstract java.util.function.Supplier<HikariDataSource> newDatabase();

    private final List<HikariDataSource> opened = new ArrayList<>();

    @AfterEach
    void closePools() {
        opened.forEach(HikariDataSource::close);
    }

    java.util.function.Supplier<HikariDataSource> migratedDatabase() {
        java.util.function.Supplier<HikariDataSource> db = newDatabase();
        try (HikariDataSource ds = db.get()) {
            Flyway.configure().dataSource(ds).load().migrate();
        }
        return db;
    }

    JdbcReportStore store(java.util.function.Supplier<HikariDataSource> db) {
        HikariDataSource ds = db.get();
        opened.add(ds);
        return new JdbcReportStore(ds);
    }

    static NewReport pothole(String conversationKey) {
        return new NewReport("voirie-nid-de-poule", "Un trou profond devant l'école — attention aux vélos 🚲",
                new ReportLocation(null, null, "12 rue Carnot, Annecy", "74010"), null, null, "web", conversationKey);
    }

    static NewReport lightAt(double lat, double lon) {
        return new NewReport("eclairage-public", "Le lampadaire clignote", new ReportLocation(lat, lon, null, null),
                "AgADBAADq6cxG", "marie@example.org", "telegram", "telegram:pseudonym-1");
    }

    @Test
    void aDraftConfirmedTwiceIsOneReportWithOneNumberEvenFromTwoPools() {
        java.util.function.Supplier<HikariDataSource> db = migratedDatabase();
        JdbcReportStore one = store(db);
        JdbcReportStore other = store(db);
        NewReport p = pothole("web:c1");
        NewReport draft = new NewReport(p.serviceCode(), p.description(), p.location(), null, null, "web", "web:c1",
                "7d5c1f0e-2b7a-4c7e-9a51-0f3c2d9b8e11");

        Report first = one.submit(draft, MONDAY);
        Report again = other.submit(draft, TUESDAY);
        Report otherDraft = one.submit(pothole("web:c1"), TUESDAY);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.createdAt()).isEqualTo(MONDAY);
        assertThat(otherDraft.id()).isNotEqualTo(first.id());
        assertThat(one.query(new ReportQuery(List.of(), List.of(), null, null, null, 10))).hasSize(2);
    }

    @Test
    void aSubmittedReportGetsANumberAndIsFoundAgainWhole() {
        JdbcReportStore store = store(migratedDatabase());

        Report first = store.submit(pothole("web:c1"), MONDAY);
        Report second = store.submit(lightAt(45.8992, 6.1294), TUESDAY);

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(store.find(first.id())).contains(first);
        assertThat(store.find(second.id())).contains(second);
        assertThat(second.location().latitude()).isEqualTo(45.8992);
        assertThat(second.contact()).isEqualTo("marie@example.org");
        assertThat(first.status()).isEqualTo(ReportStatus.OPEN);
        assertThat(store.find(999_999)).isEmpty();
    }

    @Test
    void aReportSurvivesARestartOfTheGateway() {
        var db = migratedDatabase();
        Report r = store(db).submit(pothole("web:c1"), MONDAY);

        assertThat(store(db).find(r.id())).contains(r);
    }

    @Test
    void aDescriptionOfTheLongestAllowedLengthIsKeptWhole() {
        JdbcReportStore store = store(migratedDatabase());
        String longest = "é".repeat(NewReport.MAX_DESCRIPTION_LENGTH);

        Report r = store.submit(new NewReport("graffiti", longest, new ReportLocation(null, null, "Annecy", "74010"),
                null, null, "web", "web:c1"), MONDAY);

        assertThat(store.find(r.id()).orElseThrow().description()).isEqualTo(longest);
    }

    @Test
    void queriesFilterByIdsServiceDatesAndStatusNewestFirst() {
        JdbcReportStore store = store(migratedDatabase());
        Report a = store.submit(pothole("web:c1"), MONDAY);
        Report b = store.submit(lightAt(45.9, 6.1), TUESDAY);
        Report c = store.submit(pothole("web:c2"), TUESDAY.plusSeconds(60));
        store.updateStatus(c.id(), ReportStatus.CLOSED, "Réparé.", TUESDAY.plusSeconds(120));

        assertThat(ids(store.query(new ReportQuery(List.of(), List.of(), null, null, null, 10)))).containsExactly(c.id(), b.id(), a.id());
        assertThat(ids(store.query(new ReportQuery(List.of(a.id(), b.id()), List.of(), null, null, null, 10)))).containsExactly(b.id(), a.id());
        assertThat(ids(store.query(new ReportQuery(List.of(), List.of("voirie-nid-de-poule"), null, null, null, 10)))).containsExactly(c.id(), a.id());
        assertThat(ids(store.query(new ReportQuery(List.of(), List.of(), TUESDAY, null, null, 10)))).containsExactly(c.id(), b.id());
        assertThat(ids(store.query(new ReportQuery(List.of(), List.of(), null, MONDAY, null, 10)))).containsExactly(a.id());
        assertThat(ids(store.query(new ReportQuery(List.of(), List.of(), null, null, ReportStatus.OPEN, 10)))).containsExactly(b.id(), a.id());
        assertThat(ids(store.query(new ReportQuery(List.of(), List.of(), null, null, null, 1)))).containsExactly(c.id());
    }

    @Test
    void aStatusChangeIsUntoldUntilTheCitizenOfThatConversationIsTold() {
        JdbcReportStore store = store(migratedDatabase());
        Report mine = store.submit(pothole("web:c1"), MONDAY);
        Report other = store.submit(pothole("web:c2"), MONDAY);
        Report open311 = store.submit(new NewReport("graffiti", "tag", new ReportLocation(null, null, "Mairie", null),
                null, null, "open311", null), MONDAY);

        Report closed = store.updateStatus(mine.id(), ReportStatus.CLOSED, "Trou rebouché.", TUESDAY).orElseThrow();
        store.updateStatus(open311.id(), ReportStatus.CLOSED, null, TUESDAY);

        assertThat(closed.status()).isEqualTo(ReportStatus.CLOSED);
        assertThat(closed.statusNotes()).isEqualTo("Trou rebouché.");
        assertThat(closed.updatedAt()).isEqualTo(TUESDAY);
        assertThat(closed.createdAt()).isEqualTo(MONDAY);
        assertThat(store.untoldChanges("web:c1")).containsExactly(closed);
        assertThat(store.untoldChanges("web:c2")).isEmpty();
        store.markTold(List.of(mine.id()));
        assertThat(store.untoldChanges("web:c1")).isEmpty();
        assertThat(store.updateStatus(999_999, ReportStatus.CLOSED, null, TUESDAY)).isEmpty();
        assertThat(other.status()).isEqualTo(ReportStatus.OPEN);
    }

    @Test
    void theOutboxHoldsChatReportsUntilThePeersIdIsRecorded() {
        JdbcReportStore store = store(migratedDatabase());
        Report chat = store.submit(pothole("web:c1"), MONDAY);
        Report telegram = store.submit(lightAt(45.9, 6.1), MONDAY);
        store.submit(new NewReport("graffiti", "tag", new ReportLocation(null, null, "Mairie", null), null, null,
                "open311", null), MONDAY);

        assertThat(due(store, MONDAY, 10)).containsExactly(chat.id(), telegram.id());
        assertThat(due(store, MONDAY, 1)).containsExactly(chat.id());
        store.recordForwarded(chat.id(), "FMS-981");
        assertThat(due(store, MONDAY, 10)).containsExactly(telegram.id());
        assertThat(store.find(chat.id()).orElseThrow().externalId()).isEqualTo("FMS-981");
    }

    static List<Long> due(JdbcReportStore store, Instant now, int limit) {
        return store.dueForForward(now, limit).stream().map(f -> f.report().id()).toList();
    }

    @Test
    void theOutboxScheduleIsInTheDatabaseOneInstanceTakesEachAttemptAndARefusalLeavesIt() {
        var db = migratedDatabase();
        JdbcReportStore one = store(db);
        Report first = one.submit(pothole("web:c1"), MONDAY);
        Report second = one.submit(pothole("web:c2"), MONDAY.plusSeconds(1));
        Instant later = MONDAY.plusSeconds(60);

        var taken = one.dueForForward(later, 10).getFirst();
        assertThat(taken.attempts()).isZero();
        assertThat(taken.nextAttemptAt()).isEqualTo(MONDAY);
        assertThat(one.claimForward(first.id(), taken.nextAttemptAt(), later.plusSeconds(30))).isTrue();
        // Another instance (another pool) read it before the claim: it cannot take it again.
        JdbcReportStore other = store(db);
        assertThat(other.claimForward(first.id(), taken.nextAttemptAt(), later.plusSeconds(30))).isFalse();

        assertThat(due(other, later, 10)).as("the first waits for its retry, the newer one is due").containsExactly(second.id());
        assertThat(other.dueForForward(later.plusSeconds(30), 10)).as("the longest due first")
                .extracting(f -> f.report().id(), f -> f.attempts())
                .containsExactly(tuple(second.id(), 0), tuple(first.id(), 1));

        other.recordRefused(second.id(), "refused by the municipality's endpoint: HTTP 400 unknown service");
        assertThat(due(other, later.plusSeconds(3600), 10)).containsExactly(first.id());
        assertThat(other.undelivered(10)).extracting(f -> f.report().id(), f -> f.refusedReason())
                .containsExactly(tuple(first.id(), null),
                        tuple(second.id(), "refused by the municipality's endpoint: HTTP 400 unknown service"));
    }

    @Test
    void aDatabaseThatIsDownIsAStoreFailureWithoutPersonalData() {
        var db = migratedDatabase();
        HikariDataSource ds = db.get();
        JdbcReportStore store = new JdbcReportStore(ds);
        ds.close();

        assertThatThrownBy(() -> store.submit(pothole("web:c1"), MONDAY)).isInstanceOf(ReportStoreException.class)
                .hasMessage("cannot store a report in the database");
    }

    private static List<Long> ids(List<Report> reports) {
        return reports.stream().map(Report::id).toList();
    }
}
