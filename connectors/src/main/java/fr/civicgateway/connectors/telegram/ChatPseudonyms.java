package fr.civicgateway.connectors.telegram;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Telegram chat id (or a group member: chat and user) into a pseudonym (HMAC-SHA256 under a server key, base64url), used as the conversation id
 * and in logs, so that no raw Telegram id is kept in conversation state or written to a log. The same chat always
 * gets the same pseudonym under the same key; without the key it cannot be traced back to the chat.
 *
 * <p>Thread-safe. The key comes from {@code CIVIC_PSEUDONYM_SECRET}; without it a random key is drawn for this
 * process, so conversations restart after a restart and several instances do not agree on pseudonyms.
 */
final class ChatPseudonyms {

    static final String SECRET_VARIABLE = "CIVIC_PSEUDONYM_SECRET";
    private static final Logger log = LoggerFactory.getLogger(ChatPseudonyms.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    ChatPseudonyms(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException(SECRET_VARIABLE + " must be at least 16 bytes long, was " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** A pseudonym key from the secret, or a random one (with a warning) when the secret is not set. */
    static ChatPseudonyms fromSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            log.warn("{} is not set: Telegram conversation ids use a random key for this process only; "
                    + "set it so that several instances and restarts agree", SECRET_VARIABLE);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return new ChatPseudonyms(random);
        }
        return new ChatPseudonyms(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The conversation id of a private chat: 43 characters of {@code [A-Za-z0-9_-]}. */
    String conversationId(long chatId) {
        return hmac(ByteBuffer.allocate(Long.BYTES).putLong(chatId).array());
    }

    /**
     * The conversation id of one member in a group: each member has their own conversation there, so that one
     * member's message never feeds another member's report. Not the member's private conversation id.
     */
    String conversationId(long chatId, long userId) {
        return hmac(ByteBuffer.allocate(2 * Long.BYTES).putLong(chatId).putLong(userId).array());
    }

    /**
     * The pseudonym of a person, whichever chat they write from: what is owed once per person (a consultation answer)
     * is keyed by it. A private chat's id is its user's id, so this is also the user's private conversation id.
     */
    String personId(long userId) {
        return conversationId(userId);
    }

    private String hmac(byte[] input) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A short form of the pseudonym for log lines: enough to follow one chat, not to identify it. */
    String forLog(long chatId) {
        return conversationId(chatId).substring(0, 10);
    }
}
