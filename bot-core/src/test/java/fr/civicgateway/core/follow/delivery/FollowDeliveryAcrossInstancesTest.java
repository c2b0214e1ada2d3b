package fr.civicgateway.core.follow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.answer.PageLinks;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.follow.FollowEvent;
import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.follow.InMemoryFollowEvents;
import fr.civicgateway.core.follow.InMemorySubscriptionStore;
import fr.civicgateway.core.follow.Subscription;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.testing.TestClock;
import fr.civicgateway.core.text.MessageCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two instances on one queue (the follow events' contract, in memory): each news told once, none lost. */
class FollowDeliveryAcrossInstancesTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private final TestClock clock = new TestClock(ZonedDateTime.of(2025, 11, 21, 10, 0, 0, 0, ZoneId.of("Europe/Paris")).toInstant());
    private final InMemorySubscriptionStore subscriptions = new InMemorySubscriptionStore();
    private final InMemoryFollowEvents events = new InMemoryFollowEvents(subscriptions);
    private final List<String> pushed = Collections.synchronizedList(new ArrayList<>());
    private final FollowTarget bill = new FollowTarget.Bill("DLR5L17N51035");

    private FollowDelivery instance(String name, DeliveryQueue queue) {
        FollowPush push = new FollowPush() {
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
                pushed.add(conversationKey + "|" + text);
            }
        };
        return new FollowDelivery(queue, subscriptions, FakeParliamentData::new, () -> null,
                new DigestWriter(MessageCatalogue.shipped(), PageLinks.at("https://bot.example.org"), 4096),
                DeliverySchedule.defaults(ZoneId.of("Europe/Paris")), List.of(push), new InMemoryFollowMailbox(), clock, name, LEASE, 10, 1_000);
    }

    private void aStepOfTheBill() {
        subscriptions.add(new Subscription("telegram:a", bill, Language.FR, clock.instant()));
        subscriptions.add(new Subscription("telegram:b", bill, Language.EN, clock.instant()));
        events.record(List.of(new FollowEvent("dossier-step:DLR5L17N51035:AN1-DEBATS-DEC", FollowEvent.Kind.DOSSIER_STEP,
                List.of(bill), LocalDate.of(2025, 11, 20), clock.instant(),
                Map.of("dossier", "DLR5L17N51035", "step", "AN1-DEBATS-DEC"))));
        events.fanOut("refresh", clock.instant(), LEASE, 10);
    }

    @Test
    void twoInstancesTellEachFollowerOfABillsNewStepOnce() {
        aStepOfTheBill();
        FollowDelivery a = instance("a", new FollowEventsQueue(events));
        FollowDelivery b = instance("b", new FollowEventsQueue(events));

        int told = a.pass() + b.pass();
        clock.advance(LEASE.plusMinutes(1));
        told += b.pass() + a.pass();

        assertThat(told).isEqualTo(2);
        assertThat(pushed).hasSize(2).anyMatch(p -> p.startsWith("telegram:a|Du nouveau"))
                .anyMatch(p -> p.startsWith("telegram:b|News from what you follow"));
    }

    @Test
    void anInstanceKilledAfterItsClaimLosesNothingAndTheOtherSendsOnceTheLeaseIsOver() {
        aStepOfTheBill();
        DeliveryQueue real = new FollowEventsQueue(events);
        DeliveryQueue dying = new DeliveryQueue() {
            @Override
            public List<List<DueDelivery>> claimDue(String owner, Instant now, Duration lease, int max) {
                real.claimDue(owner, now, lease, max);
                throw new IllegalStateException("killed after the claim, before the hand-over");
            }

            @Override
            public void markSent(String owner, Collection<Long> ids, Instant now, Runnable handOver) {
                throw new AssertionError("dead");
            }

            @Override
            public void release(String owner, Collection<Long> ids, Instant dueAgain) {
                throw new AssertionError("dead");
            }
        };
        instance("a", dying).run();
        FollowDelivery b = instance("b", real);

        assertThat(b.pass()).as("a's lease still holds").isZero();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(b.pass()).isEqualTo(2);
        assertThat(b.pass()).isZero();
        assertThat(instance("a2", real).pass()).as("the restarted instance finds nothing owed").isZero();
        assertThat(pushed).hasSize(2);
    }
}
