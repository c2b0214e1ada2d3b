package fr.civicgateway.connectors.telegram;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Telegram channel ({@code civic.telegram.*}), documented in {@code config/application.yml}.
 *
 * <p>The channel is switched on by the environment variable {@code TELEGRAM_BOT_TOKEN}, never by this block: the
 * bot token, the webhook secret ({@code TELEGRAM_WEBHOOK_SECRET}) and the pseudonym key
 * ({@code CIVIC_PSEUDONYM_SECRET}) are read from the environment only, so that no configuration file can hold them.
 *
 * @param mode                 {@code polling} (one instance) or {@code webhook} (several instances behind a load balancer)
 * @param apiUrl               the Bot API's base URL: scheme, host and port only (tests point it at a fake server)
 * @param webhook              the webhook endpoint, used in webhook mode only
 * @param messagesPerSecond    messages sent per second at most, all chats together (Telegram allows about 30)
 * @param perChatInterval      the least time between two messages to the same chat (Telegram allows about one a second)
 * @param groupInterval        the least time between two messages to the same group (Telegram allows about 20 a minute)
 * @param maxRetries           attempts after the first for a message that fails with a 5xx or a network error; a
 *                             {@code 429 Too Many Requests} is always retried after its {@code retry_after}
 * @param retryBackoff         the first wait before retrying a 5xx or network failure, doubled at each attempt
 * @param typingDelay          an answer not ready after this long shows "typing…" in the chat
 * @param userRateLimitBurst   messages a person may send at once, all chats together
 * @param userRateLimitInterval then one message per interval; faster ones are not answered (the person is told once)
 * @param lease                how long an instance's claim on an update or a waiting message holds without renewal;
 *                             when an instance dies, another takes its waiting messages over after this long
 * @param quickReplyExpiry     how long a button whose payload exceeds Telegram's 64 bytes keeps working after it was
 *                             last sent (its payload is kept in the database meanwhile)
 */
@ConfigurationProperties("civic.telegram")
public record TelegramProperties(
        @DefaultValue("polling") Mode mode,
        @DefaultValue("https://api.telegram.org") URI apiUrl,
        @DefaultValue Webhook webhook,
        @DefaultValue("30") int messagesPerSecond,
        @DefaultValue("1s") Duration perChatInterval,
        @DefaultValue("3s") Duration groupInterval,
        @DefaultValue("5") int maxRetries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("1s") Duration typingDelay,
        @DefaultValue("10") int userRateLimitBurst,
        @DefaultValue("1s") Duration userRateLimitInterval,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("24h") Duration quickReplyExpiry) {

    /** How updates reach the gateway. */
    public enum Mode { POLLING, WEBHOOK }

    /**
     * @param publicUrl    the gateway's public HTTPS base URL as Telegram reaches it, e.g. {@code https://bot.example.org}
     * @param path         the endpoint's path on this application
     * @param register     whether the gateway calls {@code setWebhook} itself at start-up (else the operator does)
     * @param maxBodyBytes larger update bodies are refused with 413
     */
    public record Webhook(
            URI publicUrl,
            @DefaultValue("/telegram/webhook") String path,
            @DefaultValue("false") boolean register,
            @DefaultValue("1048576") int maxBodyBytes) {

        public Webhook {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("civic.telegram.webhook.path must start with '/': " + path);
            }
        }
    }

    public TelegramProperties {
        if (messagesPerSecond < 1) {
            throw new IllegalArgumentException("civic.telegram.messages-per-second must be at least 1: " + messagesPerSecond);
        }
        if (perChatInterval.isNegative()) {
            throw new IllegalArgumentException("civic.telegram.per-chat-interval must not be negative: " + perChatInterval);
        }
        if (groupInterval.isNegative()) {
            throw new IllegalArgumentException("civic.telegram.group-interval must not be negative: " + groupInterval);
        }
        if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("civic.telegram.lease must be at least 3s: " + lease);
        }
        if (retryBackoff.isNegative() || retryBackoff.isZero()) {
            throw new IllegalArgumentException("civic.telegram.retry-backoff must be positive: " + retryBackoff);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("civic.telegram.max-retries must not be negative: " + maxRetries);
        }
        String scheme = apiUrl.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme) || apiUrl.getHost() == null) {
            throw new IllegalArgumentException("civic.telegram.api-url must be an http(s) URL with a host: " + apiUrl);
        }
        if (apiUrl.getPath() != null && !apiUrl.getPath().isEmpty() && !apiUrl.getPath().equals("/")) {
            // The client builds /bot<token>/<method> on the host itself and cannot keep a path prefix.
            throw new IllegalArgumentException("civic.telegram.api-url must have no path: " + apiUrl);
        }
    }
}
