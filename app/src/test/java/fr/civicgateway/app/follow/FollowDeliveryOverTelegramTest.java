package fr.civicgateway.app.follow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.FakeTelegramBotApi;
import fr.civicgateway.connectors.telegram.ChatAddresses;
import fr.civicgateway.core.follow.FollowEvent;
import fr.civicgateway.core.follow.FollowEvents;
import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.follow.Subscription;
import fr.civicgateway.core.follow.SubscriptionStore;
import fr.civicgateway.core.follow.delivery.FollowDelivery;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.DossierStep;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Following over Telegram, the whole gateway with a fake Bot API that answers as Telegram does (429 with a
 * retry_after per chat, 403 for a blocked bot): a new scrutin of the shipped data becomes ONE digest per follower
 * at digest time, with the deputy's position as the data has it; /stop, a kick and a 403 end everything; the
 * widget's news wait for the next message. The events are recorded in the database's queue as the refresh does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "TELEGRAM_BOT_TOKEN=123456:TEST-token",
        "TELEGRAM_WEBHOOK_SECRET=test_secret_1",
        "CIVIC_PSEUDONYM_SECRET=" + FollowDeliveryOverTelegramTest.SECRET,
        "CIVIC_ADMIN_TOKEN=test-admin-token",
        "civic.telegram.mode=webhook",
        "civic.telegram.per-chat-interval=10ms",
        "civic.follow.delivery.interval=1h"})
class FollowDeliveryOverTelegramTest {

    static final String SECRET = "a test key of sixteen bytes or more";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final FakeTelegramBotApi BOT_API = FakeTelegramBotApi.untilExit();
    private static final AtomicReference<Instant> NOW =
            new AtomicReference<>(ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, PARIS).toInstant());
    private static long updateId = 70_000;

    @TestConfiguration
    static class Wiring {
        @Bean
        @Primary
        Clock movableClock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return NOW.get();
                }
            };
        }
    }

    @DynamicPropertySource
    static void botApi(DynamicPropertyRegistry registry) {
        registry.add("civic.telegram.api-url", BOT_API::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    SubscriptionStore subscriptions;
    @Autowired
    FollowEvents events;
    @Autowired
    FollowDelivery delivery;
    @Autowired
    ParliamentData data;
    @Autowired
    AssemblyWork work;
    @Autowired
    ChatAddresses addresses;
    @Autowired
    DataSource dataSource;

    @Test
    void aNewScrutinGivesEachFollowerOneDigestWithTheirDeputysPositionThenStopKickAndBlockEndIt() throws Exception {
        Scrutin s = data.scrutins().stream().max(Comparator.comparingInt(Scrutin::number)).orElseThrow();
        List<String> voters = data.deputies().stream().map(d -> d.uid())
                .filter(uid -> data.vote(uid, s.number()).position() == Position.FOR
                        || data.vote(uid, s.number()).position() == Position.AGAINST).sorted().toList();
        String first = voters.getFirst();
        String second = voters.getLast();
        long alice = 555_000_001L;
        long bob = 555_000_002L;
        long carol = 555_000_003L;
        follow(alice, new FollowTarget.Deputy(first));
        follow(bob, new FollowTarget.Deputy(second));
        follow(carol, new FollowTarget.Deputy(first));
        for (long chat : new long[] {alice, bob, carol}) {
            type(chat, "bonjour");
        }
        drain();
        assertThat(addresses.chatOf(key(alice))).contains(alice);
        List<String> stored = JdbcClient.create(dataSource).sql("SELECT chat_id_sealed FROM follow_address")
                .query(String.class).list();
        assertThat(stored).hasSize(3).noneMatch(v -> v.contains(Long.toString(alice)) || v.contains(Long.toString(bob)));

        scrutinFound(s, first, second, "scrutin:" + s.number());
        assertThat(delivery.pass()).as("10:00: the deputies' digest is at 18:00").isZero();
        NOW.set(ZonedDateTime.of(2026, 11, 24, 18, 0, 0, 0, PARIS).toInstant());
        BOT_API.flood(alice, 1, 1); // Alice's chat is told to wait a second; the others are served meanwhile
        BOT_API.slow(Duration.ofMillis(100));
        assertThat(delivery.pass()).isEqualTo(3);

        Map<Long, List<String>> got = messages(3);
        assertThat(got.get(alice)).hasSize(1);
        assertThat(got.get(bob)).hasSize(1);
        assertThat(got.get(carol)).hasSize(1);
        assertThat(got.get(alice).getFirst()).contains(phrase(first, s.number())).contains(s.pageUrl())
                .contains(data.deputy(first).orElseThrow().fullName());
        assertThat(got.get(bob).getFirst()).contains(phrase(second, s.number())).contains(s.pageUrl());
        assertThat(BOT_API.attempts(alice)).as("the 429 retried once").isGreaterThanOrEqualTo(2);
        BOT_API.slow(Duration.ZERO);
        assertThat(delivery.pass()).as("nothing is sent twice").isZero();

        // /stop: nothing more, subscriptions and address gone.
        type(alice, "/stop");
        drain();
        assertThat(subscriptions.list(key(alice))).isEmpty();
        assertThat(addresses.chatOf(key(alice))).isEmpty();
        // Carol removes the bot (my_chat_member: kicked).
        update("""
                {"update_id": %d, "my_chat_member": {"chat": {"id": %d, "type": "private"}, "date": 1700000000,
                  "from": {"id": %d, "is_bot": false, "first_name": "Carol"},
                  "old_chat_member": {"status": "member", "user": {"id": 1, "is_bot": true, "first_name": "bot"}},
                  "new_chat_member": {"status": "kicked", "until_date": 0, "user": {"id": 1, "is_bot": true, "first_name": "bot"}}}}"""
                .formatted(++updateId, carol, carol));
        awaitNoSubscriptions(carol);
        // Bob blocked the bot without a word: Telegram's 403 ends his follows.
        BOT_API.block(bob);
        int aliceBefore = BOT_API.attempts(alice);
        int carolBefore = BOT_API.attempts(carol);
        Scrutin earlier = data.scrutin(s.number() - 1).orElseThrow();
        scrutinFound(earlier, first, second, "scrutin:" + earlier.number());
        NOW.set(ZonedDateTime.of(2026, 11, 25, 18, 0, 0, 0, PARIS).toInstant());
        delivery.pass();
        awaitNoSubscriptions(bob);
        assertThat(addresses.chatOf(key(bob))).isEmpty();
        assertThat(BOT_API.attempts(alice)).isEqualTo(aliceBefore);
        assertThat(BOT_API.attempts(carol)).isEqualTo(carolBefore);
    }

    @Test
    void theWidgetsNewsAreShownBeforeTheAnswerToTheNextMessage() throws Exception {
        DossierStep adopted = work.latestAdoptions(1).getFirst();
        String stepId = adopted.step().code(); // a first occurrence of its code in the dossier, as the events name it
        assertThat(adopted.dossier().steps().stream().filter(x -> x.code().equals(stepId)).findFirst()).contains(adopted.step());
        FollowTarget bill = new FollowTarget.Bill(adopted.dossier().uid());
        subscriptions.add(new Subscription("web:follow-widget-1", bill, Language.FR, NOW.get()));
        events.record(List.of(new FollowEvent("dossier-step:" + adopted.dossier().uid() + ":" + stepId,
                FollowEvent.Kind.DOSSIER_STEP, List.of(bill), adopted.step().date(), NOW.get(),
                Map.of("dossier", adopted.dossier().uid(), "step", stepId))));
        events.fanOut("test", NOW.get(), Duration.ofMinutes(5), 10);
        NOW.set(NOW.get().plus(Duration.ofMinutes(1)).atZone(PARIS).withHour(12).toInstant());

        delivery.pass();

        List<ChatClient.BotMessage> replies = new ChatClient(port).say("follow-widget-1", "bonjour", "fr");
        assertThat(replies.getFirst().text()).startsWith("Depuis votre dernière visite :")
                .contains(adopted.dossier().title()).contains(adopted.dossier().url());
        assertThat(new ChatClient(port).say("follow-widget-1", "bonjour", "fr").getFirst().text())
                .doesNotContain("Depuis votre dernière visite");
    }

    private void scrutinFound(Scrutin s, String a, String b, String key) {
        events.record(List.of(new FollowEvent(key, FollowEvent.Kind.SCRUTIN,
                List.of(new FollowTarget.Deputy(a), new FollowTarget.Deputy(b)), s.date(), NOW.get(),
                Map.of("number", Integer.toString(s.number())))));
        events.fanOut("test", NOW.get(), Duration.ofMinutes(5), 10);
    }

    /** The position as API.md §3 words it, from the data (the same verb for both genders, for and against). */
    private String phrase(String uid, int number) {
        DeputyVote v = data.vote(uid, number);
        return (v.position() == Position.FOR ? "a voté pour" : "a voté contre") + (v.byProxy() ? " (par délégation)" : "");
    }

    private void follow(long chat, FollowTarget target) {
        subscriptions.add(new Subscription(key(chat), target, Language.FR, NOW.get()));
    }

    private void awaitNoSubscriptions(long chat) throws InterruptedException {
        for (int i = 0; i < 200 && !subscriptions.list(key(chat)).isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(subscriptions.list(key(chat))).isEmpty();
    }

    /** Telegram's conversation key of a private chat: the HMAC pseudonym the connector computes. */
    private static String key(long chat) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "telegram:" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(ByteBuffer.allocate(8).putLong(chat).array()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void type(long chat, String text) throws Exception {
        update("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000, "chat": {"id": %d, "type": "private"},
                  "from": {"id": %d, "is_bot": false, "first_name": "Camille", "language_code": "fr"}, "text": "%s"}}"""
                .formatted(++updateId, updateId, chat, chat, text));
    }

    private void update(String json) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/telegram/webhook"))
                .header("X-Telegram-Bot-Api-Secret-Token", "test_secret_1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        assertThat(HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    /** Skips the bot's answers to typed messages. */
    private void drain() throws InterruptedException {
        while (BOT_API.nextMessage(Duration.ofMillis(1500)) != null) {
            // an answer, not under test here
        }
    }

    /** The next {@code count} messages (then any more within a moment), by chat. */
    private Map<Long, List<String>> messages(int count) throws InterruptedException {
        Map<Long, List<String>> by = new java.util.HashMap<>();
        List<JsonNode> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode m = BOT_API.nextMessage(Duration.ofSeconds(30));
            assertThat(m).as("digest " + (i + 1) + " of " + count).isNotNull();
            all.add(m);
        }
        JsonNode more;
        while ((more = BOT_API.nextMessage(Duration.ofMillis(1500))) != null) {
            all.add(more);
        }
        for (JsonNode m : all) {
            by.computeIfAbsent(Long.parseLong(m.get("chat_id").asString()), c -> new ArrayList<>()).add(m.get("text").asString());
        }
        return by;
    }
}
