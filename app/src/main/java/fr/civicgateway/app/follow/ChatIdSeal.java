package fr.civicgateway.app.follow;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a Telegram chat id for the database (AES-256-GCM, a fresh 12-byte nonce each time, the conversation key as
 * associated data so that a sealed id copied to another row does not open), and opens it again. The key is
 * {@code CIVIC_FOLLOW_ADDRESS_SECRET} when set, else derived from the pseudonym key ({@code CIVIC_PSEUDONYM_SECRET},
 * which the embedded default generates and keeps): HMAC-SHA256(secret, "follow-address-key-v1"). Thread-safe.
 */
final class ChatIdSeal {

    static final String SECRET_VARIABLE = "CIVIC_FOLLOW_ADDRESS_SECRET";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private ChatIdSeal(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * @param addressSecret {@value #SECRET_VARIABLE}, or null
     * @param pseudonymSecret {@code CIVIC_PSEUDONYM_SECRET}, used when the first is not set
     * @throws IllegalStateException when neither is set, or the one used is shorter than 16 bytes
     */
    static ChatIdSeal fromSecrets(String addressSecret, String pseudonymSecret) {
        boolean own = addressSecret != null && !addressSecret.isBlank();
        String secret = own ? addressSecret : pseudonymSecret;
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 16) {
            throw new IllegalStateException((own ? SECRET_VARIABLE : SECRET_VARIABLE + " (else CIVIC_PSEUDONYM_SECRET)")
                    + " must be set to at least 16 bytes to keep the Telegram addresses of followers encrypted");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new ChatIdSeal(mac.doFinal("follow-address-key-v1".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    String seal(long chatId, String conversationKey) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(conversationKey.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(chatId).array());
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws IllegalArgumentException when it does not open under this key (another key, a tampered value) */
    long open(String sealed, String conversationKey) {
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            c.updateAAD(conversationKey.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES)).getLong();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("a follower's Telegram address does not open with this key", e);
        }
    }
}
