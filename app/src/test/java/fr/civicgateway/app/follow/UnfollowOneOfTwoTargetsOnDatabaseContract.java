package fr.civicgateway.app.follow;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.core.answer.PageLinks;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.follow.FollowEvent;
import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.follow.Subscription;
import fr.civicgateway.core.follow.delivery.DeliverySchedule;
import fr.civicgateway.core.follow.delivery.DigestWriter;
import fr.civicgateway.core.follow.delivery.FollowDelivery;
import fr.civicgateway.core.follow.delivery.FollowEventsQueue;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.text.MessageCatalogue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scrutin reaching a follower through the deputy who voted and a topic its title matches is one delivery (unique
 * per follower and event) kept under the deputy; unfollowing only the deputy still hands it over, under the topic.
 * On each database the gateway runs on.
 */
abstract class UnfollowOneOfTwoTargetsOnDatabaseContract {

    private static final int BUDGET = 3876; // « l'ensemble du projet de loi de finances pour 2026 » in the fake data
    // 18:00 in Paris: the deputies' daily digest time, so that nothing waits for it.
    private final Instant now = Instant.parse("2026-12-01T17:00:00Z");
    private final FollowTarget deputy = new FollowTarget.Deputy(FakeParliamentData.PANOT);
    private final FollowTarget topic = new FollowTarget.Topic("budget");
    private HikariDataSource ds;
    private JdbcSubscriptionStore subscriptions;
    private JdbcFollowEvents events;

    abstract HikariDataSource newDatabase();

    @BeforeEach
    void migrate() {
        ds = newDatabase();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        subscriptions = new JdbcSubscriptionStore(ds);
        events = new JdbcFollowEvents(ds, subscriptions);
        subscriptions.add(new Subscription("web:a", deputy, Language.FR, now));
        subscriptions.add(new Subscription("web:a", topic, Language.FR, now));
        events.record(List.of(new FollowEvent("scrutin:" + BUDGET, FollowEvent.Kind.SCRUTIN, List.of(deputy, topic),
                LocalDate.of(2025, 11, 20), now, Map.of("number", Integer.toString(BUDGET)))));
        assertThat(events.fanOut("refresh", now, Duration.ofMinutes(5), 10).deliveries()).isEqualTo(1);
    }

    @AfterEach
    void close() {
        ds.close();
    }

    private FollowDelivery delivery() {
        FakeParliamentData data = new FakeParliamentData();
        return new FollowDelivery(new FollowEventsQueue(events), subscriptions, () -> data, () -> null,
                new DigestWriter(MessageCatalogue.shipped(), PageLinks.at("https://bot.example.org"), 4096),
                DeliverySchedule.defaults(ZoneId.of("Europe/Paris")), List.of(), new JdbcFollowMailbox(ds),
                Clock.fixed(now, ZoneOffset.UTC), "a", Duration.ofMinutes(5), 10, 600);
    }

    @Test
    void unfollowingOnlyTheDeputyStillHandsOverTheBudgetScrutin() {
        assertThat(subscriptions.remove("web:a", deputy)).isTrue();

        assertThat(delivery().pass()).isEqualTo(1);

        List<String> waiting = new JdbcFollowMailbox(ds).take("web:a");
        assertThat(waiting).hasSize(1);
        assertThat(waiting.getFirst()).contains("« budget »").contains("/scrutins/" + BUDGET);
        assertThat(events.counts().unsent()).isZero();
    }

    @Test
    void unfollowingBothHandsNothingOver() {
        subscriptions.remove("web:a", deputy);
        subscriptions.remove("web:a", topic);

        assertThat(delivery().pass()).isZero();

        assertThat(new JdbcFollowMailbox(ds).take("web:a")).isEmpty();
        assertThat(events.counts().unsent()).as("dropped, not left to be claimed again").isZero();
    }
}
