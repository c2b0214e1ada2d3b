package fr.civicgateway.opendata.assemblee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.core.sources.SourceStatus;
import fr.civicgateway.core.testing.TestClock;
import fr.civicgateway.opendata.http.ManualScheduler;
import fr.civicgateway.opendata.http.SourceTracker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The skeleton both refreshes share, alone: the archives a pass gets, the next pass planned at the soonest attempt,
 * start once, stop. (The refreshes themselves are tested against the fake Assemblée site.)
 */
class RefreshCycleTest {

    static final Instant START = Instant.parse("2026-12-07T06:00:00Z");

    final TestClock clock = new TestClock(START);
    final ManualScheduler scheduler = new ManualScheduler();
    final List<Set<AssembleeArchive>> passes = new ArrayList<>();
    final Map<AssembleeArchive, SourceTracker> trackers = new EnumMap<>(AssembleeArchive.class);
    final RefreshCycle<AssembleeArchive> cycle;

    RefreshCycleTest() {
        for (AssembleeArchive a : AssembleeArchive.values()) {
            trackers.put(a, new SourceTracker(a.id, "assemblee", "https://example.org/" + a.id, Duration.ofHours(6),
                    new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(5)), LoggerFactory.getLogger("test"),
                    "answering from the shipped snapshot", START));
        }
        cycle = new RefreshCycle<>("Assemblée", AssembleeArchive.class, trackers, clock, scheduler,
                (due, now) -> {
                    passes.add(due);
                    // AMO30 fails, the others succeed: AMO30 is due again after the back-off, first.
                    due.forEach(a -> {
                        if (a == AssembleeArchive.AMO30) {
                            cycle().tracker(a).failed(now, "HTTP 503");
                        } else {
                            cycle().tracker(a).succeeded(now);
                        }
                    });
                });
    }

    private RefreshCycle<AssembleeArchive> cycle() {
        return cycle;
    }

    @Test
    void aPassGetsTheArchivesDueInOrderAndTheNextIsPlannedAtTheSoonestAttempt() {
        cycle.start(() -> { });
        assertThat(scheduler.delay()).isEqualTo(Duration.ZERO);

        scheduler.runPlanned();

        assertThat(passes).containsExactly(Set.of(AssembleeArchive.AMO10, AssembleeArchive.AMO30,
                AssembleeArchive.SCRUTINS));
        assertThat(List.copyOf(passes.get(0))).containsExactly(AssembleeArchive.values());
        assertThat(scheduler.delay()).as("AMO30's back-off").isEqualTo(Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        scheduler.runPlanned();
        assertThat(passes.get(1)).containsExactly(AssembleeArchive.AMO30);

        cycle.refresh(true);
        assertThat(passes.get(2)).containsExactly(AssembleeArchive.values());
        assertThat(cycle.statuses()).extracting(SourceStatus::id)
                .containsExactly("assemblee-amo10", "assemblee-amo30", "assemblee-scrutins");
        assertThat(cycle.statuses().get(1).lastError()).isEqualTo("HTTP 503");
    }

    @Test
    void aRefreshNeedsAStartAStartIsOnceAndAStopEndsThePlan() {
        assertThatThrownBy(() -> cycle.refresh(true)).isInstanceOf(IllegalStateException.class)
                .hasMessage("start() the Assemblée refresh first");
        assertThatThrownBy(() -> cycle.start(() -> {
            throw new IllegalStateException("loadAtStart() first");
        })).hasMessage("loadAtStart() first");
        assertThatThrownBy(() -> scheduler.runPlanned()).as("a start refused plans nothing")
                .isInstanceOf(AssertionError.class);

        cycle.start(() -> { });
        assertThatThrownBy(() -> cycle.start(() -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessage("the Assemblée refresh is already started");

        cycle.stop();
        scheduler.runPlanned(); // the pass planned before stop() runs late: it does nothing
        assertThat(passes).isEmpty();
        assertThatThrownBy(() -> cycle.refresh(false)).hasMessage("start() the Assemblée refresh first");
    }
}
