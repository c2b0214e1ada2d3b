package fr.civicgateway.opendata.http;

import fr.civicgateway.core.retry.Backoff;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.sources.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** What a source's tracker shows and logs over a streak of failures: the admin view's status and the log lines. */
class SourceTrackerTest {

    static final Instant START = Instant.parse("2026-12-03T06:00:00Z");
    static final String SCRUTINS = "https://data.assemblee-nationale.fr/static/openData/repository/17/loi/scrutins/"
            + "Scrutins.json.zip";
    static final Backoff BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1));

    /** Each line as an operator reads it: level, message, and the exception class when a stack trace follows. */
    static final class Lines extends LegacyAbstractLogger {

        final List<String> lines = new ArrayList<>();

        Lines() {
            this.name = "test";
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable t) {
            lines.add(level + " " + MessageFormatter.basicArrayFormat(pattern, arguments)
                    + (t == null ? "" : " [" + t.getClass().getSimpleName() + "]"));
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }

    final Lines log = new Lines();

    @Test
    void warnsOnceForAStreakWithTheDataStillAnsweredFromThenOnceWhenTheSourceIsBack() {
        SourceTracker scrutins = new SourceTracker("assemblee-scrutins", "assemblee", SCRUTINS, Duration.ofHours(6),
                BACKOFF, log, "answering from the shipped snapshot", START);
        scrutins.answering(LocalDate.of(2025, 11, 14), Map.of("scrutins", 3813));
        scrutins.succeeded(START);

        Instant at = START.plus(Duration.ofHours(6));
        scrutins.failed(at, SCRUTINS + ": HTTP 503");
        scrutins.failed(at.plus(Duration.ofMinutes(1)), SCRUTINS + ": HTTP 503");
        scrutins.failed(at.plus(Duration.ofMinutes(3)), SCRUTINS + ": HTTP 503");
        SourceStatus failing = scrutins.status();
        Instant back = at.plus(Duration.ofMinutes(7));
        scrutins.succeeded(back);

        assertThat(log.lines).containsExactly(
                "WARN Open data source assemblee-scrutins failed; answering from its data of 2025-11-14 (scrutins=3813)"
                        + " and retrying in 1m, then with back-off up to 1h: " + SCRUTINS + ": HTTP 503",
                "DEBUG Open data source assemblee-scrutins failed again (2 in a row), next attempt in 2m: " + SCRUTINS
                        + ": HTTP 503",
                "DEBUG Open data source assemblee-scrutins failed again (3 in a row), next attempt in 4m: " + SCRUTINS
                        + ": HTTP 503",
                "INFO Open data source assemblee-scrutins is back after 3 failed attempts; answering from its data of"
                        + " 2025-11-14 (scrutins=3813)");
        assertThat(failing).isEqualTo(new SourceStatus("assemblee-scrutins", "assemblee", SCRUTINS,
                LocalDate.of(2025, 11, 14), Map.of("scrutins", 3813), START, at.plus(Duration.ofMinutes(3)),
                SCRUTINS + ": HTTP 503", at.plus(Duration.ofMinutes(7))));
        assertThat(scrutins.status().lastError()).isNull();
        assertThat(scrutins.nextAttempt()).isEqualTo(back.plus(Duration.ofHours(6)));
    }

    @Test
    void saysWhatItAnswersWhileItHasNoDataAndGivesTheStackTraceOfAnUnexpectedFailureOnce() {
        String url = "https://opendata.paris.fr/api/explore/v2.1/catalog/datasets/chantiers-a-paris/records";
        SourceTracker worksites = new SourceTracker("paris-chantiers-live", "local", url, Duration.ofHours(1),
                BACKOFF.atMost(Duration.ofHours(1)), log, "answering that it is unavailable (no data yet)", START);

        worksites.failed(START, "a bug", new IllegalStateException("a bug"));
        worksites.failed(START.plus(Duration.ofMinutes(1)), "a bug", new IllegalStateException("a bug"));

        assertThat(log.lines).containsExactly(
                "WARN Open data source paris-chantiers-live failed; answering that it is unavailable (no data yet) and"
                        + " retrying in 1m, then with back-off up to 1h: a bug [IllegalStateException]",
                "DEBUG Open data source paris-chantiers-live failed again (2 in a row), next attempt in 2m: a bug");
        assertThat(worksites.status()).isEqualTo(new SourceStatus("paris-chantiers-live", "local", url, null, Map.of(),
                null, START.plus(Duration.ofMinutes(1)), "a bug", START.plus(Duration.ofMinutes(3))));
    }

    @Test
    void aCappedBackoffDoublesUpToTheCapAndACapBelowTheFirstWaitIsEveryWait() {
        Backoff twentyMinutes = BACKOFF.atMost(Duration.ofMinutes(20));
        Backoff halfAMinute = BACKOFF.atMost(Duration.ofSeconds(30));

        assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream().map(twentyMinutes::after).toList()).containsExactly(
                Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
                Duration.ofMinutes(16), Duration.ofMinutes(20), Duration.ofMinutes(20));
        assertThat(List.of(1, 2, 9).stream().map(halfAMinute::after).toList())
                .containsOnly(Duration.ofSeconds(30));
        assertThat(BACKOFF.atMost(Duration.ofHours(6))).isEqualTo(BACKOFF);
    }
}
