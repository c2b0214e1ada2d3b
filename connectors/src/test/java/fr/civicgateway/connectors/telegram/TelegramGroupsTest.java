package fr.civicgateway.connectors.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.connectors.telegram.FakeBotApi.Call;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot in Telegram groups, and the membership changes Telegram reports: what is answered, in which conversation,
 * where the answer goes, and when the bot stops writing to a chat.
 */
class TelegramGroupsTest {

    private static final long GROUP = -1001234;
    private static final long ALICE = 501;
    private static final long BOB = 502;
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
    void answersOnlyCommandsForItMentionsAndRepliesToItsMessagesNeverOtherChatter() throws Exception {
        deliverAll(
                groupText(1, ALICE, "Bonjour tout le monde", null),
                groupText(2, ALICE, "/help@OtherBot", null),
                groupText(3, ALICE, "Résultat du scrutin 3876 ?", null),
                groupText(4, ALICE, "Résultat du scrutin 3876 ? (réponse à Bob)", BOB),
                groupText(5, ALICE, "/help@CivicGatewayBot", null),
                groupText(6, ALICE, "@CivicGatewayBot résultat du scrutin 3876 ?", null),
                groupText(7, BOB, "Et le scrutin 3876 ?", 123456L));

        List<Call> sent = bot.await("sendmessage", 3);
        assertThat(bot.core.received).extracting(IncomingMessage::text)
                .containsExactly("aide", "résultat du scrutin 3876 ?", "Et le scrutin 3876 ?");
        assertThat(sent).hasSize(3);
    }

    @Test
    void givesEachMemberTheirOwnConversationAndOneConsultationIdentityWhateverTheChat() throws Exception {
        deliverAll(groupText(1, ALICE, "@CivicGatewayBot résultat du scrutin 3876 ?", null),
                groupText(2, BOB, "@CivicGatewayBot résultat du scrutin 3876 ?", null),
                TelegramHarness.textUpdate(3, ALICE, "Résultat du scrutin 3876 ?", "fr"));
        bot.await("sendmessage", 3);

        IncomingMessage alice = bot.core.received.get(0);
        IncomingMessage bob = bot.core.received.get(1);
        IncomingMessage alicePrivately = bot.core.received.get(2);
        assertThat(alice.conversationId()).isNotEqualTo(bob.conversationId()).isNotEqualTo(alicePrivately.conversationId());
        // One person, one consultation answer: Alice is the same person in the group and in her private chat.
        assertThat(alice.personKey()).isEqualTo(alicePrivately.personKey()).isNotEqualTo(bob.personKey());
    }

    @Test
    void answersInTheMessagesForumTopicAsAReplyToIt() throws Exception {
        bot.deliver(topicText(9, ALICE, 77, "@CivicGatewayBot résultat du scrutin 3876 ?")).get(10, TimeUnit.SECONDS);

        Call answer = bot.await("sendmessage", 1).getFirst();
        assertThat(answer.text()).isEqualTo(TestDialogues.VOTE_ANSWER);
        assertThat(answer.body().path("message_thread_id").asInt()).isEqualTo(77);
        assertThat(answer.body().path("reply_parameters").path("message_id").asInt()).isEqualTo(9);
        assertThat(answer.body().path("link_preview_options").path("is_disabled").asBoolean()).isTrue();
    }

    @Test
    void saysHelloWhenAddedToAGroupAndHowToAddressIt() throws Exception {
        bot.deliver(membership(1, GROUP, "supergroup", "left", "member")).get(10, TimeUnit.SECONDS);

        assertThat(bot.await("sendmessage", 1).getFirst().text())
                .startsWith("Bonjour à toutes et à tous !")
                .contains("mentionnez-moi (@CivicGatewayBot)", "/help@CivicGatewayBot");
    }

    @Test
    void stopsPushingToAChatThatBlockedTheBotAndDropsWhatWasQueuedForIt() throws Exception {
        bot.deliver(TelegramHarness.textUpdate(1, ALICE, "Résultat du scrutin 3876 ?", "fr")).get(10, TimeUnit.SECONDS);
        bot.await("sendmessage", 1);
        String conversation = bot.core.received.getFirst().conversationId();
        // A message owed to her chat and not sent yet (left by an instance that stopped before sending it).
        bot.store.complete(null, "a-stopped-instance", List.of(new TelegramStore.Outgoing(ALICE, "sendmessage",
                "{\"chat_id\":\"501\",\"text\":\"Votre signalement n° 3 est résolu.\"}")), bot.clock.instant(),
                Duration.ofMinutes(1));

        bot.deliver(membership(2, ALICE, "private", "member", "kicked")).get(10, TimeUnit.SECONDS);

        assertThat(bot.store.takeOver("x", bot.clock.instant().plus(Duration.ofDays(1)), Duration.ofMinutes(1), true))
                .as("messages still owed to the chat").isEmpty();
        assertThat(bot.notifier.push(conversation, List.of(new Reply.Text("Votre signalement n° 4 est résolu.")))).isFalse();
        assertThat(bot.api.calls("sendmessage")).hasSize(1);
    }

    @Test
    void stopSaysWhatItStopsAndNewsAreNoLongerPushed() throws Exception {
        bot.deliver(TelegramHarness.textUpdate(1, ALICE, "/stop", "fr")).get(10, TimeUnit.SECONDS);
        String text = bot.await("sendmessage", 1).getFirst().text();
        assertThat(text).startsWith("C'est noté : je ne vous enverrai plus rien de moi-même ici");
        // the core hears it too, to delete what the conversation follows
        assertThat(bot.core.received).extracting(m -> m.text()).containsExactly("/stop");

        String conversation = new ChatPseudonyms("a test key of more than sixteen bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .conversationId(ALICE);
        assertThat(bot.notifier.push(conversation, List.of(new Reply.Text("Votre signalement n° 3 est résolu.")))).isFalse();
    }

    @Test
    void theFollowCommandsReachTheCoreAsItsOwnWords() throws Exception {
        bot.deliver(TelegramHarness.textUpdate(1, ALICE, "/suivre Mathilde Panot", "fr")).get(10, TimeUnit.SECONDS);
        bot.deliver(TelegramHarness.textUpdate(2, ALICE, "/suivre", "fr")).get(10, TimeUnit.SECONDS);
        bot.deliver(TelegramHarness.textUpdate(3, ALICE, "/abonnements", "fr")).get(10, TimeUnit.SECONDS);
        bot.await("sendmessage", 3);
        assertThat(bot.core.received).extracting(m -> m.text())
                .containsExactly("suivre Mathilde Panot", "/suivre", "/abonnements");
        assertThat(bot.core.received.getFirst().capabilities().canPush()).isTrue();
    }

    @Test
    void aPersonFloodingTheBotIsSlowedAndToldOnceWhileOthersAreAnswered() throws Exception {
        for (int i = 1; i <= 14; i++) {
            bot.deliver(TelegramHarness.textUpdate(i, ALICE, "Résultat du scrutin 3876 ?", "fr")).get(10, TimeUnit.SECONDS);
        }
        bot.deliver(TelegramHarness.textUpdate(15, BOB, "Résultat du scrutin 3876 ?", "fr")).get(10, TimeUnit.SECONDS);

        List<Call> sent = bot.await("sendmessage", 12);
        assertThat(bot.core.received).filteredOn(m -> m.conversationId().equals(bot.pseudonyms.conversationId(ALICE))).hasSize(10);
        assertThat(bot.core.received).filteredOn(m -> m.conversationId().equals(bot.pseudonyms.conversationId(BOB))).hasSize(1);
        assertThat(sent).filteredOn(c -> c.text().startsWith("Vous m'écrivez très vite")).hasSize(1)
                .allSatisfy(c -> assertThat(c.body().path("chat_id").asLong()).isEqualTo(ALICE));

        // Once the bucket has refilled, she is answered again.
        bot.limiterNanos.addAndGet(Duration.ofSeconds(1).toNanos());
        bot.deliver(TelegramHarness.textUpdate(16, ALICE, "Résultat du scrutin 3876 ?", "fr")).get(10, TimeUnit.SECONDS);
        assertThat(bot.core.received).filteredOn(m -> m.conversationId().equals(bot.pseudonyms.conversationId(ALICE))).hasSize(11);
    }

    @Test
    void aDeepLinkToReportOpensTheReportFlow() throws Exception {
        bot.deliver(TelegramHarness.textUpdate(1, ALICE, "/start signaler", "fr")).get(10, TimeUnit.SECONDS);
        bot.await("sendmessage", 1);
        assertThat(bot.core.received).extracting(IncomingMessage::text).containsExactly("Je veux signaler un problème");
    }

    @Test
    void aDeepLinkToAConsultationAsksForTheListThenPicksThatConsultation() throws Exception {
        bot.deliver(TelegramHarness.textUpdate(1, ALICE, "/start consultation-budget-participatif-2027", "fr"))
                .get(10, TimeUnit.SECONDS);
        bot.await("sendmessage", 1);
        // The second message is what pressing the consultation's button in the list sends: its id.
        assertThat(bot.core.received).extracting(IncomingMessage::text)
                .containsExactly("consultation", "budget-participatif-2027");
        assertThat(bot.api.calls("sendmessage")).hasSize(1);
    }

    private void deliverAll(String... updates) throws Exception {
        for (String u : updates) {
            bot.deliver(u).get(10, TimeUnit.SECONDS);
        }
    }

    /** A text in the group by a member; {@code replyToUser}: the author of the message it replies to, or null. */
    private static String groupText(int updateId, long userId, String text, Long replyToUser) {
        String reply = replyToUser == null ? "" : ",\"reply_to_message\":{\"message_id\":1,\"date\":1763900000,"
                + groupChat() + ",\"from\":{\"id\":" + replyToUser + ",\"is_bot\":" + (replyToUser == 123456L)
                + ",\"first_name\":\"X\"},\"text\":\"…\"}";
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId + ",\"date\":1763900000,"
                + groupChat() + "," + member(userId) + ",\"text\":" + FakeBotApi.JSON.getNodeFactory().textNode(text) + reply + "}}";
    }

    private static String topicText(int updateId, long userId, int threadId, String text) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId + ",\"date\":1763900000,"
                + "\"message_thread_id\":" + threadId + ",\"is_topic_message\":true,"
                + "\"chat\":{\"id\":" + GROUP + ",\"type\":\"supergroup\",\"title\":\"Quartier\",\"is_forum\":true},"
                + member(userId) + ",\"text\":" + FakeBotApi.JSON.getNodeFactory().textNode(text) + "}}";
    }

    private static String membership(int updateId, long chatId, String type, String before, String after) {
        String chat = "\"chat\":{\"id\":" + chatId + ",\"type\":\"" + type + "\""
                + (type.equals("private") ? ",\"first_name\":\"Alice\"" : ",\"title\":\"Quartier\"") + "}";
        String botUser = "{\"id\":123456,\"is_bot\":true,\"first_name\":\"Civic\",\"username\":\"CivicGatewayBot\"}";
        return "{\"update_id\":" + updateId + ",\"my_chat_member\":{" + chat + "," + member(ALICE) + ",\"date\":1763900000,"
                + "\"old_chat_member\":{\"status\":\"" + before + "\",\"user\":" + botUser + "},"
                + "\"new_chat_member\":{\"status\":\"" + after + "\",\"user\":" + botUser
                + (after.equals("kicked") ? ",\"until_date\":0" : "") + "}}}";
    }

    private static String groupChat() {
        return "\"chat\":{\"id\":" + GROUP + ",\"type\":\"supergroup\",\"title\":\"Quartier\"}";
    }

    private static String member(long userId) {
        return "\"from\":{\"id\":" + userId + ",\"is_bot\":false,\"first_name\":\"Camille\",\"language_code\":\"fr\"}";
    }
}
