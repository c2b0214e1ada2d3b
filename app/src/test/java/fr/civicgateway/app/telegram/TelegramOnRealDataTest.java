package fr.civicgateway.app.telegram;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.FakeTelegramBotApi;
import java.time.Duration;
import java.util.List;
import fr.civicgateway.opendata.testing.ShippedData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Telegram conversation with the whole gateway on the shipped data, in webhook mode, with MockWebServer standing
 * in for the Bot API: updates go in through the webhook, answers come out as recorded {@code sendMessage} calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "civic.local.directory=${civic.repository-root}/config/adapters",
        "civic.local.base-directory=${civic.repository-root}",
        "TELEGRAM_BOT_TOKEN=123456:TEST-token",
        "TELEGRAM_WEBHOOK_SECRET=test_secret_1",
        "CIVIC_PSEUDONYM_SECRET=a test key of sixteen bytes or more",
        "civic.telegram.mode=webhook",
        "civic.telegram.per-chat-interval=10ms"})
class TelegramOnRealDataTest {

    private static final FakeTelegramBotApi BOT_API = new FakeTelegramBotApi();

    @DynamicPropertySource
    static void botApi(DynamicPropertyRegistry registry) {
        registry.add("civic.telegram.api-url", BOT_API::baseUrl);
    }

    @AfterAll
    static void stopBotApi() {
        BOT_API.close();
    }

    @LocalServerPort
    int port;

    private int webhook(String updateJson) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/telegram/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", "test_secret_1")
                .POST(HttpRequest.BodyPublishers.ofString(updateJson)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String message(long updateId, long chatId, String text) {
        return """
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000,
                  "chat": {"id": %d, "type": "private"},
                  "from": {"id": %d, "is_bot": false, "first_name": "Camille", "language_code": "fr"},
                  "text": "%s"}}""".formatted(updateId, updateId, chatId, chatId, text);
    }

    private static JsonNode next(String method) throws InterruptedException {
        while (true) {
            FakeTelegramBotApi.Call call = BOT_API.poll(Duration.ofSeconds(30));
            assertThat(call).as("a " + method + " call to the Bot API").isNotNull();
            if (call.method().equals(method)) {
                return call.body();
            }
        }
    }


    @Test
    void welcomesAnswersTheRightFactAndAnswersAPressedButtonOnce() throws Exception {
        assertThat(webhook(message(5001, 4242, "/start"))).isEqualTo(200);
        // /start answers with the welcome, then a two-line privacy note: wait for both, however slow the machine.
        assertThat(next("sendmessage").get("text").asString()).contains("Bonjour").contains("Assemblée nationale");
        assertThat(next("sendmessage").get("text").asString()).startsWith("Confidentialité");

        String listing = ShippedData.listing(ShippedData.scrutin(3876), "PA720892");
        String expected = "pours".equals(listing) ? "a voté pour" : "contres".equals(listing) ? "a voté contre"
                : "abstentions".equals(listing) ? "s'est abstenue" : "n'a pas pris part au vote";
        assertThat(webhook(message(5002, 4242, "Comment a voté Mathilde Panot au scrutin 3876 ?"))).isEqualTo(200);
        JsonNode answer = next("sendmessage");
        assertThat(answer.get("chat_id").asString()).isEqualTo("4242");
        assertThat(answer.get("text").asString()).startsWith("Mathilde Panot " + expected + " lors du scrutin n° 3876");
        JsonNode button = answer.path("reply_markup").path("inline_keyboard").get(0).get(0);
        assertThat(button.get("text").asString()).isEqualTo("Résultat du scrutin");

        // The same update delivered again is ignored; the press of the button is answered, with the result.
        assertThat(webhook(message(5002, 4242, "Comment a voté Mathilde Panot au scrutin 3876 ?"))).isEqualTo(200);
        String callback = """
                {"update_id": 5003, "callback_query": {"id": "cb-1", "chat_instance": "ci",
                  "from": {"id": 4242, "is_bot": false, "first_name": "Camille", "language_code": "fr"},
                  "message": {"message_id": 7, "date": 1700000000, "chat": {"id": 4242, "type": "private"}, "text": "…"},
                  "data": "%s"}}""".formatted(button.get("callback_data").asString());
        assertThat(webhook(callback)).isEqualTo(200);

        // The acknowledgement is sent at once but outside the answers' queue, so it may reach the Bot API before,
        // between or after the answers: any order stops the button's spinner. The redelivered message is ignored.
        List<FakeTelegramBotApi.Call> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            FakeTelegramBotApi.Call call = BOT_API.poll(Duration.ofSeconds(30));
            assertThat(call).as("call " + (i + 1) + " of 3: the acknowledgement, the result, its chart").isNotNull();
            calls.add(call);
        }
        assertThat(calls).extracting(FakeTelegramBotApi.Call::method).as("one acknowledgement")
                .containsOnlyOnce("answercallbackquery");
        List<FakeTelegramBotApi.Call> answers = calls.stream()
                .filter(c -> !c.method().equals("answercallbackquery")).toList();
        JsonNode synthese = ShippedData.scrutin(3876).path("syntheseVote").path("decompte");
        assertThat(answers.get(0).method()).isEqualTo("sendmessage");
        String result = answers.get(0).body().get("text").asString();
        assertThat(result).contains("(" + synthese.get("pour").asString() + " pour, " + synthese.get("contre").asString()
                + " contre, " + synthese.get("abstentions").asString() + " abstentions)");
        // Then the chart of the votes by group: a photo when the application makes PNGs, else its caption as a text.
        FakeTelegramBotApi.Call chart = answers.get(1);
        assertThat(chart.method()).isIn("sendphoto", "sendmessage");
        assertThat(chart.body().path(chart.method().equals("sendphoto") ? "caption" : "text").asString())
                .startsWith("Scrutin n° 3876, votes par groupe [pour/contre/abstentions] : ");
        assertThat(BOT_API.poll(Duration.ofSeconds(1))).as("nothing else was sent").isNull();
    }

    private static String callback(long updateId, long chatId, String data) {
        return """
                {"update_id": %d, "callback_query": {"id": "cb-%d", "chat_instance": "ci",
                  "from": {"id": %d, "is_bot": false, "first_name": "Camille", "language_code": "fr"},
                  "message": {"message_id": 7, "date": 1700000000, "chat": {"id": %d, "type": "private"}, "text": "…"},
                  "data": "%s"}}""".formatted(updateId, updateId, chatId, chatId, data);
    }

    /** "à 350 m" → 350, "à 1,2 km" → 1200. */
    private static double metres(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:à (\\d+) m|à (\\d+(?:,\\d)?) km|à moins de 50 m)$")
                .matcher(line);
        assertThat(m.find()).as("a distance at the end of " + line).isTrue();
        return m.group(1) != null ? Double.parseDouble(m.group(1))
                : m.group(2) != null ? Double.parseDouble(m.group(2).replace(',', '.')) * 1000 : 0;
    }

    @Test
    void ranksTheWorksitesNearASharedLocationAndPagesOnWithItsButton() throws Exception {
        long chat = 4343;
        assertThat(webhook(message(6001, chat, "des chantiers près de chez moi ?"))).isEqualTo(200);
        assertThat(next("sendmessage").get("text").asString())
                .startsWith("Pour vous donner les chantiers les plus proches, partagez votre position (bouton « 📍 Partager ma position »)");

        // The first worksite of the shipped export is at 48.8723005, 2.3930558 (its geo_point_2d).
        assertThat(webhook("""
                {"update_id": 6002, "message": {"message_id": 6002, "date": 1700000000,
                  "chat": {"id": %d, "type": "private"},
                  "from": {"id": %d, "is_bot": false, "first_name": "Camille", "language_code": "fr"},
                  "location": {"latitude": 48.8723005, "longitude": 2.3930558}}}""".formatted(chat, chat)))
                .isEqualTo(200);
        JsonNode nearest = next("sendmessage");
        String text = nearest.get("text").asString();
        java.util.List<String> items = text.lines().filter(l -> l.startsWith("• ")).toList();
        assertThat(text).startsWith("Les chantiers les plus proches de votre position :")
                .contains("Les projets de Ville de Paris ne donnent pas de position");
        assertThat(items).hasSize(3);
        assertThat(metres(items.get(0))).isLessThanOrEqualTo(metres(items.get(1)));
        assertThat(metres(items.get(1))).isLessThanOrEqualTo(metres(items.get(2)));
        JsonNode more = nearest.path("reply_markup").path("inline_keyboard").get(0).get(0);
        assertThat(more.get("text").asString()).isEqualTo("Voir plus");
        // Short enough for Telegram's callback data: the rounded position is in the button, not kept by the gateway.
        assertThat(more.get("callback_data").asString()).isEqualTo("p:projets et chantiers près de 48.872,2.393 (2)");

        assertThat(webhook(callback(6003, chat, more.get("callback_data").asString()))).isEqualTo(200);
        String second = next("sendmessage").get("text").asString();
        java.util.List<String> next = second.lines().filter(l -> l.startsWith("• ")).toList();
        assertThat(second).startsWith("Les chantiers les plus proches de votre position (suite) :");
        assertThat(next).hasSize(3).doesNotContainAnyElementsOf(items);
        assertThat(metres(next.getFirst())).isGreaterThanOrEqualTo(metres(items.getLast()));
    }
}
