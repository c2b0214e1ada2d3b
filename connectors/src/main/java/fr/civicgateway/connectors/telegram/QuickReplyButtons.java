package fr.civicgateway.connectors.telegram;

import fr.civicgateway.core.conversation.QuickReply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code callback_data} of a quick-reply button, and the way back to the payload when it is pressed.
 *
 * <p>Telegram limits {@code callback_data} to 64 bytes, while the core's payloads are whole sentences. A payload
 * that fits is sent inline ({@code p:<payload>}); a longer one is remembered under a short token
 * ({@code t:<token>}) in the {@link TelegramStore} (the database, shared by every instance and kept across restarts)
 * for {@code expiry} after it was last sent. The token is a hash of the payload, so the same button always gets the
 * same token and repeated answers do not fill the table. Thread-safe.
 *
 * <p>Errors: a store that cannot be written fails the rendering (the user then gets an apology); one that cannot be
 * read makes the button unknown (the user is asked to type the question).
 */
final class QuickReplyButtons {

    static final int MAX_CALLBACK_DATA_BYTES = 64;
    private static final String INLINE = "p:";
    private static final String TOKEN = "t:";

    private static final Logger log = LoggerFactory.getLogger(QuickReplyButtons.class);

    private final TelegramStore store;
    private final Clock clock;
    private final Duration expiry;

    QuickReplyButtons(TelegramStore store, Clock clock, Duration expiry) {
        this.store = store;
        this.clock = clock;
        this.expiry = expiry;
    }

    String callbackData(QuickReply reply) {
        String inline = INLINE + reply.payload();
        if (inline.getBytes(StandardCharsets.UTF_8).length <= MAX_CALLBACK_DATA_BYTES) {
            return inline;
        }
        String token = tokenOf(reply.payload());
        store.saveButton(token, reply.payload(), clock.instant());
        return TOKEN + token;
    }

    /** The payload of a pressed button; empty when the button is unknown (expired, or never sent). */
    Optional<String> payloadOf(String callbackData) {
        if (callbackData == null) {
            return Optional.empty();
        }
        if (callbackData.startsWith(INLINE) && callbackData.length() > INLINE.length()) {
            return Optional.of(callbackData.substring(INLINE.length()));
        }
        if (callbackData.startsWith(TOKEN)) {
            try {
                return store.button(callbackData.substring(TOKEN.length()), clock.instant().minus(expiry));
            } catch (RuntimeException e) {
                log.warn("a long button could not be read: {}", e.toString());
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String tokenOf(String payload) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
            // 18 bytes = 144 bits: collisions between payloads are out of reach; 24 characters keep well under 64 bytes.
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
