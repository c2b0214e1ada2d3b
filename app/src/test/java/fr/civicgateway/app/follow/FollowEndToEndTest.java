package fr.civicgateway.app.follow;

import static fr.civicgateway.opendata.testing.AssembleeSite.SCRUTINS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.app.support.FakeTelegramBotApi;
import fr.civicgateway.app.support.LiveAssembleeSite;
import fr.civicgateway.connectors.telegram.ChatAddresses;
import fr.civicgateway.core.follow.SubscriptionStore;
import fr.civicgateway.core.follow.delivery.FollowDelivery;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.testing.TestClock;
import fr.civicgateway.opendata.assemblee.AssembleeRefresh;
import fr.civicgateway.opendata.assemblee.OfficialArchives;
import fr.civicgateway.opendata.testing.AssembleeSite;
import fr.civicgateway.opendata.testing.ShippedData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's first criterion on the whole gateway: Telegram chats follow Mathilde Panot by typing it (updates through
 * the webhook), the fake Assemblée site publishes new scrutins, the live refresh finds them, the follow events are
 * fanned out, and at digest time the delivery loop pushes through the fake Bot API exactly ONE digest per follower,
 * with her position on each new scrutin as the raw archive lists it; a chat that sent /stop before the digest time
 * gets nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "civic.data.refresh.enabled=true",
        "civic.data.refresh.timeout=1s",
        "civic.data.refresh.max-download-size=20MB",
        "civic.follow.events.max-age=3650d",
        // the test fans out and delivers itself, at the times it chooses
        "civic.follow.events.fan-out-interval=1h",
        "civic.follow.delivery.interval=1h",
        "TELEGRAM_BOT_TOKEN=123456:TEST-token",
        "TELEGRAM_WEBHOOK_SECRET=test_secret_1",
        "CIVIC_PSEUDONYM_SECRET=" + FollowEndToEndTest.SECRET,
        "CIVIC_ADMIN_TOKEN=test-admin-token",
        "civic.telegram.mode=webhook",
        "civic.telegram.per-chat-interval=10ms"})
@Import(LiveAssembleeSite.Beans.class)
class FollowEndToEndTest {

    static final String SECRET = "an end-to-end key of sixteen bytes";
    static final int LAST_BEFORE = 3866;
    static final int LAST = 3876;
    static final String PANOT = "PA720892";
    /** Its clock starts at 07:00 in Paris: quiet hours. */
    static final LiveAssembleeSite LIVE = LiveAssembleeSite.upToScrutin(LAST_BEFORE);
    static final AssembleeSite SITE = LIVE.site();
    static final TestClock CLOCK = LIVE.clock();
    private static final FakeTelegramBotApi BOT_API = FakeTelegramBotApi.untilExit();
    private static long updateId = 90_000;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        LIVE.register(registry);
        registry.add("civic.telegram.api-url", BOT_API::baseUrl);
    }

    @AfterAll
    static void closeSite() {
        LIVE.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    AssembleeRefresh refresh;
    @Autowired
    JdbcFollowEvents events;
    @Autowired
    FollowDelivery delivery;
    @Autowired
    SubscriptionStore subscriptions;
    @Autowired
    ChatAddresses addresses;
    @Autowired
    ParliamentData data;

    @Test
    void newScrutinsOnTheSiteGiveEachFollowerOfADeputyWhoVotedOneDigestAndAStoppedChatNothing() throws Exception {
        refresh.refreshNow();
        long marie = 777_000_001L;
        long lea = 777_000_002L;
        long carol = 777_000_003L;
        for (long chat : new long[] {marie, lea, carol}) {
            type(chat, "suis Mathilde Panot");
            awaitAnswer(chat, "vous suivez Mathilde Panot");
            awaitAddress(chat);
        }

        SITE.serve(SCRUTINS, OfficialArchives.scrutins(), "\"scrutins-2\"");
        CLOCK.advance(Duration.ofHours(6)); // 13:00 in Paris
        refresh.refreshNow();
        assertThat(events.counts().events()).isEqualTo(LAST - LAST_BEFORE);
        events.fanOut("test", CLOCK.instant(), Duration.ofMinutes(5), 1_000);
        assertThat(delivery.pass()).as("13:00: a deputy's digest leaves at 18:00").isZero();

        type(carol, "/stop");
        awaitAnswer(carol, "Je ne vous enverrai plus aucune alerte");
        while (BOT_API.nextMessage(Duration.ofSeconds(2)) != null) {
            // the rest of the answers to typed messages, not under test
        }
        CLOCK.advance(Duration.ofHours(5)); // 18:00 in Paris
        assertThat(delivery.pass()).isEqualTo(2);

        Map<Long, List<String>> got = pushed();
        assertThat(got.keySet()).as("pushed: %s", got.get(carol)).containsExactlyInAnyOrder(marie, lea);
        assertThat(got.get(marie)).hasSize(1);
        assertThat(got.get(lea)).hasSize(1);
        // naive: each new scrutin whose raw archive lists her, with the position of the list she is in
        List<Integer> hers = IntStream.rangeClosed(LAST_BEFORE + 1, LAST)
                .filter(n -> ShippedData.listingOf(n, PANOT) != null).boxed().toList();
        assertThat(hers).isNotEmpty();
        for (String digest : List.of(got.get(marie).getFirst(), got.get(lea).getFirst())) {
            assertThat(digest).contains("Mathilde Panot");
            List<String> lines = digest.lines().filter(l -> l.startsWith("• ")).toList();
            assertThat(lines).hasSize(hers.size());
            for (int n : hers) {
                String url = data.scrutin(n).orElseThrow().pageUrl();
                assertThat(lines).filteredOn(l -> l.endsWith(" " + url)).singleElement().asString()
                        .contains(" : " + naivePosition(ShippedData.listingOf(n, PANOT)) + ", ");
            }
        }
        assertThat(delivery.pass()).as("nothing is sent twice").isZero();
    }

    private static String naivePosition(ShippedData.Listing l) {
        String phrase = switch (l.category()) {
            case "pours" -> "a voté pour";
            case "contres" -> "a voté contre";
            case "abstentions" -> "s'est abstenue";
            default -> "n'a pas pris part au vote";
        };
        return phrase + ("true".equals(l.parDelegation()) && !phrase.startsWith("n'a") ? " (par délégation)" : "");
    }

    private void awaitAddress(long chat) throws InterruptedException {
        for (int i = 0; i < 200 && addresses.chatOf(key(chat)).isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(addresses.chatOf(key(chat))).contains(chat);
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
        String json = """
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000, "chat": {"id": %d, "type": "private"},
                  "from": {"id": %d, "is_bot": false, "first_name": "Camille", "language_code": "fr"}, "text": "%s"}}"""
                .formatted(++updateId, updateId, chat, chat, text);
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/telegram/webhook"))
                .header("X-Telegram-Bot-Api-Secret-Token", "test_secret_1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        assertThat(HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    /** Waits for the bot's answer to the chat holding {@code words}; the other messages sent meanwhile are skipped. */
    private static void awaitAnswer(long chat, String words) throws InterruptedException {
        for (JsonNode m = BOT_API.nextMessage(Duration.ofSeconds(30)); m != null; m = BOT_API.nextMessage(Duration.ofSeconds(30))) {
            if (Long.parseLong(m.get("chat_id").asString()) == chat && m.get("text").asString().contains(words)) {
                return;
            }
        }
        throw new AssertionError("no answer holding: " + words);
    }

    /** Everything the fake Bot API receives within a moment, by chat. */
    private static Map<Long, List<String>> pushed() throws InterruptedException {
        Map<Long, List<String>> by = new HashMap<>();
        JsonNode m = BOT_API.nextMessage(Duration.ofSeconds(30));
        while (m != null) {
            by.computeIfAbsent(Long.parseLong(m.get("chat_id").asString()), c -> new ArrayList<>()).add(m.get("text").asString());
            m = BOT_API.nextMessage(Duration.ofSeconds(2));
        }
        return by;
    }
}
