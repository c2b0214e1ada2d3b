package fr.civicgateway.connectors.telegram;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * Long polling (the default mode, for one instance): asks Telegram for updates in a loop and hands each to the
 * {@link UpdateProcessor}. Started after the rest of the application and stopped before it with the Spring
 * lifecycle; stopping also shuts down the poll executor, which TelegramBots leaves running.
 *
 * <p>Start-up fails when Telegram refuses the registration (a wrong token: 401 on {@code deleteWebhook}), so a
 * misconfigured bot is noticed at once. Later network failures are retried by TelegramBots with a back-off.
 */
final class TelegramLongPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramLongPolling.class);

    private final TelegramBotsLongPollingApplication application;
    private final ScheduledExecutorService pollExecutor;
    private final String botToken;
    private final Supplier<TelegramUrl> url;
    private final UpdateProcessor processor;
    private volatile boolean running;

    TelegramLongPolling(TelegramBotsLongPollingApplication application, ScheduledExecutorService pollExecutor,
                        String botToken, Supplier<TelegramUrl> url, UpdateProcessor processor) {
        this.application = application;
        this.pollExecutor = pollExecutor;
        this.botToken = botToken;
        this.url = url;
        this.processor = processor;
    }

    @Override
    public void start() {
        try {
            // Only message and callback_query updates are answered: asking for no others saves Telegram's and our work.
            application.registerBot(botToken, url,
                    new DefaultGetUpdatesGenerator(java.util.List.of("message", "callback_query")),
                    updates -> updates.forEach(processor::accept));
        } catch (Exception e) {
            throw new IllegalStateException("Telegram long polling could not start (check TELEGRAM_BOT_TOKEN and "
                    + "civic.telegram.api-url): " + e.getMessage(), e);
        }
        running = true;
        log.info("Telegram long polling started");
    }

    @Override
    public void stop() {
        running = false;
        try {
            application.close();
        } catch (Exception e) {
            log.warn("Telegram long polling did not close cleanly: {}", e.toString());
        } finally {
            // A poll may be waiting up to 50 s for Telegram's answer: interrupt it rather than wait.
            pollExecutor.shutdownNow();
        }
        log.info("Telegram long polling stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
