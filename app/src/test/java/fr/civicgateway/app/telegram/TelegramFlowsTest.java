package fr.civicgateway.app.telegram;

import fr.civicgateway.app.support.ChatClient;
import fr.civicgateway.app.support.FakeTelegramBotApi;
import java.time.Duration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two multi-turn flows over Telegram (webhook mode, MockWebServer as the Bot API): the shipped consultation
 * answered with inline buttons, the stored pseudonym holding nothing of the chat id; and a problem reported with a
 * shared location, read back over Open311.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civic.data.directory=${civic.repository-root}/data",
        "civic.consultations.directory=${civic.repository-root}/config/consultations",
        "TELEGRAM_BOT_TOKEN=123456:TEST-token",
        "TELEGRAM_WEBHOOK_SECRET=test_secret_1",
        "CIVIC_PSEUDONYM_SECRET=a test key of sixteen bytes or more",
        "CIVIC_ADMIN_TOKEN=test-admin-token",
        "civic.telegram.mode=webhook",
        "civic.telegram.per-chat-interval=10ms"})
class TelegramFlowsTest {

    private static final long CHAT = 987654321L;
    /** Another citizen's chat, for the report: each test has its own conversation. */
    private static final long REPORTER = 987654322L;
    /** Shared with {@link TelegramFlowsOnPostgresTest}, which runs the same scenarios: closed when the JVM exits. */
    static final FakeTelegramBotApi BOT_API = FakeTelegramBotApi.untilExit();

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void botApi(DynamicPropertyRegistry registry) {
        registry.add("civic.telegram.api-url", BOT_API::baseUrl);
    }

    @LocalServerPort
    int port;
    /** Shared by every test of the class: the gateway rightly ignores an update_id it has already seen. */
    private static long updateId = 9000;

    private HttpResponse<String> http(String path, String json, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            b = b.headers(headers);
        }
        b = json == null ? b.GET() : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends an update through the webhook and returns the sendMessage calls that answer it. */
    private List<JsonNode> update(String json) throws Exception {
        assertThat(http("/telegram/webhook", json, "X-Telegram-Bot-Api-Secret-Token", "test_secret_1").statusCode()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        JsonNode first = BOT_API.nextMessage(Duration.ofSeconds(30));
        assertThat(first).as("an answer from the bot").isNotNull();
        out.add(first);
        JsonNode more;
        while ((more = BOT_API.nextMessage(Duration.ofMillis(700))) != null) {
            out.add(more);
        }
        return out;
    }

    private JsonNode type(String text) throws Exception {
        return type(CHAT, text);
    }

    private JsonNode type(long chat, String text) throws Exception {
        return update("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000, "chat": {"id": %d, "type": "private"},
                  "from": {"id": %d, "is_bot": false, "first_name": "Camille", "language_code": "fr"}, "text": "%s"}}"""
                .formatted(++updateId, updateId, chat, chat, text)).getLast();
    }

    private JsonNode press(JsonNode message, String title) throws Exception {
        return press(CHAT, message, title);
    }

    private JsonNode press(long chat, JsonNode message, String title) throws Exception {
        String data = null;
        for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.get("text").asString().equals(title)) {
                    data = button.get("callback_data").asString();
                }
            }
        }
        assertThat(data).as("a button titled " + title + " under: " + message.get("text").asString()).isNotNull();
        return update("""
                {"update_id": %d, "callback_query": {"id": "cb-%d", "chat_instance": "ci",
                  "from": {"id": %d, "is_bot": false, "first_name": "Camille", "language_code": "fr"},
                  "message": {"message_id": 7, "date": 1700000000, "chat": {"id": %d, "type": "private"}, "text": "…"},
                  "data": "%s"}}""".formatted(++updateId, updateId, chat, chat, data)).getLast();
    }

    @Test
    void aTelegramUserAnswersWithButtonsAndIsStoredUnderAPseudonymThatHoldsNoChatId() throws Exception {
        JsonNode list = type("Je veux participer à une consultation");
        assertThat(list.get("text").asString()).startsWith("Une consultation est ouverte :");
        JsonNode q1 = press(list, "Une piste cyclable avenue des Alpes");
        assertThat(q1.get("text").asString()).isEqualTo("Question 1/4 : Comment empruntez-vous le plus souvent l'avenue des Alpes ?");
        JsonNode q2 = press(q1, "En bus");
        JsonNode ticked = press(q2, "Le bruit et la pollution");
        assertThat(ticked.get("text").asString()).endsWith("Choisi : Le bruit et la pollution.");
        JsonNode q3 = press(ticked, "Valider");
        JsonNode q4 = press(q3, "4");
        assertThat(q4.get("text").asString()).startsWith("Question 4/4 : Une remarque ou une suggestion sur le projet ?");
        JsonNode review = type("Un arrêt de bus protégé, merci");
        assertThat(review.get("text").asString()).contains("1. Comment empruntez-vous le plus souvent l'avenue des Alpes ? → En bus")
                .contains("4. Une remarque ou une suggestion sur le projet ? → « Un arrêt de bus protégé, merci »");
        assertThat(press(review, "Envoyer").get("text").asString())
                .isEqualTo("Merci, votre réponse est enregistrée. Vous pourrez la modifier jusqu'au 31 janvier 2027 inclus.");

        HttpResponse<String> export = http("/api/v1/admin/consultations/piste-cyclable-avenue-des-alpes/export.json", null,
                "Authorization", "Bearer test-admin-token");
        JsonNode mine = null;
        for (JsonNode s : ChatClient.json(export.body()).get("submissions")) {
            if (s.path("answers").path("remarque").path("text").asString("").equals("Un arrêt de bus protégé, merci")) {
                mine = s;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(export.body()).doesNotContain(String.valueOf(CHAT)).doesNotContain("telegram:");
        assertThat(mine.get("pseudonym").asString()).matches("[A-Za-z0-9_-]{43}");

        type("Je veux participer à une consultation");
        JsonNode already = type("piste-cyclable-avenue-des-alpes");
        assertThat(already.get("text").asString()).startsWith("Vous avez déjà répondu à la consultation « Une piste cyclable avenue des Alpes »");
    }

    private JsonNode shareLocation(double latitude, double longitude) throws Exception {
        return update("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000, "chat": {"id": %d, "type": "private"},
                  "from": {"id": %d, "is_bot": false, "first_name": "Camille", "language_code": "fr"},
                  "location": {"latitude": %s, "longitude": %s}}}"""
                .formatted(++updateId, updateId, REPORTER, REPORTER, latitude, longitude)).getLast();
    }

    private JsonNode shareContact(String phoneNumber, long userId) throws Exception {
        return update("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1700000000, "chat": {"id": %d, "type": "private"},
                  "from": {"id": %d, "is_bot": false, "first_name": "Camille", "language_code": "fr"},
                  "contact": {"phone_number": "%s", "first_name": "Camille", "user_id": %d}}}"""
                .formatted(++updateId, updateId, REPORTER, REPORTER, phoneNumber, userId)).getLast();
    }

    private JsonNode typeAsReporter(String text) throws Exception {
        return type(REPORTER, text);
    }

    @Test
    void aTelegramUserReportsABrokenStreetlightAtTheirSharedLocation() throws Exception {
        JsonNode what = typeAsReporter("Je veux signaler un problème");
        assertThat(what.get("text").asString()).endsWith("Quel type de problème voulez-vous signaler ?");
        JsonNode where = press(REPORTER, what, "Éclairage public en panne");
        assertThat(where.get("text").asString()).startsWith("Où se trouve le problème ?")
                .endsWith(", ou partagez votre position avec le bouton ci-dessous.");
        JsonNode locationButton = where.path("reply_markup").path("keyboard").get(0).get(0);
        assertThat(locationButton.get("text").asString()).isEqualTo("📍 Partager ma position");
        assertThat(locationButton.get("request_location").asBoolean()).as("Telegram's share-location button").isTrue();
        assertThat(where.path("reply_markup").path("one_time_keyboard").asBoolean()).isTrue();
        JsonNode describe = shareLocation(45.8992, 6.1294);
        assertThat(describe.get("text").asString()).contains("Décrivez le problème");
        JsonNode contact = typeAsReporter("Le lampadaire devant l'école ne s'allume plus depuis lundi");
        assertThat(contact.get("text").asString()).startsWith("Voulez-vous être recontacté(e)");
        JsonNode keyboard = contact.path("reply_markup").path("keyboard");
        assertThat(keyboard.get(0).get(0).get("text").asString()).isEqualTo("📞 Partager mon numéro");
        assertThat(keyboard.get(0).get(0).get("request_contact").asBoolean()).as("Telegram's share-contact button").isTrue();
        assertThat(keyboard.get(1).get(0).get("text").asString()).isEqualTo("Non merci");
        // Someone else's card from the address book is not the reporter's contact.
        assertThat(shareContact("33698765432", 5550001L).get("text").asString()).doesNotStartWith("Récapitulatif");
        JsonNode summary = shareContact("33612345678", REPORTER);
        assertThat(summary.get("text").asString()).startsWith("Récapitulatif de votre signalement :")
                .contains("• Type : Éclairage public en panne")
                .contains("• Contact : +33612345678");
        String done = press(REPORTER, summary, "Envoyer").get("text").asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^Merci, votre signalement n° (\\d+) est enregistré").matcher(done);
        assertThat(m.find()).as(done).isTrue();

        JsonNode stored = ChatClient.json(http("/open311/v2/requests/" + m.group(1) + ".json", null).body()).get(0);
        assertThat(stored.get("description").asString()).isEqualTo("Le lampadaire devant l'école ne s'allume plus depuis lundi");
        assertThat(stored.get("lat").asDouble()).isEqualTo(45.8992);
        assertThat(stored.get("long").asDouble()).isEqualTo(6.1294);
    }
}
