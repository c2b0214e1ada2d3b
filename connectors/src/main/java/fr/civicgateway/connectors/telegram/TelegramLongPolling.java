package fr.civicgateway.connectors.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Long polling (the default mode, for one instance): asks Telegram for updates in a loop and hands each to the
 * {@link UpdateProcessor}. Started after the rest of the application and stopped before it with the Spring
 * lifecycle; stopping also shuts down the poll executor, which TelegramBots leaves running.
 *
 * <p>Errors: a token Telegram refuses ({@code getMe} answered 401 or 404) fails start-up with a message naming
 * {@code TELEGRAM_BOT_TOKEN}. Telegram being unreachable does not: the gateway's other channels start, and the
 * registration is retried in the background with a growing delay. Once polling, network failures are retried by
 * TelegramBots itself.
 */
final class TelegramLongPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramLongPolling.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofMinutes(5);

    private final TelegramBotsLongPollingApplication application;
    private final ScheduledExecutorService pollExecutor;
    private final TelegramClient client;
    private final String botToken;
    private final Supplier<TelegramUrl> url;
    private final UpdateProcessor processor;
    private volatile boolean running;

    TelegramLongPolling(TelegramBotsLongPollingApplication application, ScheduledExecutorService pollExecutor,
                        TelegramClient client, String botToken, Supplier<TelegramUrl> url, UpdateProcessor processor) {
        this.application = application;
        this.pollExecutor = pollExecutor;
        this.client = client;
        this.botToken = botToken;
        this.url = url;
        this.processor = processor;
    }

    @Override
    public void start() {
        checkToken();
        running = true;
        register(FIRST_RETRY);
    }

    private void checkToken() {
        try {
            client.execute(new GetMe());
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            if (code != null && (code == 401 || code == 404)) {
                throw new IllegalStateException("Telegram refused " + TelegramSecrets.BOT_TOKEN + " (" + code
                        + "): check the token BotFather gave");
            }
            log.warn("Telegram's getMe failed, polling anyway: {}", e.getMessage());
        } catch (Exception e) {
            log.warn("Telegram's getMe failed, polling anyway: {}", e.toString());
        }
    }

    private void register(Duration nextRetry) {
        if (!running) {
            return;
        }
        try {
            // Only message and callback_query updates are answered: asking for no others saves Telegram's and our work.
            application.registerBot(botToken, url, new DefaultGetUpdatesGenerator(List.of("message", "callback_query")),
                    updates -> updates.forEach(processor::accept));
            log.info("Telegram long polling started");
        } catch (Exception e) {
            log.error("Telegram long polling could not start, retrying in {} s: {}", nextRetry.toSeconds(), e.getMessage());
            try {
                // A failed start leaves the session registered: drop it so that the retry can register anew.
                application.unregisterBot(botToken);
            } catch (Exception ignored) {
                // Not registered: nothing to drop.
            }
            Duration after = nextRetry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : nextRetry.multipliedBy(2);
            pollExecutor.schedule(() -> register(after), nextRetry.toMillis(), TimeUnit.MILLISECONDS);
        }
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
