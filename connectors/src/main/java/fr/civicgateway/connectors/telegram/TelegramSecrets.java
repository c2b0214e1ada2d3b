package fr.civicgateway.connectors.telegram;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;

/**
 * The channel's secrets, read from the environment only (never from a configuration file).
 *
 * @param botToken      {@code TELEGRAM_BOT_TOKEN}, given by BotFather
 * @param webhookSecret {@code TELEGRAM_WEBHOOK_SECRET}, the value Telegram sends back in
 *                      {@code X-Telegram-Bot-Api-Secret-Token}; null when not set
 */
record TelegramSecrets(String botToken, String webhookSecret) {

    static final String BOT_TOKEN = "TELEGRAM_BOT_TOKEN";
    static final String WEBHOOK_SECRET = "TELEGRAM_WEBHOOK_SECRET";

    /** Telegram's rule for a webhook secret token. */
    private static final Pattern SECRET_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    static TelegramSecrets from(Environment env) {
        String token = env.getProperty(BOT_TOKEN);
        if (token == null || token.isBlank()) {
            throw new IllegalStateException(BOT_TOKEN + " is not set");
        }
        String secret = Optional.ofNullable(env.getProperty(WEBHOOK_SECRET)).filter(s -> !s.isBlank()).orElse(null);
        if (secret != null && !SECRET_TOKEN.matcher(secret).matches()) {
            throw new IllegalStateException(WEBHOOK_SECRET + " must be 1-256 characters of [A-Za-z0-9_-]");
        }
        return new TelegramSecrets(token.strip(), secret);
    }

    /** Never prints the secrets, should this record end up in a log or an error message. */
    @Override
    public String toString() {
        return "TelegramSecrets[botToken=***, webhookSecret=" + (webhookSecret == null ? "unset" : "***") + "]";
    }
}
