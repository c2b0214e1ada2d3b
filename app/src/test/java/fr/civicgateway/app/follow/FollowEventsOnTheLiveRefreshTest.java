package fr.civicgateway.app.follow;

import static fr.civicgateway.opendata.testing.AssembleeSite.SCRUTINS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.LiveAssembleeSite;
import fr.civicgateway.core.follow.FollowEvents;
import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.follow.Subscription;
import fr.civicgateway.core.follow.SubscriptionStore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.ScrutinSearch;
import fr.civicgateway.core.testing.TestClock;
import fr.civicgateway.opendata.assemblee.AssembleeRefresh;
import fr.civicgateway.opendata.assemblee.OfficialArchives;
import fr.civicgateway.opendata.testing.AssembleeSite;
import fr.civicgateway.opendata.testing.ShippedData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole gateway with live refresh on, against a fake Assemblée site: the archive that brings the scrutins of
 * 17 November 2025 becomes one follow event per new scrutin, and a deputy's and a topic's followers are owed exactly
 * the new scrutins that concern them.
 */
@SpringBootTest(properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "civic.data.refresh.enabled=true",
        "civic.data.refresh.timeout=1s",
        "civic.data.refresh.max-download-size=20MB",
        // the shipped scrutins are a year older than the test's clock: all of it is news here
        "civic.follow.events.max-age=3650d",
        // the test fans out itself
        "civic.follow.events.fan-out-interval=1h"})
@Import(LiveAssembleeSite.Beans.class)
class FollowEventsOnTheLiveRefreshTest {

    static final Instant START = LiveAssembleeSite.START;
    static final int LAST_BEFORE = 3813;
    static final LiveAssembleeSite LIVE = LiveAssembleeSite.upToScrutin(LAST_BEFORE);
    static final AssembleeSite SITE = LIVE.site();
    static final TestClock CLOCK = LIVE.clock();
    static final String PANOT = "PA720892";

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        LIVE.register(registry);
    }

    @AfterAll
    static void closeSite() {
        LIVE.close();
    }

    @Autowired
    AssembleeRefresh refresh;
    @Autowired
    SubscriptionStore subscriptions;
    @Autowired
    JdbcFollowEvents events;

    @Test
    void theNewScrutinsOfARefreshAreOwedOnceToTheFollowersOfADeputyWhoVotedAndOfATopic() {
        refresh.refreshNow();
        assertThat(events.counts().events()).as("the first version is no change").isZero();
        subscriptions.add(new Subscription("telegram:marie", new FollowTarget.Deputy(PANOT), Language.FR, START));
        subscriptions.add(new Subscription("web:paul", new FollowTarget.Topic("loi de finances"), Language.FR, START));

        SITE.serve(SCRUTINS, OfficialArchives.scrutins(), "\"scrutins-2\"");
        CLOCK.advance(Duration.ofHours(6));
        refresh.refreshNow();
        refresh.refreshNow();

        assertThat(events.counts().events()).isEqualTo(3876 - LAST_BEFORE);
        assertThat(events.fanOut("test", CLOCK.instant(), Duration.ofMinutes(5), 1_000).events())
                .isEqualTo(3876 - LAST_BEFORE);
        List<FollowEvents.Owed> owed = events.claimDue("test", CLOCK.instant(), Duration.ofMinutes(5), 10);

        // naive: the new scrutins whose raw votes list her; those the topic search finds for the topic
        Set<String> hers = IntStream.rangeClosed(LAST_BEFORE + 1, 3876)
                .filter(n -> ShippedData.listingOf(n, PANOT) != null).mapToObj(n -> "scrutin:" + n)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> budget = new ScrutinSearch(ShippedData.snapshot()).search("loi de finances", 100_000).scrutins()
                .stream().filter(s -> s.number() > LAST_BEFORE).map(s -> "scrutin:" + s.number())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(hers).isNotEmpty();
        assertThat(budget).isNotEmpty();
        assertThat(owed).extracting(FollowEvents.Owed::conversationKey).containsExactly("telegram:marie", "web:paul");
        assertThat(owed.get(0).deliveries()).extracting(d -> d.event().key())
                .containsExactlyInAnyOrderElementsOf(hers);
        assertThat(owed.get(1).deliveries()).extracting(d -> d.event().key())
                .containsExactlyInAnyOrderElementsOf(budget);
    }
}
