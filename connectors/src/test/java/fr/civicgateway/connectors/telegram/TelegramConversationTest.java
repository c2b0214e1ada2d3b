package fr.civicgateway.connectors.telegram;

import static fr.civicgateway.connectors.telegram.TelegramHarness.callbackUpdate;
import static fr.civicgateway.connectors.telegram.TelegramHarness.locationUpdate;
import static fr.civicgateway.connectors.telegram.TelegramHarness.photoUpdate;
import static fr.civicgateway.connectors.telegram.TelegramHarness.textUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.civicgateway.connectors.telegram.FakeBotApi.Call;
import fr.civicgateway.core.conversation.Attachment;
import fr.civicgateway.core.conversation.GeoPoint;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.nlu.Language;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Telegram conversation against a fake Bot API: what the user would see, read from the requests the bot made. */
class TelegramConversationTest {

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
    void welcomesStartWithWhatTheBotDoesThenATwoLinePrivacyNote() {
        bot.deliver(textUpdate(1, CHAT, "/start", "fr"));

        List<Call> sent = bot.await("sendmessage", 2);
        assertThat(sent.get(0).body().path("chat_id").asText()).isEqualTo("42");
        assertThat(sent.get(0).text()).startsWith("Bonjour ! Je peux vous dire, d'après les données ouvertes de l'Assemblée nationale :");
        assertThat(buttonTitles(sent.get(0))).containsExactly("Trouver mon député", "Derniers votes", "Exemple : scrutin 3876");
        assertThat(sent.get(1).text().lines()).hasSize(2);
        assertThat(sent.get(1).text()).startsWith("Confidentialité : je garde seulement le fil de notre conversation")
                .contains("2 heures au plus après votre dernier message")
                .contains("Je n'enregistre ni votre nom, ni votre identifiant Telegram, ni vos messages dans les journaux.");
        assertThat(sent).allSatisfy(m -> assertThat(m.body().has("parse_mode")).as("plain text, nothing to escape").isFalse());
    }

    @Test
    void answersInEnglishWhenTheUsersTelegramIsInEnglish() {
        bot.deliver(textUpdate(1, CHAT, "/start@CivicGatewayBot", "en-GB"));

        List<Call> sent = bot.await("sendmessage", 2);
        assertThat(sent.get(0).text()).startsWith("Hello! From the Assemblée nationale's open data, I can tell you:");
        assertThat(sent.get(1).text()).startsWith("Privacy: I keep only the thread of our conversation")
                .contains("for at most 2 hours after your last message");
        assertThat(bot.core.received.getFirst().locale()).isEqualTo(Language.EN);
    }

    @Test
    void leavesTheLanguageToTheCoreWhenTelegramsIsOneItDoesNotSpeak() {
        bot.deliver(textUpdate(1, CHAT, "/help", "de"));

        List<Call> sent = bot.await("sendmessage", 1);
        assertThat(bot.core.received.getFirst().locale()).isNull();
        assertThat(bot.core.received.getFirst().text()).isEqualTo("aide");
        assertThat(sent.getFirst().text()).startsWith("Je peux vous dire");
    }

    @Test
    void answersAQuestionWithTheFactAndItsQuickRepliesAsAnInlineKeyboard() {
        bot.deliver(textUpdate(1, CHAT, "Résultat du scrutin 3876 ?", "fr"));

        Call answer = bot.await("sendmessage", 1).getFirst();
        assertThat(answer.text()).isEqualTo(TestDialogues.VOTE_ANSWER);
        assertThat(buttonTitles(answer)).containsExactly("Voir le scrutin", "Vote de Mathilde Panot");
        List<String> data = callbackData(answer);
        assertThat(data.get(0)).isEqualTo("p:résultat du scrutin 3876");
        assertThat(data).allSatisfy(d -> assertThat(d.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64));
        assertThat(TestDialogues.LONG_PAYLOAD.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(64);
    }

    @Test
    void acknowledgesAPressedButtonThenAnswersItsPayload() {
        bot.deliver(textUpdate(1, CHAT, "Résultat du scrutin 3876 ?", "fr"));
        String longButton = callbackData(bot.await("sendmessage", 1).getFirst()).get(1);

        bot.deliver(callbackUpdate(2, CHAT, longButton));

        assertThat(bot.await("answercallbackquery", 1).getFirst().body().path("callback_query_id").asText())
                .isEqualTo("query-2");
        assertThat(bot.await("sendmessage", 2).get(1).text())
                .isEqualTo("Mathilde Panot a voté contre le projet de loi de financement de la sécurité sociale.");
        assertThat(bot.core.received.getLast().text()).isEqualTo(TestDialogues.LONG_PAYLOAD);
    }

    @Test
    void aLongButtonPressedAfterItsHourAsksToTypeTheQuestion() {
        bot.deliver(textUpdate(1, CHAT, "Résultat du scrutin 3876 ?", "fr"));
        String longButton = callbackData(bot.await("sendmessage", 1).getFirst()).get(1);
        int questionsBefore = bot.core.received.size();

        bot.clock.advance(Duration.ofHours(1).plusSeconds(1)); // the harness keeps long buttons an hour

        bot.deliver(callbackUpdate(2, CHAT, longButton));
        assertThat(bot.await("answercallbackquery", 1)).hasSize(1);
        assertThat(bot.await("sendmessage", 2).get(1).text())
                .isEqualTo("Ce bouton n'est plus valable. Posez-moi la question par écrit, s'il vous plaît.");
        assertThat(bot.core.received).as("the expired payload never reaches the dialogue").hasSize(questionsBefore);
    }

    @Test
    void asksToTypeTheQuestionWhenAButtonIsNoLongerKnown() {
        bot.deliver(callbackUpdate(1, CHAT, "t:unknown-token"));

        assertThat(bot.await("answercallbackquery", 1)).hasSize(1);
        assertThat(bot.await("sendmessage", 1).getFirst().text())
                .isEqualTo("Ce bouton n'est plus valable. Posez-moi la question par écrit, s'il vous plaît.");
    }

    @Test
    void removesTheKeyboardOfAPressedButtonAfterTheAnswer() {
        bot.deliver(callbackUpdate(1, CHAT, "p:résultat du scrutin 3876"));

        assertThat(bot.await("sendmessage", 1).getFirst().text()).isEqualTo(TestDialogues.VOTE_ANSWER);
        Call edit = bot.await("editmessagereplymarkup", 1).getFirst();
        assertThat(edit.body().path("chat_id").asText()).isEqualTo(String.valueOf(CHAT));
        assertThat(edit.body().path("message_id").asInt()).isEqualTo(7);
        assertThat(edit.body().has("reply_markup")).isFalse();
    }

    @Test
    void ignoresAnUpdateTelegramDeliversTwice() {
        bot.deliver(textUpdate(1, CHAT, "Résultat du scrutin 3876 ?", "fr"));
        bot.deliver(textUpdate(1, CHAT, "Résultat du scrutin 3876 ?", "fr"));
        // Answers in one chat leave in order: once the next update's answer is out, a duplicate's would be too.
        bot.deliver(textUpdate(2, CHAT, "/help", "fr"));

        List<Call> sent = bot.await("sendmessage", 2);
        assertThat(sent).extracting(Call::text).containsExactly(TestDialogues.VOTE_ANSWER, sent.get(1).text());
        assertThat(sent.get(1).text()).startsWith("Je peux vous dire");
        assertThat(bot.core.received).hasSize(2);
    }

    @Test
    void retriesAMessageRefusedWith429AfterTheRetryAfterTelegramGives() {
        bot.api.answerNext("sendmessage", 429, """
                {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""");

        bot.deliver(textUpdate(1, CHAT, "Résultat du scrutin 3876 ?", "fr"));

        List<Call> sent = bot.await("sendmessage", 2);
        assertThat(sent).extracting(Call::text).containsExactly(TestDialogues.VOTE_ANSWER, TestDialogues.VOTE_ANSWER);
        assertThat(sent.get(1).body()).isEqualTo(sent.get(0).body());
        assertThat(bot.plannedWaits).anySatisfy(w -> assertThat(w).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1)));
    }

    @Test
    void retriesAServerErrorWithABackOffThenGivesUpAfterTheMaximum() {
        String error = "{\"ok\":false,\"error_code\":502,\"description\":\"Bad Gateway\"}";
        bot.api.answerNext("sendmessage", 502, error);
        bot.api.answerNext("sendmessage", 502, error);
        bot.api.answerNext("sendmessage", 502, error);

        bot.deliver(textUpdate(1, CHAT, "Résultat du scrutin 3876 ?", "fr"));
        bot.deliver(textUpdate(2, CHAT, "/help", "fr"));

        // Two retries allowed: three attempts at the first answer, then the next answer goes out.
        List<Call> sent = bot.await("sendmessage", 4);
        assertThat(sent).extracting(Call::text).startsWith(TestDialogues.VOTE_ANSWER, TestDialogues.VOTE_ANSWER,
                TestDialogues.VOTE_ANSWER);
        assertThat(sent.get(3).text()).startsWith("Je peux vous dire");
        // The planned waits are the back-off less the few microseconds spent planning them.
        assertThat(bot.plannedWaits).anySatisfy(w -> assertThat(w).isBetween(Duration.ofMillis(450), Duration.ofMillis(500)));
        assertThat(bot.plannedWaits).anySatisfy(w -> assertThat(w).isBetween(Duration.ofMillis(950), Duration.ofMillis(1000)));
    }

    @Test
    void splitsAnAnswerOverTelegramsLimitBetweenParagraphs() {
        bot.deliver(textUpdate(1, CHAT, "un long bilan", "fr"));
        String whole = TestDialogues.longText();

        List<Call> sent = awaitAllParts(whole);
        assertThat(sent).allSatisfy(m -> assertThat(m.text().length()).isLessThanOrEqualTo(4096));
        assertThat(sent).allSatisfy(m -> assertThat(m.text()).startsWith("Scrutin n° ").endsWith("adopté."));
        assertThat(String.join("\n\n", sent.stream().map(Call::text).toList())).isEqualTo(whole);
    }

    @Test
    void passesASharedLocationToTheCore() {
        bot.deliver(locationUpdate(1, CHAT, 45.8992, 6.1294));

        assertThat(bot.await("sendmessage", 1).getFirst().text()).isEqualTo("Position reçue.");
        assertThat(bot.core.received.getFirst().location()).isEqualTo(new GeoPoint(45.8992, 6.1294));
    }

    @Test
    void passesTheLargestSizeOfAPhotoToTheCoreWithItsCaption() {
        bot.deliver(TelegramHarness.photoUpdate(1, CHAT, "Le trou devant l'école"));

        bot.await("sendmessage", 1);
        IncomingMessage received = bot.core.received.getFirst();
        assertThat(received.attachment()).isEqualTo(new Attachment(Attachment.Kind.PHOTO, "large"));
        assertThat(received.text()).isEqualTo("Le trou devant l'école");
    }

    @Test
    void pushesNewsToAChatItHasHeardFromAndNotToAnUnknownOne() {
        bot.deliver(textUpdate(1, CHAT, "Résultat du scrutin 3876 ?", "fr"));
        bot.await("sendmessage", 1);
        String conversation = bot.pseudonyms.conversationId(CHAT);

        assertThat(bot.notifier.push(conversation, List.of(new Reply.Text("Du nouveau sur votre signalement : clos.")))).isTrue();
        assertThat(bot.notifier.push(bot.pseudonyms.conversationId(7777), List.of(new Reply.Text("?")))).isFalse();

        List<Call> sent = bot.await("sendmessage", 2);
        assertThat(sent.get(1).text()).isEqualTo("Du nouveau sur votre signalement : clos.");
        assertThat(sent.get(1).body().path("chat_id").asText()).isEqualTo(String.valueOf(CHAT));
    }

    @Test
    void saysWhatAPhotoIsForOutsideAReport() {
        bot.deliver(photoUpdate(1, CHAT));

        assertThat(bot.await("sendmessage", 1).getFirst().text())
                .isEqualTo("Une photo ne sert que dans un signalement : écrivez d'abord « signaler un problème », puis "
                        + "envoyez-la quand je demande les détails.");
    }

    @Test
    void saysWhatItReadsWhenSentASticker() {
        bot.deliver(TelegramHarness.stickerUpdate(1, CHAT));

        assertThat(bot.await("sendmessage", 1).getFirst().text()).startsWith("Je lis les messages écrits et les positions partagées");
    }

    @Test
    void staysSilentOnAGroupsServiceMessages() {
        bot.deliver(TelegramHarness.memberJoinedUpdate(1, -1001));
        bot.deliver(textUpdate(2, CHAT, "/help", "fr"));

        assertThat(bot.await("sendmessage", 1)).singleElement()
                .satisfies(m -> assertThat(m.body().path("chat_id").asText()).isEqualTo("42"));
        assertThat(bot.core.received).hasSize(1);
    }

    @Test
    void apologisesWhenAnAnswerFailsAndAnswersTheNextMessage() {
        bot.deliver(textUpdate(1, CHAT, "boom", "fr"));
        bot.deliver(textUpdate(2, CHAT, "Résultat du scrutin 3876 ?", "fr"));

        List<Call> sent = bot.await("sendmessage", 2);
        assertThat(sent).extracting(Call::text).containsExactly(
                "Désolé, une erreur m'empêche de répondre pour le moment. Réessayez dans un instant.",
                TestDialogues.VOTE_ANSWER);
    }

    @Test
    void showsTypingWhileASlowAnswerIsPrepared() {
        bot.deliver(textUpdate(1, CHAT, "une réponse lente", "fr"));

        assertThat(bot.await("sendmessage", 1).getFirst().text()).isEqualTo("Réponse lente.");
        Call typing = bot.await("sendchataction", 1).getFirst();
        assertThat(typing.body().path("action").asText()).isEqualTo("typing");
        assertThat(bot.api.calls().indexOf(typing)).isLessThan(bot.api.calls().indexOf(bot.api.calls("sendmessage").getFirst()));
    }

    @Test
    void keysTheConversationByAPseudonymNotByTheTelegramChatId() {
        bot.deliver(textUpdate(1, 987654321, "Résultat du scrutin 3876 ?", "fr"));
        bot.deliver(textUpdate(2, 987654321, "/help", "fr"));
        bot.deliver(textUpdate(3, 555, "/help", "fr"));
        bot.await("sendmessage", 3);

        List<String> ids = bot.core.received.stream().map(IncomingMessage::conversationId).toList();
        String first = bot.pseudonyms.conversationId(987654321);
        String second = bot.pseudonyms.conversationId(555);
        assertThat(ids).containsExactlyInAnyOrder(first, first, second);
        assertThat(first).isNotEqualTo(second).matches("[A-Za-z0-9_-]{43}").doesNotContain("987654321");
        assertThat(bot.core.received).allSatisfy(m -> assertThat(m.channel()).isEqualTo("telegram"));
    }

    private List<Call> awaitAllParts(String whole) {
        int expected = (whole.length() / 4096) + 1;
        return bot.await("sendmessage", expected);
    }

    private static List<String> buttonTitles(Call message) {
        return buttons(message).stream().map(b -> b.path("text").asText()).toList();
    }

    private static List<String> callbackData(Call message) {
        return buttons(message).stream().map(b -> b.path("callback_data").asText()).toList();
    }

    private static List<JsonNode> buttons(Call message) {
        java.util.ArrayList<JsonNode> buttons = new java.util.ArrayList<>();
        message.body().path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(buttons::add));
        return buttons;
    }
}
