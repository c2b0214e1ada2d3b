package fr.civicgateway.connectors.telegram;

import static fr.civicgateway.connectors.telegram.TelegramHarness.textUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.dialogue.Dialogue;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The channel is switched on by TELEGRAM_BOT_TOKEN alone, and the mode picks long polling or the webhook. */
class TelegramConfigurationTest {

    private FakeBotApi api;
    private ApplicationContextRunner runner;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi();
        runner = new ApplicationContextRunner()
                .withUserConfiguration(TelegramConfiguration.class, TelegramWebhookController.class)
                .withBean(Dialogue.class, () -> new TestDialogues().dialogue())
                .withPropertyValues("civic.telegram.api-url=" + api.baseUrl(), "CIVIC_PSEUDONYM_SECRET=a key of sixteen bytes or more");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void createsNoTelegramBeanAndCallsNothingWithoutAToken() {
        runner.withPropertyValues("civic.telegram.mode=polling").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(TelegramClient.class);
            assertThat(context).doesNotHaveBean(UpdateProcessor.class);
            assertThat(context).doesNotHaveBean(TelegramLongPolling.class);
            assertThat(context).doesNotHaveBean(TelegramWebhookController.class);
        });
        runner.withPropertyValues("TELEGRAM_BOT_TOKEN= ", "civic.telegram.mode=webhook").run(context ->
                assertThat(context).doesNotHaveBean(TelegramClient.class).doesNotHaveBean(TelegramWebhookController.class));
        assertThat(api.calls()).isEmpty();
    }

    @Test
    void pollsTelegramByDefaultRegistersTheCommandMenuAndStopsItsThreadsOnShutdown() throws InterruptedException {
        api.serveUpdates("[" + textUpdate(1, 42, "/start", "fr") + "]");
        runner.withPropertyValues("TELEGRAM_BOT_TOKEN=" + FakeBotApi.TOKEN).run(context -> {
            assertThat(context).hasSingleBean(TelegramLongPolling.class).doesNotHaveBean(TelegramWebhookController.class);
            assertThat(telegramThreads()).isNotEmpty();
            assertThat(context.getBean(ScheduledTaskHolder.class).getScheduledTasks())
                    .as("the store's maintenance is a periodic task on Spring's scheduler, named for Actuator")
                    .extracting(t -> t.getTask().getRunnable().toString()).contains("telegram-store-maintenance");
            awaitCalls("sendmessage", 2);
            assertThat(api.calls("sendmessage").getFirst().text()).startsWith("Bonjour ! Je peux vous dire");
        });

        awaitNoTelegramThreads();
        assertThat(api.calls("deletewebhook")).hasSize(1);
        assertThat(api.calls("setmycommands")).extracting(c -> c.body().path("language_code").asText(""))
                .containsExactlyInAnyOrder("", "fr", "en");
        assertThat(api.calls("setmycommands")).filteredOn(c -> c.body().path("language_code").asText("").equals("en"))
                .singleElement().satisfies(c -> assertThat(c.body().path("commands").toString())
                        .contains("\"command\":\"start\"", "\"command\":\"help\"", "What I can tell you, with examples",
                                "\"command\":\"suivre\"", "\"command\":\"abonnements\"", "What you follow, and stop it"));
        assertThat(api.calls("setmycommands")).filteredOn(c -> c.body().path("language_code").asText("").equals("fr"))
                .singleElement().satisfies(c -> assertThat(c.body().path("commands").toString())
                        .contains("Suivre un député, un projet de loi ou un sujet, et être prévenu",
                                "Tout arrêter : vos abonnements et mes messages sans demande"));
    }

    @Test
    void servesTheWebhookAndRegistersItWithItsSecretWhenAsked() {
        runner.withPropertyValues("TELEGRAM_BOT_TOKEN=" + FakeBotApi.TOKEN, "TELEGRAM_WEBHOOK_SECRET=s3cret_value",
                "civic.telegram.mode=webhook", "civic.telegram.webhook.register=true",
                "civic.telegram.webhook.public-url=https://bot.example.org/").run(context -> {
            assertThat(context).hasSingleBean(TelegramWebhookController.class).doesNotHaveBean(TelegramLongPolling.class);
            String setWebhook = api.calls("setwebhook").getFirst().body().toString();
            assertThat(setWebhook).contains("https://bot.example.org/telegram/webhook", "s3cret_value");
        });
        assertThat(api.calls("deletewebhook")).isEmpty();
    }

    @Test
    void theWebhookIsRegisteredUnderTheGatewaysPublicUrlWhenItHasNoneOfItsOwn() {
        runner.withPropertyValues("TELEGRAM_BOT_TOKEN=" + FakeBotApi.TOKEN, "TELEGRAM_WEBHOOK_SECRET=s3cret_value",
                "civic.telegram.mode=webhook", "civic.telegram.webhook.register=true",
                "civic.public-url=https://civic.example.org").run(context -> {
            String setWebhook = api.calls("setwebhook").getFirst().body().toString();
            assertThat(setWebhook).contains("https://civic.example.org/telegram/webhook");
        });
    }

    @Test
    void theWebhooksOwnPublicUrlWinsOverTheGatewaysAndAPlainHttpOneIsRefused() {
        runner.withPropertyValues("TELEGRAM_BOT_TOKEN=" + FakeBotApi.TOKEN, "TELEGRAM_WEBHOOK_SECRET=s3cret_value",
                "civic.telegram.mode=webhook", "civic.telegram.webhook.register=true",
                "civic.public-url=https://civic.example.org",
                "civic.telegram.webhook.public-url=https://hooks.example.org").run(context ->
                assertThat(api.calls("setwebhook").getFirst().body().toString())
                        .contains("https://hooks.example.org/telegram/webhook")
                        .doesNotContain("civic.example.org"));
        runner.withPropertyValues("TELEGRAM_BOT_TOKEN=" + FakeBotApi.TOKEN, "TELEGRAM_WEBHOOK_SECRET=s3cret_value",
                "civic.telegram.mode=webhook", "civic.telegram.webhook.register=true",
                "civic.public-url=http://localhost:8080").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("civic.telegram.webhook.public-url (by default civic.public-url) must be "
                                + "an https URL"));
    }

    @Test
    void refusesToStartAWebhookWithoutItsSecret() {
        runner.withPropertyValues("TELEGRAM_BOT_TOKEN=" + FakeBotApi.TOKEN, "civic.telegram.mode=webhook").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET must be set in webhook mode"));
    }

    @Test
    void refusesToStartWithATokenTelegramRefuses() {
        runner.withPropertyValues("TELEGRAM_BOT_TOKEN=999:not-the-token").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessage("Telegram refused TELEGRAM_BOT_TOKEN (401): check the token BotFather gave")
                        .hasMessageNotContaining("not-the-token"));
    }

    private static List<String> telegramThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("telegram-")).toList();
    }

    private static void awaitNoTelegramThreads() throws InterruptedException {
        for (int i = 0; i < 500 && !telegramThreads().isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(telegramThreads()).as("threads left after shutdown").isEmpty();
    }

    private void awaitCalls(String method, int count) throws InterruptedException {
        for (int i = 0; i < 500 && api.calls(method).size() < count; i++) {
            Thread.sleep(10);
        }
        assertThat(api.calls(method)).hasSizeGreaterThanOrEqualTo(count);
    }
}
