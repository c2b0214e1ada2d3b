package fr.civicgateway.connectors.telegram;

import static fr.civicgateway.connectors.telegram.TelegramHarness.textUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The webhook endpoint: only Telegram, which knows the secret, may post updates; they are answered at once. */
class TelegramWebhookControllerTest {

    private static final String SECRET = "webhook-secret_0123456789";
    private TelegramHarness bot;
    private MockMvc mvc;

    @BeforeEach
    void start() throws Exception {
        bot = new TelegramHarness();
        TelegramProperties properties = new TelegramProperties(TelegramProperties.Mode.WEBHOOK,
                java.net.URI.create(bot.api.baseUrl()), new TelegramProperties.Webhook(null, "/telegram/webhook", false, 4096),
                30, Duration.ofSeconds(1), Duration.ofSeconds(3), 2, Duration.ofMillis(500), Duration.ofSeconds(1),
                10, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(1));
        TelegramWebhookController controller = new TelegramWebhookController(bot.processor, bot.json,
                new TelegramSecrets(FakeBotApi.TOKEN, SECRET), properties);
        mvc = MockMvcBuilders.standaloneSetup(controller)
                .addPlaceholderValue("civic.telegram.webhook.path", "/telegram/webhook")
                .build();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void refusesAnUpdateWithAWrongSecretAndDoesNotAnswerIt() throws Exception {
        mvc.perform(post("/telegram/webhook").header(TelegramWebhookController.SECRET_HEADER, "guessed")
                        .contentType(MediaType.APPLICATION_JSON).content(textUpdate(1, 42, "/start", "fr")))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/telegram/webhook")
                        .contentType(MediaType.APPLICATION_JSON).content(textUpdate(2, 42, "/start", "fr")))
                .andExpect(status().isUnauthorized());

        // A later genuine update is answered alone: the refused ones never reached the bot.
        mvc.perform(post("/telegram/webhook").header(TelegramWebhookController.SECRET_HEADER, SECRET)
                        .contentType(MediaType.APPLICATION_JSON).content(textUpdate(3, 42, "Résultat du scrutin 3876 ?", "fr")))
                .andExpect(status().isOk());
        assertThat(bot.await("sendmessage", 1)).extracting(FakeBotApi.Call::text).containsExactly(TestDialogues.VOTE_ANSWER);
        assertThat(bot.core.received).hasSize(1);
    }

    @Test
    void acceptsAnUpdateWithTheRightSecretAndAnswersItInTheBackground() throws Exception {
        mvc.perform(post("/telegram/webhook").header(TelegramWebhookController.SECRET_HEADER, SECRET)
                        .contentType(MediaType.APPLICATION_JSON).content(textUpdate(1, 42, "/start", "fr")))
                .andExpect(status().isOk());

        assertThat(bot.await("sendmessage", 2).get(0).text()).startsWith("Bonjour ! Je peux vous dire");
    }

    @Test
    void ignoresTheSameUpdateRedeliveredByTelegram() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/telegram/webhook").header(TelegramWebhookController.SECRET_HEADER, SECRET)
                            .contentType(MediaType.APPLICATION_JSON).content(textUpdate(7, 42, "Résultat du scrutin 3876 ?", "fr")))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/telegram/webhook").header(TelegramWebhookController.SECRET_HEADER, SECRET)
                        .contentType(MediaType.APPLICATION_JSON).content(textUpdate(8, 42, "/help", "fr")))
                .andExpect(status().isOk());

        assertThat(bot.await("sendmessage", 2)).extracting(FakeBotApi.Call::text)
                .first().isEqualTo(TestDialogues.VOTE_ANSWER);
        assertThat(bot.core.received).hasSize(2);
    }

    @Test
    void refusesABodyThatIsNotAnUpdateOrIsTooLarge() throws Exception {
        mvc.perform(post("/telegram/webhook").header(TelegramWebhookController.SECRET_HEADER, SECRET)
                        .contentType(MediaType.APPLICATION_JSON).content("not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/telegram/webhook").header(TelegramWebhookController.SECRET_HEADER, SECRET)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"update_id\":1,\"x\":\"" + "a".repeat(5000) + "\"}"))
                .andExpect(status().is(413));
    }
}
