package fr.civicgateway.core.follow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.answer.PageLinks;
import fr.civicgateway.core.fixtures.FakeParliamentData;
import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.follow.InMemorySubscriptionStore;
import fr.civicgateway.core.follow.Subscription;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.testing.TestClock;
import fr.civicgateway.core.text.MessageCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FollowDeliveryTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final FakeParliamentData data = new FakeParliamentData();
    private final TestClock clock = new TestClock(ZonedDateTime.of(2025, 11, 21, 10, 0, 0, 0, PARIS).toInstant());
    private final InMemorySubscriptionStore subscriptions = new InMemorySubscriptionStore();
    private final Queue queue = new Queue();
    private final RecordingPush telegram = new RecordingPush();
    private final InMemoryFollowMailbox mailbox = new InMemoryFollowMailbox();
    private final DigestWriter writer = new DigestWriter(MessageCatalogue.shipped(), PageLinks.at("https://bot.example.org"),
            DigestWriter.TELEGRAM_MAX_CHARS);
    private final FollowDelivery delivery = new FollowDelivery(queue, subscriptions, () -> data, () -> null, writer,
            DeliverySchedule.defaults(ZoneId.of("Europe/Paris")), List.of(telegram), mailbox, clock, "me", Duration.ofMinutes(5), 50, 1_000);

    @Test
    void aDeputysFollowerGetsOneDigestAtDigestTimeWithTheDeputysPositionOnEveryNewScrutin() {
        follow("telegram:abc", new FollowTarget.Deputy(FakeParliamentData.PANOT), Language.FR);
        for (int n : new int[] {3876, 3877, 3700}) {
            queue.add(DueDelivery.scrutin(queue.nextId(), "telegram:abc", new FollowTarget.Deputy(FakeParliamentData.PANOT), n, clock.instant()));
        }

        assertThat(delivery.pass()).isZero(); // 10:00: the digest is at 18:00
        clock.advance(Duration.ofHours(8));
        assertThat(delivery.pass()).isEqualTo(1);

        assertThat(telegram.sent).hasSize(1);
        String digest = telegram.sent.getFirst();
        assertThat(digest).startsWith("Du nouveau dans vos suivis (3 nouveautés) :").contains("Mathilde Panot :");
        for (int n : new int[] {3876, 3877, 3700}) {
            Position p = data.vote(FakeParliamentData.PANOT, n).position();
            String expected = switch (p) {
                case FOR -> "a voté pour";
                case AGAINST -> "a voté contre";
                case ABSTENTION -> "s'est abstenue";
                default -> "n'a pas pris part au vote";
            };
            String line = digest.lines().filter(l -> l.endsWith("/scrutins/" + n)).findFirst().orElseThrow();
            assertThat(line).contains(expected).contains(data.scrutin(n).orElseThrow().title().replaceAll("\\.$", ""));
        }
        assertThat(queue.sent).hasSize(3);
        assertThat(delivery.pass()).isZero();
    }

    @Test
    void nothingLeavesDuringTheQuietHoursAndItIsSentInTheMorning() {
        clock.advance(Duration.ofHours(12)); // 22:00
        follow("telegram:abc", new FollowTarget.Bill("DLR5L17N1"), Language.EN);
        queue.add(new DueDelivery(queue.nextId(), "telegram:abc", new FollowTarget.Bill("DLR5L17N1"),
                DueDelivery.Kind.BILL_STEP, "DLR5L17N1", "AN1-DEBATS-SEANCE", null, clock.instant().atZone(PARIS).toLocalDate(),
                "adopté", clock.instant()));

        assertThat(delivery.pass()).isZero();
        clock.advance(Duration.ofHours(9)); // 07:00
        assertThat(delivery.pass()).isZero();
        clock.advance(Duration.ofHours(1)); // 08:00
        assertThat(delivery.pass()).isEqualTo(1);
        assertThat(telegram.sent.getFirst()).startsWith("News from what you follow (1 item):")
                .contains("step: AN1-DEBATS-SEANCE (adopté).");
    }

    @Test
    void aTopicsNewScrutinCarriesThePositionOfTheDeputyTheSubscriberAlsoFollows() {
        follow("telegram:abc", new FollowTarget.Topic("agriculture"), Language.FR);
        follow("telegram:abc", new FollowTarget.Deputy(FakeParliamentData.RUFFIN), Language.FR);
        queue.add(DueDelivery.scrutin(queue.nextId(), "telegram:abc", new FollowTarget.Topic("agriculture"), 3700, clock.instant()));

        delivery.pass();

        assertThat(telegram.sent.getFirst()).contains("Votes sur « agriculture » :").contains("François Ruffin ");
    }

    @Test
    void theWidgetsNewsWaitForTheNextMessage() {
        follow("web:w1", new FollowTarget.Bill("DLR5L17N1"), Language.FR);
        queue.add(new DueDelivery(queue.nextId(), "web:w1", new FollowTarget.Bill("DLR5L17N1"), DueDelivery.Kind.BILL_STEP,
                null, "CMP-DEC", null, null, null, clock.instant()));

        delivery.pass();

        assertThat(telegram.sent).isEmpty();
        var notices = new FollowNotices(mailbox, MessageCatalogue.shipped()).take("web:w1", Language.FR);
        assertThat(notices).hasSize(1);
        assertThat(notices.getFirst().toString()).contains("Depuis votre dernière visite :").contains("étape : CMP-DEC.");
        assertThat(new FollowNotices(mailbox, MessageCatalogue.shipped()).take("web:w1", Language.FR)).isEmpty();
    }

    @Test
    void aLongDigestIsCutAtTelegramsLimitWithHowManyMoreAndALink() {
        follow("telegram:abc", new FollowTarget.TownNews("mairie"), Language.FR);
        for (int i = 0; i < 200; i++) {
            queue.add(new DueDelivery(queue.nextId(), "telegram:abc", new FollowTarget.TownNews("mairie"),
                    DueDelivery.Kind.NEWS_ITEM, null, "Nouvelle n° " + i + " " + "x".repeat(40), "https://ville.example/n/" + i,
                    null, null, clock.instant()));
        }

        delivery.pass();

        String digest = telegram.sent.getFirst();
        assertThat(digest.length()).isLessThanOrEqualTo(4096);
        long shown = digest.lines().filter(l -> l.startsWith("• ")).count();
        assertThat(digest).contains("… et " + (200 - shown) + " autres : https://bot.example.org/scrutins");
        assertThat(shown).isBetween(10L, 199L);
    }

    @Test
    void aPassHandsOverNoMoreDigestsThanItsShareOfTheBotsRateAndTheRestLeavesAtTheNextPasses() {
        FollowDelivery paced = new FollowDelivery(queue, subscriptions, () -> data, () -> null, writer,
                DeliverySchedule.defaults(ZoneId.of("Europe/Paris")), List.of(telegram), mailbox, clock, "me",
                Duration.ofMinutes(5), 50, 2);
        for (int i = 0; i < 5; i++) {
            follow("telegram:s" + i, new FollowTarget.Bill("DLR5L17N1"), Language.FR);
            queue.add(new DueDelivery(queue.nextId(), "telegram:s" + i, new FollowTarget.Bill("DLR5L17N1"),
                    DueDelivery.Kind.BILL_STEP, null, "CMP-DEC", null, null, null, clock.instant()));
        }

        assertThat(List.of(paced.pass(), paced.pass(), paced.pass(), paced.pass())).containsExactly(2, 2, 1, 0);
        assertThat(telegram.sent).hasSize(5);
    }

    @Test
    void theNewsOfAConversationThatFollowsNothingAnyMoreAreDropped() {
        queue.add(DueDelivery.scrutin(queue.nextId(), "telegram:gone", new FollowTarget.Topic("x"), 3700, clock.instant()));
        delivery.pass();
        assertThat(telegram.sent).isEmpty();
        assertThat(queue.sent).hasSize(1);
    }

    @Test
    void theDailyDigestIsAtItsLocalTimeAcrossTheClockChange() {
        DeliverySchedule s = DeliverySchedule.defaults(ZoneId.of("Europe/Paris"));
        Instant march29 = ZonedDateTime.of(2026, 3, 28, 19, 0, 0, 0, PARIS).toInstant();
        assertThat(s.dueAt(new FollowTarget.Deputy("PA1"), march29).atZone(PARIS).toLocalDateTime())
                .hasToString("2026-03-29T18:00");
        assertThat(s.dueAt(new FollowTarget.Bill("B"), march29).atZone(PARIS).toLocalDateTime())
                .hasToString("2026-03-28T19:00");
        assertThat(s.dueAt(new FollowTarget.Bill("B"), march29.plus(Duration.ofHours(3))).atZone(PARIS).toLocalDateTime())
                .hasToString("2026-03-29T08:00");
        DeliverySchedule twiceADay = new DeliverySchedule(Duration.ofHours(12), s.digestTime(), s.digestDay(), PARIS,
                s.quietFrom(), s.quietUntil());
        assertThat(twiceADay.nextDigest(march29).atZone(PARIS).toLocalDateTime()).hasToString("2026-03-29T06:00");
        assertThat(twiceADay.dueAt(new FollowTarget.Deputy("PA1"), march29).atZone(PARIS).toLocalDateTime())
                .as("06:00 is in the quiet hours").hasToString("2026-03-29T08:00");
        DeliverySchedule weekly = new DeliverySchedule(Duration.ofDays(7), s.digestTime(), java.time.DayOfWeek.MONDAY, PARIS,
                s.quietFrom(), s.quietUntil());
        assertThat(weekly.nextDigest(march29).atZone(PARIS).toLocalDateTime()).hasToString("2026-03-30T18:00");
    }

    private void follow(String key, FollowTarget target, Language lang) {
        subscriptions.add(new Subscription(key, target, lang, clock.instant()));
    }

    private static final class RecordingPush implements FollowPush {
        final List<String> sent = new ArrayList<>();

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
            sent.add(text);
        }
    }

    /** The queue's contract in memory: claims by subscriber, release with a new due time. */
    private static final class Queue implements DeliveryQueue {
        final Map<Long, DueDelivery> waiting = new LinkedHashMap<>();
        final List<Long> sent = new ArrayList<>();
        long next = 1;

        long nextId() {
            return next++;
        }

        void add(DueDelivery d) {
            waiting.put(d.id(), d);
        }

        @Override
        public List<List<DueDelivery>> claimDue(String owner, Instant now, Duration lease, int max) {
            Map<String, List<DueDelivery>> by = new LinkedHashMap<>();
            waiting.values().stream().filter(d -> !d.dueAt().isAfter(now))
                    .forEach(d -> by.computeIfAbsent(d.conversationKey(), k -> new ArrayList<>()).add(d));
            return by.values().stream().limit(max).toList();
        }

        @Override
        public void markSent(String owner, Collection<Long> ids, Instant now, Runnable handOver) {
            handOver.run();
            ids.forEach(waiting::remove);
            sent.addAll(ids);
        }

        @Override
        public void release(String owner, Collection<Long> ids, Instant dueAgain) {
            for (Long id : ids) {
                DueDelivery d = waiting.get(id);
                waiting.put(id, new DueDelivery(d.id(), d.conversationKey(), d.target(), d.kind(), d.ref(), d.title(),
                        d.url(), d.date(), d.result(), dueAgain));
            }
        }
    }
}
