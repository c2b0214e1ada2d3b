package fr.civicgateway.app.follow;

import fr.civicgateway.core.follow.FollowChanges;
import fr.civicgateway.core.follow.FollowEvent;
import fr.civicgateway.core.follow.FollowEvents;
import fr.civicgateway.core.follow.FollowedTopics;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.opendata.assemblee.WorkSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each swap of the live data into follow events and records them ({@link FollowEvents#record}): called by
 * {@code LiveOpenData} and {@code LiveAssemblyWork} on the refreshing thread, with the previous and the new version.
 *
 * <p>A change dated more than {@code maxAge} ago is not news (an instance started on old data whose first refresh
 * brings months of scrutins): it is not recorded. Every instance finds the same events under the same keys; the
 * store keeps the first.
 */
public final class FollowChangeRecorder {

    private static final Logger log = LoggerFactory.getLogger(FollowChangeRecorder.class);

    private final FollowEvents events;
    private final FollowedTopics topics;
    private final Clock clock;
    private final Duration maxAge;

    public FollowChangeRecorder(FollowEvents events, FollowedTopics topics, Clock clock, Duration maxAge) {
        this.events = Objects.requireNonNull(events, "events");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    /** The new scrutins between two versions of the Assemblée's votes. @return the events recorded now */
    public int parliamentSwapped(ParliamentData before, ParliamentData after) {
        Instant now = clock.instant();
        return record("scrutins", FollowChanges.newScrutins(before, after, topics.topics(), now), now);
    }

    /** The new dossier steps, speeches and questions between two versions of the Assemblée's work. */
    public int workSwapped(WorkSnapshot before, WorkSnapshot after) {
        Instant now = clock.instant();
        List<FollowEvent> found = new ArrayList<>();
        found.addAll(FollowChanges.newDossierSteps(before.allDossiers(), after.allDossiers(), now));
        found.addAll(FollowChanges.newSpeeches(before.allSpeeches(), after.allSpeeches(), now));
        found.addAll(FollowChanges.newQuestions(before.allQuestions(), after.allQuestions(), now));
        return record("work", found, now);
    }

    /** Records events found elsewhere (a town's feed). @return the events recorded now */
    public int found(String what, List<FollowEvent> found) {
        return record(what, found, clock.instant());
    }

    private int record(String what, List<FollowEvent> found, Instant now) {
        LocalDate oldest = now.minus(maxAge).atZone(ZoneOffset.UTC).toLocalDate();
        List<FollowEvent> news = found.stream().filter(e -> !e.date().isBefore(oldest)).toList();
        int recorded = news.isEmpty() ? 0 : events.record(news);
        log.info("follow events from {}: {} changes, {} too old to tell, {} recorded now", what, found.size(),
                found.size() - news.size(), recorded);
        return recorded;
    }
}
