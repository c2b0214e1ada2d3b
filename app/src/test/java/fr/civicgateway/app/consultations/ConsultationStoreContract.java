package fr.civicgateway.app.consultations;

import fr.civicgateway.core.consultations.Ballot;
import fr.civicgateway.core.consultations.ConsultationStore;
import fr.civicgateway.core.consultations.ConsultationStore.SaveOutcome;
import fr.civicgateway.core.consultations.Response;
import fr.civicgateway.core.consultations.Results;
import fr.civicgateway.core.consultations.Submission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a consultation store promises, run on each supported database by a subclass. Each test gets a fresh
 * database migrated by the production migrations.
 */
abstract class ConsultationStoreContract {

    static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");

    /** A new, empty database of the kind under test. */
    abstract DataSource newDatabase();

    DataSource dataSource;
    ConsultationStore store;
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
        dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        store = new JdbcConsultationStore(dataSource);
    }

    static Ballot ballot(String mode, List<String> priorities, int rating, String remark) {
        Map<String, Response> r = new LinkedHashMap<>();
        r.put("deplacement", new Response.Choices(List.of(mode)));
        r.put("priorites", new Response.Choices(priorities));
        r.put("accord", new Response.Rating(rating));
        if (remark != null) {
            r.put("remarque", new Response.Text(remark));
        }
        return new Ballot("piste", r);
    }

    @Test
    void aSubmissionIsStoredWithEveryAnswerUnderItsPseudonym() {
        assertThat(store.save(ballot("velo", List.of("securite", "arbres"), 4, "Plus d'arbres, svp"), "pseudo-a", MONDAY, true))
                .isEqualTo(SaveOutcome.CREATED);

        Submission s = store.find("piste", "pseudo-a").orElseThrow();
        assertThat(s.submittedAt()).isEqualTo(MONDAY);
        assertThat(s.updatedAt()).isEqualTo(MONDAY);
        assertThat(s.answers()).extracting(Submission.StoredAnswer::questionId, Submission.StoredAnswer::choice,
                        Submission.StoredAnswer::text, Submission.StoredAnswer::hidden)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("deplacement", "velo", null, false),
                        org.assertj.core.groups.Tuple.tuple("priorites", "securite", null, false),
                        org.assertj.core.groups.Tuple.tuple("priorites", "arbres", null, false),
                        org.assertj.core.groups.Tuple.tuple("accord", "4", null, false),
                        org.assertj.core.groups.Tuple.tuple("remarque", null, "Plus d'arbres, svp", false));
        assertThat(store.find("piste", "pseudo-b")).isEmpty();
        assertThat(store.find("autre", "pseudo-a")).isEmpty();
    }

    @Test
    void aSecondSubmissionIsRefusedOrReplacesTheFirstKeepingItsDate() {
        store.save(ballot("velo", List.of("securite"), 4, null), "pseudo-a", MONDAY, false);

        assertThat(store.save(ballot("bus", List.of("bruit"), 1, null), "pseudo-a", TUESDAY, false)).isEqualTo(SaveOutcome.ALREADY_ANSWERED);
        assertThat(store.find("piste", "pseudo-a").orElseThrow().answers().getFirst().choice()).isEqualTo("velo");

        assertThat(store.save(ballot("bus", List.of("bruit"), 1, "Non"), "pseudo-a", TUESDAY, true)).isEqualTo(SaveOutcome.REPLACED);
        Submission s = store.find("piste", "pseudo-a").orElseThrow();
        assertThat(s.submittedAt()).isEqualTo(MONDAY);
        assertThat(s.updatedAt()).isEqualTo(TUESDAY);
        assertThat(s.answers()).extracting(Submission.StoredAnswer::choice).containsExactly("bus", "bruit", "1", null);
        assertThat(store.submissions("piste")).hasSize(1);
    }

    @Test
    void resultsCountEachOptionAndRatingAndTheFreeTextsWithoutGivingThem() {
        store.save(ballot("velo", List.of("securite", "arbres"), 4, "Oui"), "a", MONDAY, false);
        store.save(ballot("velo", List.of("securite"), 5, null), "b", MONDAY, false);
        store.save(ballot("voiture", List.of("stationnement"), 1, "Non"), "c", TUESDAY, false);
        store.save(new Ballot("autre", Map.of("x", new Response.Rating(3))), "a", MONDAY, false);

        Results r = store.results("piste");
        assertThat(r.submissions()).isEqualTo(3);
        assertThat(r.choiceCounts()).isEqualTo(Map.of(
                "deplacement", Map.of("velo", 2L, "voiture", 1L),
                "priorites", Map.of("securite", 2L, "arbres", 1L, "stationnement", 1L),
                "accord", Map.of("1", 1L, "4", 1L, "5", 1L)));
        assertThat(r.textCounts()).isEqualTo(Map.of("remarque", 2L));
        assertThat(r.hiddenCounts()).isEqualTo(Map.of("remarque", 0L));
        assertThat(store.results("none").submissions()).isZero();
    }

    @Test
    void aModeratorHidesAndShowsAgainAFreeTextOfItsConsultationOnly() {
        store.save(ballot("velo", List.of("securite"), 4, "Un texte à masquer"), "a", MONDAY, false);
        Submission s = store.find("piste", "a").orElseThrow();
        long textId = s.answers().getLast().id();
        long choiceId = s.answers().getFirst().id();

        assertThat(store.setHidden("autre", textId, true)).as("another consultation's id").isFalse();
        assertThat(store.setHidden("piste", choiceId, true)).as("not a free text").isFalse();
        assertThat(store.setHidden("piste", textId, true)).isTrue();
        assertThat(store.submissions("piste").getFirst().answers().getLast().hidden()).isTrue();
        assertThat(store.results("piste").hiddenCounts()).containsEntry("remarque", 1L);
        assertThat(store.setHidden("piste", textId, false)).isTrue();
        assertThat(store.submissions("piste").getFirst().answers().getLast().hidden()).isFalse();
    }

    @Test
    void submissionsAreExportedOldestFirst() {
        store.save(ballot("bus", List.of("bruit"), 2, null), "late", TUESDAY, false);
        store.save(ballot("velo", List.of("securite"), 4, null), "early", MONDAY, false);
        assertThat(store.submissions("piste")).extracting(Submission::pseudonym).containsExactly("early", "late");
    }

    @Test
    void twoConcurrentFirstSubmissionsOfOnePersonCountOnce() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<SaveOutcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                int rating = 1 + i % 5;
                Callable<SaveOutcome> save = () -> {
                    go.await();
                    return store.save(ballot("velo", List.of("securite"), rating, null), "same-person", MONDAY, false);
                };
                outcomes.add(pool.submit(save));
            }
            go.countDown();
            List<SaveOutcome> got = new ArrayList<>();
            for (Future<SaveOutcome> f : outcomes) {
                got.add(f.get());
            }
            assertThat(got).filteredOn(o -> o == SaveOutcome.CREATED).hasSize(1);
            assertThat(got).filteredOn(o -> o == SaveOutcome.ALREADY_ANSWERED).hasSize(threads - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.results("piste").submissions()).isEqualTo(1);
        assertThat(store.find("piste", "same-person").orElseThrow().answers()).hasSize(3);
    }
}
