package fr.civicgateway.connectors.telegram;

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

    static final List<BotCommand> FRENCH = List.of(
            new BotCommand("start", "Présentation du bot et confidentialité"),
            new BotCommand("help", "Ce que je peux vous dire, avec des exemples"),
            new BotCommand("signaler", "Signaler un problème dans la rue (nid-de-poule, dépôt sauvage…)"),
            new BotCommand("consultation", "Répondre à une consultation ouverte"),
            new BotCommand("stop", "Ne plus recevoir de messages de ma part sans les demander"));
    static final List<BotCommand> ENGLISH = List.of(
            new BotCommand("start", "About this bot and privacy"),
            new BotCommand("help", "What I can tell you, with examples"),
            new BotCommand("signaler", "Report a problem in the street (pothole, fly-tipping…)"),
            new BotCommand("consultation", "Answer an open consultation"),
            new BotCommand("stop", "Stop receiving messages from me that you did not ask for"));

    private final TelegramClient client;
    private final BotIdentity me;
    private final URI webhookUrl;
    private final String webhookSecret;
    private volatile boolean running;

    /**
     * @param webhookUrl    the webhook to register, or null to register none
     * @param webhookSecret the secret Telegram must send back, required with a webhook
     */
    TelegramBotSetup(TelegramClient client, URI webhookUrl, String webhookSecret, BotIdentity me) {
        this.client = client;
        this.me = me;
        this.webhookUrl = webhookUrl;
        this.webhookSecret = webhookSecret;
    }

    @Override
    public void start() {
        me.refreshIfUnknown();
        registerCommands(null, FRENCH);
        registerCommands("fr", FRENCH);
        registerCommands("en", ENGLISH);
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
