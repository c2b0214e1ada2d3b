package fr.civicgateway.connectors.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.conversation.QuickReply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code callback_data} of a quick-reply button, and the way back to the payload when it is pressed.
 *
 * <p>Telegram limits {@code callback_data} to 64 bytes, while the core's payloads are whole sentences. A payload
 * that fits is sent inline ({@code p:<payload>}); a longer one is remembered under a short token
 * ({@code t:<token>}) in a bounded, expiring map. The token is a hash of the payload, so the same button always
 * gets the same token and repeated answers do not fill the map. Thread-safe.
 *
 * <p>The map is per process: behind a load balancer, a long button pressed on another instance than the one that
 * sent it is not found, and the user is asked to type the question (see {@link #payloadOf}).
 */
final class QuickReplyButtons {

    static final int MAX_CALLBACK_DATA_BYTES = 64;
    private static final String INLINE = "p:";
    private static final String TOKEN = "t:";

    private final Cache<String, String> payloads;

    QuickReplyButtons(long maximumSize, Duration expiry, Ticker ticker) {
        this.payloads = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(expiry).ticker(ticker).build();
    }

    String callbackData(QuickReply reply) {
        String inline = INLINE + reply.payload();
        if (inline.getBytes(StandardCharsets.UTF_8).length <= MAX_CALLBACK_DATA_BYTES) {
            return inline;
        }
        String token = tokenOf(reply.payload());
        payloads.put(token, reply.payload());
        return TOKEN + token;
    }

    /** The payload of a pressed button; empty when the button is unknown (expired, or sent by another instance). */
    Optional<String> payloadOf(String callbackData) {
        if (callbackData == null) {
            return Optional.empty();
        }
        if (callbackData.startsWith(INLINE) && callbackData.length() > INLINE.length()) {
            return Optional.of(callbackData.substring(INLINE.length()));
        }
        if (callbackData.startsWith(TOKEN)) {
            return Optional.ofNullable(payloads.getIfPresent(callbackData.substring(TOKEN.length())));
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
