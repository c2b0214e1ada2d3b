package fr.civicgateway.core.consultations;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonym a citizen's consultation answers are stored under: HMAC-SHA256, under a server secret, of the
 * consultation id and the person's key ({@link fr.civicgateway.core.conversation.IncomingMessage#personKey()}: the
 * Telegram user, whichever chat they write from; the conversation on the web). The same person always gets the same pseudonym for one consultation (so one answer per person can be enforced), a
 * different one for each consultation (so answers to two consultations cannot be linked), and nobody without the
 * secret can tell which conversation it came from.
 *
 * <p>Without a secret ({@link #disabled()}), answers are refused rather than keyed by a random per-process key:
 * such a key would change at each restart and let the same person answer again, silently breaking "one answer per
 * person". Thread-safe.
 */
public final class ConsultationPseudonyms {

    /** The environment variable shared with the Telegram connector. */
    public static final String SECRET_VARIABLE = "CIVIC_PSEUDONYM_SECRET";
    private static final String ALGORITHM = "HmacSHA256";
    /** Separates this use of the key from the Telegram connector's use of the same key. */
    private static final String DOMAIN = "civic-gateway/consultation/v1\n";

    private final SecretKeySpec key;

    private ConsultationPseudonyms(SecretKeySpec key) {
        this.key = key;
    }

    /**
     * @throws IllegalArgumentException when the secret is shorter than 16 bytes (the message names the variable,
     *                                  never the value)
     */
    public static ConsultationPseudonyms fromSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            return disabled();
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 16) {
            throw new IllegalArgumentException(SECRET_VARIABLE + " must be at least 16 bytes long, was " + bytes.length);
        }
        return new ConsultationPseudonyms(new SecretKeySpec(bytes, ALGORITHM));
    }

    public static ConsultationPseudonyms disabled() {
        return new ConsultationPseudonyms(null);
    }

    /** False when no secret is configured: answers cannot be accepted. */
    public boolean enabled() {
        return key != null;
    }

    /**
     * The pseudonym: 43 characters of {@code [A-Za-z0-9_-]}.
     *
     * @throws IllegalStateException when {@link #enabled()} is false
     */
    public String of(String consultationId, String conversationKey) {
        if (key == null) {
            throw new IllegalStateException(SECRET_VARIABLE + " is not set: consultation answers cannot be keyed");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // Length-prefixed so that no (consultation, conversation) pair can collide with another one.
            String input = DOMAIN + consultationId.length() + ":" + consultationId + "\n" + conversationKey;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "ConsultationPseudonyms[" + (enabled() ? "keyed" : "disabled") + "]";
    }
}
