package fr.civicgateway.connectors.telegram;

import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.text.MessageCatalogue;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * What the gateway tells Telegram about itself at start-up: the command menu ({@code setMyCommands}) in French —
 * also the default for other languages — and in English; and, in webhook mode when asked, the webhook's URL and
 * secret ({@code setWebhook}).
 *
 * <p>The command menu is a comfort: it is sent in the background, and a failure is only logged. A webhook Telegram
 * refuses (a wrong token, a URL that is not HTTPS) fails start-up with the reason; Telegram being unreachable does
 * not (it keeps the webhook registered before), and is logged.
 */
final class TelegramBotSetup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramBotSetup.class);

    /** The commands of the menu, each described by the catalogue's {@code telegram.command_<command>}. */
    static final List<String> COMMANDS = List.of("start", "help", "signaler", "consultation", "suivre", "abonnements", "stop");

    /** The command menu in one language. */
    static List<BotCommand> commands(MessageCatalogue messages, Language language) {
        return COMMANDS.stream()
                .map(c -> new BotCommand(c, messages.format(language, "telegram.command_" + c)))
                .toList();
    }

    private final TelegramClient client;
    private final BotIdentity me;
    private final MessageCatalogue messages;
    private final URI webhookUrl;
    private final String webhookSecret;
    private volatile boolean running;

    /**
     * @param webhookUrl    the webhook to register, or null to register none
     * @param webhookSecret the secret Telegram must send back, required with a webhook
     * @param messages      the catalogue the menu's descriptions come from
     */
    TelegramBotSetup(TelegramClient client, URI webhookUrl, String webhookSecret, BotIdentity me,
                     MessageCatalogue messages) {
        this.client = client;
        this.messages = messages;
        this.me = me;
        this.webhookUrl = webhookUrl;
        this.webhookSecret = webhookSecret;
    }

    @Override
    public void start() {
        me.refreshIfUnknown();
        List<BotCommand> french = commands(messages, Language.FR);
        registerCommands(null, french);
        registerCommands("fr", french);
        registerCommands("en", commands(messages, Language.EN));
        if (webhookUrl != null) {
            try {
                client.execute(SetWebhook.builder()
                        .url(webhookUrl.toString())
                        .secretToken(webhookSecret)
                        .allowedUpdates(TelegramLongPolling.ALLOWED_UPDATES)
                        .build());
                log.info("Telegram webhook registered");
            } catch (TelegramApiRequestException e) {
                throw new IllegalStateException("Telegram refused the webhook (check civic.telegram.webhook.public-url "
                        + "and " + TelegramSecrets.BOT_TOKEN + "): " + e.getMessage(), e);
            } catch (Exception e) {
                log.error("Telegram webhook not registered, Telegram could not be reached: {}", e.toString());
            }
        }
        running = true;
    }

    private void registerCommands(String languageCode, List<BotCommand> commands) {
        String which = languageCode == null ? "default" : languageCode;
        try {
            client.executeAsync(SetMyCommands.builder().commands(commands).languageCode(languageCode).build())
                    .exceptionally(e -> {
                        log.warn("Telegram command menu ({}) not registered: {}", which, e.getMessage());
                        return false;
                    });
        } catch (Exception e) {
            log.warn("Telegram command menu ({}) not registered: {}", which, e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
