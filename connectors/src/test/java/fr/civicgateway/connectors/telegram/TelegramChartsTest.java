package fr.civicgateway.connectors.telegram;

import static fr.civicgateway.connectors.telegram.TelegramHarness.textUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.connectors.telegram.FakeBotApi.Call;
import fr.civicgateway.core.conversation.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A chart after its answer on Telegram: the text first, then the PNG as a {@code sendPhoto} upload with its caption,
 * through the same durable, rate-limited queue as texts; the caption as a text when there is no picture to send.
 */
class TelegramChartsTest {

    private static final long CHAT = 42;
    private TelegramHarness bot;

    @BeforeEach
    void start() throws Exception {
        bot = new TelegramHarness();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void sendsTheAnswerThenItsChartAsAPhotoWithItsCaption() {
        bot.deliver(textUpdate(1, CHAT, "Quelle est la participation de Mathilde Panot ?", "fr"));

        Call photo = bot.await("sendphoto", 1).getFirst();
        List<Call> sent = bot.api.calls().stream().filter(c -> c.method().startsWith("send")).toList();
        assertThat(sent).extracting(Call::method).containsExactly("sendmessage", "sendphoto");
        assertThat(sent.getFirst().text()).isEqualTo(TestDialogues.PARTICIPATION_ANSWER);
        assertThat(sent.getFirst().body().has("reply_markup")).as("the buttons stay under the text").isTrue();
        assertThat(photo.body().path("chat_id").asText()).isEqualTo("42");
        assertThat(photo.caption()).isEqualTo(TestDialogues.PARTICIPATION_CAPTION);
        assertThat(photo.body().path("photo.filename").asText()).isEqualTo("chart.png");
        assertThat(photo.body().path("photo.png").asBoolean()).as("the bytes are a PNG").isTrue();
        assertThat(photo.body().path("photo.size").asInt()).isEqualTo(64);
        assertThat(bot.charts.asked).containsExactly(TestDialogues.PARTICIPATION_CHART + " fr");
    }

    @Test
    void retriesAPhotoAfterTheRetryAfterTelegramAsksFor() {
        bot.api.tooManyRequestsFor("sendphoto", CHAT, 1, 7);

        bot.deliver(textUpdate(1, CHAT, "Quelle est la participation de Mathilde Panot ?", "fr"));

        List<Call> photos = bot.await("sendphoto", 2);
        assertThat(bot.plannedWaits).anySatisfy(w -> assertThat(w).isBetween(Duration.ofMillis(6900), Duration.ofSeconds(7)));
        assertThat(photos).allSatisfy(p -> assertThat(p.body().path("photo.png").asBoolean())
                .as("the picture is uploaded again in full").isTrue());
        assertThat(bot.api.calls("sendmessage")).extracting(Call::text).containsExactly(TestDialogues.PARTICIPATION_ANSWER);
    }

    @Test
    void sendsTheCaptionAsATextWhenTelegramRefusesThePicture() {
        bot.api.answerNext("sendphoto", 400, "{\"ok\":false,\"error_code\":400,"
                + "\"description\":\"Bad Request: PHOTO_INVALID_DIMENSIONS\"}");

        bot.deliver(textUpdate(1, CHAT, "Quelle est la participation de Mathilde Panot ?", "fr"));

        assertThat(bot.await("sendmessage", 2)).extracting(Call::text)
                .containsExactly(TestDialogues.PARTICIPATION_ANSWER, TestDialogues.PARTICIPATION_CAPTION);
        assertThat(bot.api.calls("sendphoto")).hasSize(1);
    }

    @Test
    void sendsTheCaptionAsATextWhenThePictureCannotBeMade() {
        bot.charts.unavailable = true;

        bot.deliver(textUpdate(1, CHAT, "Quelle est la participation de Mathilde Panot ?", "fr"));

        assertThat(bot.await("sendmessage", 2)).extracting(Call::text)
                .containsExactly(TestDialogues.PARTICIPATION_ANSWER, TestDialogues.PARTICIPATION_CAPTION);
        assertThat(bot.api.calls("sendphoto")).isEmpty();
    }

    @Test
    void aChartLeftUnsentByAStoppedInstanceIsSentOnceAfterTheRestart() throws Exception {
        // The instance that stops: its queue runs only when the test says, here for the text alone.
        ManualScheduler stopped = new ManualScheduler();
        TelegramOutbox before = new TelegramOutbox(bot.client, bot.store, bot.json.mapper(), "stopped-instance",
                bot.clock, stopped, Ticker.systemTicker(), bot.pseudonyms, TelegramHarness.limits(2), bot.charts);
        before.submit(null, new ReplyRenderer(bot.buttons).render(CHAT, List.of(
                new Reply.Text(TestDialogues.PARTICIPATION_ANSWER),
                new Reply.Chart(TestDialogues.PARTICIPATION_CHART, Locale.FRENCH, "Graphique en barres.",
                        TestDialogues.PARTICIPATION_CAPTION))));
        stopped.runNext();
        bot.await("sendmessage", 1);
        for (int i = 0; i < 500 && before.pending() > 1; i++) {
            Thread.sleep(10); // the text's acknowledgement is recorded on the HTTP client's thread
        }
        assertThat(before.pending()).as("the chart still waits").isEqualTo(1);
        assertThat(bot.api.calls("sendphoto")).isEmpty();

        // The restarted instance takes over what is stored: the chart by its path and language, not its bytes.
        TelegramHarness.Rebuilt after = bot.rebuildWith(bot.store);
        assertThat(after.outbox().recover(true)).isEqualTo(1);

        Call photo = bot.await("sendphoto", 1).getFirst();
        assertThat(photo.caption()).isEqualTo(TestDialogues.PARTICIPATION_CAPTION);
        for (int i = 0; i < 500 && after.outbox().pending() > 0; i++) {
            Thread.sleep(10);
        }
        assertThat(bot.store.takeOver("anyone", Instant.parse("2030-01-01T00:00:00Z"), Duration.ofMinutes(1), true))
                .as("nothing left to send").isEmpty();
        assertThat(bot.api.calls("sendphoto")).hasSize(1);
        assertThat(bot.api.calls("sendmessage")).extracting(Call::text).containsExactly(TestDialogues.PARTICIPATION_ANSWER);
    }

    @Test
    void storesAChartByItsPathAndLanguageNotItsBytes() throws Exception {
        TelegramOutbox neverSends = new TelegramOutbox(bot.client, bot.store, bot.json.mapper(), "idle",
                bot.clock, new ManualScheduler(), Ticker.systemTicker(), bot.pseudonyms, TelegramHarness.limits(2),
                bot.charts);

        neverSends.submit(null, new ReplyRenderer(bot.buttons).render(CHAT, List.of(
                new Reply.Chart(TestDialogues.PARTICIPATION_CHART, Locale.ENGLISH, "Bar chart.", "Participation."))));

        List<TelegramStore.Stored> stored = bot.store.takeOver("inspector", Instant.parse("2030-01-01T00:00:00Z"),
                Duration.ofMinutes(1), true);
        assertThat(stored).singleElement().satisfies(s -> {
            assertThat(s.method()).isEqualTo(ChartPhoto.PATH);
            assertThat(bot.json.mapper().readTree(s.body()).path("chart").asText()).isEqualTo(TestDialogues.PARTICIPATION_CHART);
            assertThat(bot.json.mapper().readTree(s.body()).path("locale").asText()).isEqualTo("en");
            assertThat(bot.json.mapper().readTree(s.body()).path("caption").asText()).isEqualTo("Participation.");
        });
        assertThat(bot.charts.asked).as("no picture made before its turn").isEmpty();
    }
}
