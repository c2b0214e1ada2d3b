package fr.civicgateway.connectors.telegram;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
public record TelegramProperties(
        @DefaultValue("polling") @NotNull Mode mode,
        @DefaultValue("https://api.telegram.org") @NotNull URI apiUrl,
        @DefaultValue @NotNull @Valid Webhook webhook,
        @DefaultValue("30") @Min(1) int messagesPerSecond,
        @DefaultValue("1s") @NotNull @DurationMin(nanos = 0, message = "must not be negative") Duration perChatInterval,
        @DefaultValue("3s") @NotNull @DurationMin(nanos = 0, message = "must not be negative") Duration groupInterval,
        @DefaultValue("5") @Min(0) int maxRetries,
        @DefaultValue("1s") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration retryBackoff,
        @DefaultValue("1s") @NotNull @DurationMin(nanos = 0, message = "must not be negative") Duration typingDelay,
        @DefaultValue("10") @Positive int userRateLimitBurst,
        @DefaultValue("1s") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration userRateLimitInterval,
        @DefaultValue("60s") @NotNull @DurationMin(seconds = 3, message = "must be at least 3s") Duration lease,
        @DefaultValue("24h") @NotNull @DurationMin(nanos = 0, inclusive = false, message = "must be positive") Duration quickReplyExpiry) {

    /** How updates reach the gateway. */
    public enum Mode { POLLING, WEBHOOK }

    /**
     * @param publicUrl    the gateway's public HTTPS base URL as Telegram reaches it, e.g. {@code https://bot.example.org};
     *                     when unset, {@code civic.public-url} (the address citizens reach the gateway at)
     * @param path         the endpoint's path on this application
     * @param register     whether the gateway calls {@code setWebhook} itself at start-up (else the operator does)
     * @param maxBodyBytes larger update bodies are refused with 413
     */
    public record Webhook(
            URI publicUrl,
            @DefaultValue("/telegram/webhook") String path,
            @DefaultValue("false") boolean register,
            @DefaultValue("1048576") @Positive int maxBodyBytes) {

        public Webhook {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("civic.telegram.webhook.path must start with '/': " + path);
            }
        }
    }

    /** What Bean Validation ({@code @Validated}) cannot say in one annotation: the API URL's form. */
    public TelegramProperties {
        String scheme = apiUrl == null ? null : apiUrl.getScheme();
        if (apiUrl != null && (!"https".equals(scheme) && !"http".equals(scheme) || apiUrl.getHost() == null)) {
            throw new IllegalArgumentException("civic.telegram.api-url must be an http(s) URL with a host: " + apiUrl);
        }
        if (apiUrl != null && apiUrl.getPath() != null && !apiUrl.getPath().isEmpty() && !apiUrl.getPath().equals("/")) {
            // The client builds /bot<token>/<method> on the host itself and cannot keep a path prefix.
            throw new IllegalArgumentException("civic.telegram.api-url must have no path: " + apiUrl);
        }
    }
}
