package fr.civicgateway.core.follow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.answer.PageLinks;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.follow.FollowChanges;
import fr.civicgateway.core.follow.FollowEvent;
import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.follow.InMemoryFollowEvents;
import fr.civicgateway.core.follow.InMemorySubscriptionStore;
import fr.civicgateway.core.follow.Subscription;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.NonVotingCause;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.ScrutinSearch;
import fr.civicgateway.core.testing.TestClock;
import fr.civicgateway.core.text.MessageCatalogue;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scrutin found through two things a citizen follows (the deputy who voted, and a topic its title matches) is
 * written once, through the first; unfollowing only the deputy must not take the topic's news with it.
 */
class UnfollowOneOfTwoTargetsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int BUDGET_SCRUTIN = 3876; // « l'ensemble du projet de loi de finances pour 2026 »
    private static final String KEY = "telegram:abc";

    private final FakeParliamentData fake = new FakeParliamentData();
    /** The fake data, in which Mathilde Panot voted for the budget (the fake lists no votes). */
    private final ParliamentData data = proxy((method, args) -> method.getName().equals("vote")
            && FakeParliamentData.PANOT.equals(args[0]) && args[1].equals(BUDGET_SCRUTIN)
            ? new DeputyVote(Position.FOR, false, NonVotingCause.NONE, null) : method.invoke(fake, args));
    private final TestClock clock = new TestClock(ZonedDateTime.of(2025, 11, 21, 10, 0, 0, 0, PARIS).toInstant());
    private final InMemorySubscriptionStore subscriptions = new InMemorySubscriptionStore();
    private final InMemoryFollowEvents events = new InMemoryFollowEvents(subscriptions);
    private final List<String> pushed = new ArrayList<>();
    private final FollowDelivery delivery = new FollowDelivery(new FollowEventsQueue(events), subscriptions,
            () -> data, () -> null,
            new DigestWriter(MessageCatalogue.shipped(), PageLinks.at("https://bot.example.org"), DigestWriter.TELEGRAM_MAX_CHARS),
            DeliverySchedule.defaults(PARIS), List.of(new Push()), new InMemoryFollowMailbox(), clock, "me",
            Duration.ofMinutes(5), 50, 1_000);

    private final FollowTarget panot = new FollowTarget.Deputy(FakeParliamentData.PANOT);
    private final FollowTarget budget = new FollowTarget.Topic("budget");

    @Test
    void unfollowingTheDeputyOnlyStillTellsTheBudgetScrutinSheVotedIn() {
        follow(panot);
        follow(budget);
        publishTheBudgetScrutin();

        assertThat(delivery.pass()).as("10:00: the deputy's digest is at 18:00").isZero();
        subscriptions.remove(KEY, panot); // « ne plus suivre Mathilde Panot »
        clock.advance(Duration.ofHours(8));
        delivery.pass();

        assertThat(pushed).hasSize(1);
        String title = data.scrutin(BUDGET_SCRUTIN).orElseThrow().title().replaceAll("\\.$", "");
        assertThat(pushed.getFirst()).contains("« budget »").contains(title).contains("/scrutins/" + BUDGET_SCRUTIN)
                .doesNotContain("Mathilde Panot :");
        assertThat(delivery.pass()).isZero(); // told once
    }

    @Test
    void whileBothAreFollowedTheScrutinIsToldOnceInTheDeputysDigest() {
        follow(panot);
        follow(budget);
        publishTheBudgetScrutin();

        assertThat(delivery.pass()).isZero(); // 10:00: the deputy's digest is at 18:00
        clock.advance(Duration.ofHours(8));
        assertThat(delivery.pass()).isEqualTo(1);

        assertThat(pushed).hasSize(1);
        assertThat(pushed.getFirst()).contains("Mathilde Panot :").contains("a voté pour").containsOnlyOnce("/scrutins/" + BUDGET_SCRUTIN);
    }

    @Test
    void unfollowingTheDeputyWhoIsTheOnlyWayTheScrutinCameTellsNothing() {
        follow(panot);
        publishTheBudgetScrutin();

        subscriptions.remove(KEY, panot);
        clock.advance(Duration.ofHours(8));
        assertThat(delivery.pass()).isZero();

        assertThat(pushed).isEmpty();
    }

    @Test
    void unfollowingTheTopicKeepsTheDeputysDigest() {
        follow(budget);
        follow(panot);
        publishTheBudgetScrutin();

        subscriptions.remove(KEY, budget);
        clock.advance(Duration.ofHours(8));
        delivery.pass();

        assertThat(pushed).hasSize(1);
        assertThat(pushed.getFirst()).contains("Mathilde Panot :").contains("/scrutins/" + BUDGET_SCRUTIN);
    }

    /** The live refresh's path: the new scrutin found by comparing two versions, recorded, fanned out. */
    private void publishTheBudgetScrutin() {
        assertThat(ScrutinSearch.titleMatcher("budget").test(data.scrutin(BUDGET_SCRUTIN).orElseThrow().title()))
                .as("the topic « budget » matches the scrutin's title").isTrue();
        ParliamentData before = proxy((method, args) -> method.getName().equals("scrutins")
                ? data.scrutins().stream().filter(s -> s.number() != BUDGET_SCRUTIN).toList()
                : method.invoke(data, args));
        List<FollowEvent> found = FollowChanges.newScrutins(before, data,
                List.of((FollowTarget.Topic) budget), clock.instant());
        assertThat(found).extracting(FollowEvent::key).containsExactly("scrutin:" + BUDGET_SCRUTIN);
        events.record(found);
        // One delivery, however many of its targets the citizen follows.
        assertThat(events.fanOut("me", clock.instant(), Duration.ofMinutes(5), 10).deliveries()).isEqualTo(1);
    }

    private interface Call {
        Object answer(java.lang.reflect.Method method, Object[] args) throws Exception;
    }

    private static ParliamentData proxy(Call call) {
        return (ParliamentData) Proxy.newProxyInstance(ParliamentData.class.getClassLoader(),
                new Class<?>[] {ParliamentData.class}, (p, method, args) -> method.isDefault()
                        ? java.lang.reflect.InvocationHandler.invokeDefault(p, method, args) : call.answer(method, args));
    }

    private void follow(FollowTarget target) {
        subscriptions.add(new Subscription(KEY, target, Language.FR, clock.instant()));
        clock.advance(Duration.ofSeconds(1));
    }

    private final class Push implements FollowPush {
        @Override
        public String channel() {
            return "telegram";
        }

        @Override
        public boolean reachable(String conversationKey) {
            return true;
        }

        @Override
        public void push(String conversationKey, String text) {
            pushed.add(text);
        }
    }
}
